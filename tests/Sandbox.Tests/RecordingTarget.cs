using Course.Sandbox.Functions;

namespace Course.Sandbox.Tests;

/// <summary>An async destination that keeps what it receives, with the virtual time.</summary>
internal sealed class RecordingTarget(Simulation sim, string arn) : IAsyncTarget
{
    public string Arn { get; } = arn;

    public List<(DateTimeOffset Time, AsyncDelivery Delivery)> Received { get; } = [];

    public void Deliver(AsyncDelivery delivery) => Received.Add((sim.Now, delivery));
}
