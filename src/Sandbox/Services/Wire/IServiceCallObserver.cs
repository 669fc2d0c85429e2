namespace Course.Sandbox.Services.Wire;

/// <summary>Receives every call a sandbox service answers, so the engine can add modelled latency and trace it.</summary>
public interface IServiceCallObserver
{
    /// <summary>Called once per answered call, after the response is built.</summary>
    /// <param name="call">What was called, how it ended and its modelled latency.</param>
    void OnCall(ServiceCall call);
}
