#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.SNSEvents;

public partial class SNSEvent
{
    /// <summary>One SNS record.</summary>
    public class SNSRecord
    {
        /// <summary>The event source, <c>aws:sns</c>.</summary>
        [JsonPropertyName("EventSource")]
        public string EventSource { get; set; }

        /// <summary>The event version, <c>1.0</c>.</summary>
        [JsonPropertyName("EventVersion")]
        public string EventVersion { get; set; }

        /// <summary>The ARN of the subscription.</summary>
        [JsonPropertyName("EventSubscriptionArn")]
        public string EventSubscriptionArn { get; set; }

        /// <summary>The notification.</summary>
        [JsonPropertyName("Sns")]
        public SNSMessage Sns { get; set; }
    }
}
