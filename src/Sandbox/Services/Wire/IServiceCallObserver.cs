namespace Course.Sandbox.Services.Wire;

/// <summary>Told of every call a sandbox service answers, so the engine can add its latency and trace it.</summary>
public interface IServiceCallObserver
{
    /// <summary>Called once per answered call.</summary>
    void OnCall(ServiceCall call);
}
