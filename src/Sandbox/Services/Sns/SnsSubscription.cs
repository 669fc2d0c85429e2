namespace Course.Sandbox.Services.Sns;

/// <summary>One subscription of a topic.</summary>
/// <param name="SubscriptionArn">The subscription ARN (<c>topicArn:uuid</c>).</param>
/// <param name="TopicArn">The topic.</param>
/// <param name="Protocol"><c>sqs</c> or <c>lambda</c>.</param>
/// <param name="Endpoint">The queue ARN or function ARN.</param>
/// <param name="RawMessageDelivery">SQS only: deliver the bare message (attributes become SQS message attributes)
/// instead of the JSON envelope. Default false.</param>
public sealed record SnsSubscription(string SubscriptionArn, string TopicArn, string Protocol, string Endpoint, bool RawMessageDelivery = false);
