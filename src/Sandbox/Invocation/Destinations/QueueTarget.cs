using Course.Sandbox.Functions;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Invocation.Destinations;

/// <summary>Delivers into an SQS queue (destination or DLQ).</summary>
internal sealed class QueueTarget(Simulation sim, SqsQueue queue) : IAsyncTarget
{
    public string Arn => queue.Arn;

    public void Deliver(AsyncDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var attributes = delivery.Attributes.ToDictionary(a => a.Key, a => SqsMessageAttribute.String(a.Value), StringComparer.Ordinal);
        var sent = queue.Send(new SqsSendRequest
        {
            Body = delivery.Body,
            MessageAttributes = attributes,
            MessageGroupId = queue.IsFifo ? "lambda" : null,
        });
        sim.Trace.Add(sim.Now, TraceKind.Note, queue.Name, null, $"message {sent.MessageId} received from Lambda ({attributes.Count} attributes)");
    }
}
