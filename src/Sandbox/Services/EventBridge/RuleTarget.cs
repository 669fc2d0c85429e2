using Course.Sandbox.Retries;

namespace Course.Sandbox.Services.EventBridge;

/// <summary>
/// A target of a rule or schedule, as in <c>PutTargets</c>: a Lambda function (invoked asynchronously), an SQS queue
/// or an SNS topic, named by ARN and resolved when an event is delivered (a target that no longer exists is a
/// non-retriable error: the event goes straight to the dead-letter queue).
/// </summary>
public sealed class RuleTarget
{
    /// <summary>The target id, unique within the rule: 1–64 letters, digits, <c>.</c>, <c>-</c>, <c>_</c>. Required for rules.</summary>
    public string Id { get; set; } = "";

    /// <summary>The ARN of the function (<c>arn:aws:lambda:…:function:name</c>), queue or topic. Required.</summary>
    public string Arn { get; set; } = "";

    /// <summary>Constant JSON sent instead of the matched event. <value>The default is null: send the event.</value></summary>
    public string? Input { get; set; }

    /// <summary>The retry policy (EB_02). <value>The default is 185 retries over at most 24 hours.</value></summary>
    public EventBridgeRetryPolicy RetryPolicy { get; set; } = new();

    /// <summary>The ARN of the SQS queue that receives events whose delivery failed. <value>The default is none: such events are dropped.</value></summary>
    public string? DeadLetterArn { get; set; }

    /// <summary>The kind of target from its ARN: <c>lambda</c>, <c>sqs</c> or <c>sns</c>.</summary>
    public string Kind => Arn.Split(':') is { Length: > 2 } parts ? parts[2] : "";

    internal void Validate(string path)
    {
        if (Kind is not ("lambda" or "sqs" or "sns") || Arn.Split(':').Length < 6)
        {
            throw EventBridgeException.Validation($"Parameter {path}.Arn is not valid: '{Arn}'. The sandbox supports Lambda function, SQS queue and SNS topic targets, e.g. arn:aws:lambda:us-east-1:123456789012:function:my-function.");
        }

        if (DeadLetterArn is not null && (DeadLetterArn.Split(':') is not { Length: 6 } dlq || dlq[2] != "sqs"))
        {
            throw EventBridgeException.Validation($"Parameter {path}.DeadLetterConfig.Arn is not valid: '{DeadLetterArn}'. A dead-letter queue must be a standard SQS queue ARN, e.g. arn:aws:sqs:us-east-1:123456789012:my-dlq.");
        }

        (RetryPolicy ?? throw EventBridgeException.Validation($"Parameter {path}.RetryPolicy must not be null.")).Validate(path + ".retryPolicy");
    }

    internal RuleTarget Copy() => new() { Id = Id, Arn = Arn, Input = Input, RetryPolicy = RetryPolicy.Copy(), DeadLetterArn = DeadLetterArn };
}
