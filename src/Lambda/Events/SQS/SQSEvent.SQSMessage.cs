#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.SQSEvents;

public partial class SQSEvent
{
    /// <summary>One SQS message of a batch.</summary>
    public class SQSMessage
    {
        /// <summary>The message id; return it in <c>SQSBatchResponse</c> to report a failure.</summary>
        public string MessageId { get; set; }

        /// <summary>The receipt handle of this receive.</summary>
        public string ReceiptHandle { get; set; }

        /// <summary>The message body.</summary>
        public string Body { get; set; }

        /// <summary>The MD5 of the body.</summary>
        public string Md5OfBody { get; set; }

        /// <summary>The MD5 of the message attributes.</summary>
        public string Md5OfMessageAttributes { get; set; }

        /// <summary>The ARN of the queue.</summary>
        [JsonPropertyName("eventSourceARN")]
        public string EventSourceArn { get; set; }

        /// <summary>The event source, <c>aws:sqs</c>.</summary>
        public string EventSource { get; set; }

        /// <summary>The region of the queue.</summary>
        public string AwsRegion { get; set; }

        /// <summary>System attributes such as <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>, <c>MessageGroupId</c>.</summary>
        public Dictionary<string, string> Attributes { get; set; }

        /// <summary>The message attributes set by the sender.</summary>
        public Dictionary<string, MessageAttribute> MessageAttributes { get; set; }
    }
}
