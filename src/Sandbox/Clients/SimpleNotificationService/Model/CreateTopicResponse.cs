using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>The output of <c>CreateTopic</c> (mirrors <c>Amazon.SimpleNotificationService.Model.CreateTopicResponse</c>).</summary>
public sealed class CreateTopicResponse : AmazonWebServiceResponse
{
    /// <summary>The topic ARN.</summary>
    public string TopicArn { get; set; }
}
