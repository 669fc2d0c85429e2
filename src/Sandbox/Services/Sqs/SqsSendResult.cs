namespace Course.Sandbox.Services.Sqs;

/// <summary>The answer to a send: what <c>SendMessage</c> returns.</summary>
/// <param name="MessageId">The message id (a GUID drawn from the simulation's seeded random).</param>
/// <param name="MD5OfMessageBody">Hex MD5 of the body, as SQS returns it.</param>
/// <param name="MD5OfMessageAttributes">Hex MD5 of the message attributes (SQS's encoding), or null when there are none.</param>
/// <param name="SequenceNumber">FIFO only: the 20-digit sequence number; null for standard queues.</param>
public sealed record SqsSendResult(string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes, string? SequenceNumber);
