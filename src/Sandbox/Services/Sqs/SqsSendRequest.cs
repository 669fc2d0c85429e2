namespace Course.Sandbox.Services.Sqs;

/// <summary>What to send to a queue through the engine-facing API (<see cref="SqsQueue.Send"/>).</summary>
public sealed class SqsSendRequest
{
    /// <summary>The message body (1 byte to 1 MiB of text). Required.</summary>
    public required string Body { get; init; }

    /// <summary>Per-message delay in seconds, 0–900; null uses the queue's <c>DelaySeconds</c>. Not allowed on FIFO queues.</summary>
    public int? DelaySeconds { get; init; }

    /// <summary>Message attributes (at most 10). Empty by default.</summary>
    public IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes { get; init; } =
        new Dictionary<string, SqsMessageAttribute>();

    /// <summary>FIFO only, required there: the message group (order is kept per group).</summary>
    public string? MessageGroupId { get; init; }

    /// <summary>FIFO only: the deduplication id; required unless the queue has <c>ContentBasedDeduplication</c>.</summary>
    public string? MessageDeduplicationId { get; init; }
}
