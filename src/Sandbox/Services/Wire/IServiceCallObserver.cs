namespace Course.Sandbox.Services.Wire;

<<<<<<< HEAD
/// <summary>Told of every call a sandbox service answers, so the engine can add its latency and trace it.</summary>
public interface IServiceCallObserver
{
    /// <summary>Called once per answered call.</summary>
=======
/// <summary>Receives every call a sandbox service answers, so the engine can add modelled latency and trace it.</summary>
public interface IServiceCallObserver
{
    /// <summary>Called once per answered call, after the service has answered.</summary>
>>>>>>> dynamo
    void OnCall(ServiceCall call);
}
