#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>One DynamoDB stream record.</summary>
    public class DynamodbStreamRecord
    {
        /// <summary>A unique id of the record.</summary>
        [JsonPropertyName("eventID")]
        public string EventID { get; set; }

        /// <summary>The modification: <c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
        public string EventName { get; set; }

        /// <summary>The record format version.</summary>
        public string EventVersion { get; set; }

        /// <summary>The event source, <c>aws:dynamodb</c>.</summary>
        public string EventSource { get; set; }

        /// <summary>The region of the table.</summary>
        public string AwsRegion { get; set; }

        /// <summary>The DynamoDB part of the record: keys, images, sequence number.</summary>
        public StreamRecord Dynamodb { get; set; }

        /// <summary>The ARN of the stream.</summary>
        [JsonPropertyName("eventSourceARN")]
        public string EventSourceArn { get; set; }

        /// <summary>Set for deletions by Time to Live: type <c>Service</c>, principal <c>dynamodb.amazonaws.com</c>.</summary>
        public Identity UserIdentity { get; set; }
    }
}
