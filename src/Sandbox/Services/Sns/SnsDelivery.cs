namespace Course.Sandbox.Services.Sns;

/// <summary>One delivery of a published message to one subscription (for the trace, graders and the Lambda source).</summary>
/// <param name="Subscription">The subscription delivered to.</param>
/// <param name="Envelope">The notification.</param>
/// <param name="Succeeded">False when the endpoint did not exist (SNS then applies its delivery policy; the sandbox
/// records the failure).</param>
public sealed record SnsDelivery(SnsSubscription Subscription, SnsEnvelope Envelope, bool Succeeded)
{
    /// <summary>For <c>lambda</c> subscriptions: the event the function receives (<c>{"Records":[{…"Sns":{…}}]}</c>).</summary>
    /// <returns>The JSON.</returns>
    public string ToLambdaEventJson() => Envelope.ToLambdaEventJson(Subscription.SubscriptionArn);
}
