using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>The output of <c>Publish</c> (mirrors <c>Amazon.SimpleNotificationService.Model.PublishResponse</c>).</summary>
public sealed class PublishResponse : AmazonWebServiceResponse
{
    /// <summary>The id SNS gave the message.</summary>
    public string MessageId { get; set; }

    /// <summary>FIFO topics only; always null here (FIFO topics are not modelled).</summary>
    public string SequenceNumber { get; set; }
}
