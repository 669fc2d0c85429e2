namespace Course.Sandbox.Services.Wire;

/// <summary>Receives every call a sandbox service answers, so the engine can add modelled latency and trace it.</summary>
public interface IServiceCallObserver
{
    /// <summary>Called once per answered call, after the service has answered.</summary>
    void OnCall(ServiceCall call);
}
