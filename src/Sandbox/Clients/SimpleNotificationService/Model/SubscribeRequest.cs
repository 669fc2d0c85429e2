// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>The input of <c>Subscribe</c> (mirrors <c>Amazon.SimpleNotificationService.Model.SubscribeRequest</c>).</summary>
public sealed class SubscribeRequest
{
    /// <summary>An empty request.</summary>
    public SubscribeRequest()
    {
    }

    /// <summary>A request for a topic, protocol and endpoint.</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="protocol"><c>sqs</c> or <c>lambda</c>.</param>
    /// <param name="endpoint">The queue or function ARN.</param>
    public SubscribeRequest(string topicArn, string protocol, string endpoint)
    {
        TopicArn = topicArn;
        Protocol = protocol;
        Endpoint = endpoint;
    }

    /// <summary>The topic ARN. Required.</summary>
    public string TopicArn { get; set; }

    /// <summary><c>sqs</c> or <c>lambda</c> (others are not modelled). Required.</summary>
    public string Protocol { get; set; }

    /// <summary>The queue ARN (sqs) or function ARN (lambda). Required.</summary>
    public string Endpoint { get; set; }

    /// <summary>Subscription attributes; the sandbox honours <c>RawMessageDelivery</c> (<c>"true"</c>/<c>"false"</c>).</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];

    /// <summary>Accepted for compatibility; sqs and lambda subscriptions are confirmed at once, so the ARN is always returned.</summary>
    public bool? ReturnSubscriptionArn { get; set; }
}
