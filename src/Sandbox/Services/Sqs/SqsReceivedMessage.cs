namespace Course.Sandbox.Services.Sqs;

/// <summary>One message as a receive returns it (a snapshot: later receives change the stored message, not this).</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="ReceiptHandle">The handle of THIS receive; a later receive of the same message issues a new one.</param>
/// <param name="Body">The body.</param>
/// <param name="MD5OfBody">Hex MD5 of the body.</param>
/// <param name="Attributes">System attributes (<c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>,
/// <c>ApproximateFirstReceiveTimestamp</c>, <c>SenderId</c>, and for FIFO <c>MessageGroupId</c>,
/// <c>MessageDeduplicationId</c>, <c>SequenceNumber</c>); timestamps are epoch milliseconds.</param>
/// <param name="MessageAttributes">The message attributes.</param>
/// <param name="MD5OfMessageAttributes">Hex MD5 of all message attributes, or null when there are none.</param>
public sealed record SqsReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    string MD5OfBody,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes,
    string? MD5OfMessageAttributes);
