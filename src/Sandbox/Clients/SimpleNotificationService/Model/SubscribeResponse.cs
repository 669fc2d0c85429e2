using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>The output of <c>Subscribe</c> (mirrors <c>Amazon.SimpleNotificationService.Model.SubscribeResponse</c>).</summary>
public sealed class SubscribeResponse : AmazonWebServiceResponse
{
    /// <summary>The subscription ARN.</summary>
    public string SubscriptionArn { get; set; }
}
