#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.SNSEvents;

public partial class SNSEvent
{
    /// <summary>An SNS notification.</summary>
    public class SNSMessage
    {
        /// <summary>The message type, <c>Notification</c>.</summary>
        [JsonPropertyName("Type")]
        public string Type { get; set; }

        /// <summary>The message id.</summary>
        [JsonPropertyName("MessageId")]
        public string MessageId { get; set; }

        /// <summary>The ARN of the topic.</summary>
        [JsonPropertyName("TopicArn")]
        public string TopicArn { get; set; }

        /// <summary>The subject, when the publisher gave one.</summary>
        [JsonPropertyName("Subject")]
        public string Subject { get; set; }

        /// <summary>The message body.</summary>
        [JsonPropertyName("Message")]
        public string Message { get; set; }

        /// <summary>When the message was published (UTC).</summary>
        [JsonPropertyName("Timestamp")]
        public DateTime Timestamp { get; set; }

        /// <summary>The signature version.</summary>
        [JsonPropertyName("SignatureVersion")]
        public string SignatureVersion { get; set; }

        /// <summary>The signature of the message.</summary>
        [JsonPropertyName("Signature")]
        public string Signature { get; set; }

        /// <summary>The URL of the signing certificate.</summary>
        [JsonPropertyName("SigningCertUrl")]
        public string SigningCertUrl { get; set; }

        /// <summary>The URL to unsubscribe.</summary>
        [JsonPropertyName("UnsubscribeUrl")]
        public string UnsubscribeUrl { get; set; }

        /// <summary>The message attributes.</summary>
        [JsonPropertyName("MessageAttributes")]
        public IDictionary<string, MessageAttribute> MessageAttributes { get; set; }
    }
}
