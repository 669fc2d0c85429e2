namespace Course.Sandbox.Services.Sqs;

/// <summary>A queue's <c>RedrivePolicy</c>: where a message goes after too many receives.</summary>
/// <param name="DeadLetterTargetArn">The ARN of the dead-letter queue (must exist, same type: standard or FIFO).</param>
/// <param name="MaxReceiveCount">Receives allowed before the move, 1–1,000. SQS moves the message on the next
/// receive attempt after it has been received this many times.</param>
public sealed record SqsRedrivePolicy(string DeadLetterTargetArn, int MaxReceiveCount);
