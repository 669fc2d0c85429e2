namespace Course.Sandbox.Functions;

/// <summary>
/// Something Lambda can deliver an asynchronous invocation's outcome to: an SQS queue, SNS topic, EventBridge bus,
/// S3 bucket or another function.
/// </summary>
public interface IAsyncTarget
{
    /// <summary>The target's ARN, as it appears in the invocation record.</summary>
    string Arn { get; }

    /// <summary>Delivers one message (an invocation record for destinations, the event body for a DLQ).</summary>
    void Deliver(AsyncDelivery delivery);
}
