using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Tests.Services.Wire;

internal sealed class RecordingObserver : IServiceCallObserver
{
    public List<ServiceCall> Calls { get; } = [];

    public void OnCall(ServiceCall call) => Calls.Add(call);
}
