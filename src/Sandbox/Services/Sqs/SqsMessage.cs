namespace Course.Sandbox.Services.Sqs;

/// <summary>
/// A message stored in a sandbox queue, as graders and the engine see it (the state changes as the virtual clock
/// moves and as the message is received, made visible again, moved to a dead-letter queue or deleted).
/// </summary>
public sealed class SqsMessage
{
    internal SqsMessage(string messageId, string body, IReadOnlyDictionary<string, SqsMessageAttribute> attributes, DateTimeOffset sentAt)
    {
        MessageId = messageId;
        Body = body;
        MessageAttributes = attributes;
        SentTimestamp = sentAt;
        MD5OfBody = SqsMd5.OfBody(body);
        MD5OfMessageAttributes = SqsMd5.OfAttributes(attributes);
    }

    /// <summary>The message id (kept when the message moves to a dead-letter queue).</summary>
    public string MessageId { get; }

    /// <summary>The body.</summary>
    public string Body { get; }

    /// <summary>Hex MD5 of the body.</summary>
    public string MD5OfBody { get; }

    /// <summary>Hex MD5 of the message attributes; null when there are none.</summary>
    public string? MD5OfMessageAttributes { get; }

    /// <summary>The message attributes.</summary>
    public IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes { get; }

    /// <summary>When the message was first sent (kept across a dead-letter move; retention counts from it).</summary>
    public DateTimeOffset SentTimestamp { get; }

    /// <summary>FIFO: the message group; null on standard queues.</summary>
    public string? MessageGroupId { get; internal init; }

    /// <summary>FIFO: the deduplication id (explicit, or the SHA-256 of the body); null on standard queues.</summary>
    public string? MessageDeduplicationId { get; internal init; }

    /// <summary>FIFO: the sequence number; null on standard queues.</summary>
    public string? SequenceNumber { get; internal set; }

    /// <summary>How many times the message has been received (<c>ApproximateReceiveCount</c>; exact here).</summary>
    public int ReceiveCount { get; internal set; }

    /// <summary>When the message was first received; null until then.</summary>
    public DateTimeOffset? FirstReceiveTimestamp { get; internal set; }

    /// <summary>When the message was last received; null until then.</summary>
    public DateTimeOffset? LastReceiveTimestamp { get; internal set; }

    /// <summary>When the message becomes (or became) receivable: end of the delay or of the visibility timeout.</summary>
    public DateTimeOffset VisibleAt { get; internal set; }

    /// <summary>The receipt handle of the latest receive; null before the first one. Older handles are stale.</summary>
    public string? ReceiptHandle { get; internal set; }

    /// <summary>The message's number in its queue (encoded in its receipt handles).</summary>
    internal long Ordinal { get; set; }

    /// <summary>True once deleted (by <c>DeleteMessage</c>) — deleted messages appear only in <see cref="SqsQueue.Deleted"/>.</summary>
    public bool IsDeleted { get; internal set; }

    /// <summary>The state at <paramref name="now"/>.</summary>
    /// <param name="now">The current virtual time.</param>
    /// <returns><see cref="SqsMessageState.Visible"/>, <see cref="SqsMessageState.InFlight"/> or <see cref="SqsMessageState.Delayed"/>.</returns>
    public SqsMessageState StateAt(DateTimeOffset now) =>
        now >= VisibleAt ? SqsMessageState.Visible
        : ReceiptHandle is null ? SqsMessageState.Delayed
        : SqsMessageState.InFlight;

    /// <summary>The message, for logs: id, receive count and a body excerpt.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{MessageId} (received {ReceiveCount}x): {(Body.Length > 60 ? Body[..60] + "…" : Body)}";
}
