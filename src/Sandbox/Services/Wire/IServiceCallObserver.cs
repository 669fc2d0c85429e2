namespace Course.Sandbox.Services.Wire;

/// <summary>Receives every call a sandbox service handles (for the trace, metrics, cost and graders).</summary>
public interface IServiceCallObserver
{
    /// <summary>Called once per handled call, after the response is built.</summary>
    /// <param name="call">What was called, how it ended and its modelled latency.</param>
    void OnCall(ServiceCall call);
}
