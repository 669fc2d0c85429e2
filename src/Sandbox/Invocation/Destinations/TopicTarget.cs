using Course.Sandbox.Functions;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Sns;

namespace Course.Sandbox.Invocation.Destinations;

/// <summary>Publishes to an SNS topic (destination or DLQ).</summary>
internal sealed class TopicTarget(Simulation sim, SnsTopic topic) : IAsyncTarget
{
    public string Arn => topic.Arn;

    public void Deliver(AsyncDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var attributes = delivery.Attributes.ToDictionary(a => a.Key, a => new SnsMessageAttribute("String", a.Value), StringComparer.Ordinal);
        var envelope = sim.Services.Sns.Publish(topic.Arn, delivery.Body, messageAttributes: attributes);
        sim.Trace.Add(sim.Now, TraceKind.Note, topic.Name, null, $"message {envelope.MessageId} published by Lambda");
    }
}
