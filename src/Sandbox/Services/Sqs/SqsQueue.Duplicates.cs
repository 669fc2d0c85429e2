namespace Course.Sandbox.Services.Sqs;

// At-least-once delivery: a standard queue may hand out a message again.
public sealed partial class SqsQueue
{
    /// <summary>
    /// Hands out one more copy of a message this queue already handed out, as a standard queue may (at-least-once
    /// delivery): the same message id and body, <c>ApproximateReceiveCount</c> one higher, and
    /// <paramref name="receiptHandle"/>, which names nothing in the queue. The stored message stays where it is
    /// (deleted, in flight, or in the dead-letter queue).
    /// </summary>
    internal SqsReceivedMessage DeliverCopy(SqsMessage message, string receiptHandle)
    {
        lock (_gate)
        {
            message.ReceiveCount++;
            return Snapshot(message, receiptHandle, message.FirstReceiveTimestamp ?? _time.GetUtcNow());
        }
    }

    /// <summary>The deleted message with <paramref name="messageId"/>, or null.</summary>
    internal SqsMessage? FindDeleted(string messageId)
    {
        lock (_gate)
        {
            return _deleted.FindLast(m => m.MessageId == messageId);
        }
    }
}
