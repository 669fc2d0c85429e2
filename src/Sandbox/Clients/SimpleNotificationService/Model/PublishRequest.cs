// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>The input of <c>Publish</c> (mirrors <c>Amazon.SimpleNotificationService.Model.PublishRequest</c>).</summary>
public sealed class PublishRequest
{
    /// <summary>An empty request.</summary>
    public PublishRequest()
    {
    }

    /// <summary>A request for a topic and message.</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="message">The message.</param>
    public PublishRequest(string topicArn, string message)
    {
        TopicArn = topicArn;
        Message = message;
    }

    /// <summary>A request for a topic, message and subject.</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="message">The message.</param>
    /// <param name="subject">The subject.</param>
    public PublishRequest(string topicArn, string message, string subject)
        : this(topicArn, message) => Subject = subject;

    /// <summary>The topic ARN.</summary>
    public string TopicArn { get; set; }

    /// <summary>Same as <see cref="TopicArn"/> (AWS accepts either).</summary>
    public string TargetArn { get; set; }

    /// <summary>The message. Required.</summary>
    public string Message { get; set; }

    /// <summary>Optional subject.</summary>
    public string Subject { get; set; }

    /// <summary>Message attributes (up to 10). Empty by default.</summary>
    public Dictionary<string, MessageAttributeValue> MessageAttributes { get; set; } = [];
}
