#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>The DynamoDB part of a stream record. JSON names are PascalCase, as DynamoDB Streams writes them.</summary>
    public class StreamRecord
    {
        /// <summary>When the record was created (UTC, rounded down to the second); epoch seconds in JSON.</summary>
        [JsonPropertyName("ApproximateCreationDateTime")]
        [JsonConverter(typeof(Course.Lambda.Serialization.SystemTextJson.Converters.EpochSecondsDateTimeConverter))]
        public DateTime ApproximateCreationDateTime { get; set; }

        /// <summary>The key attributes of the item.</summary>
        [JsonPropertyName("Keys")]
        public Dictionary<string, AttributeValue> Keys { get; set; }

        /// <summary>The item after the change (NEW_IMAGE, NEW_AND_OLD_IMAGES).</summary>
        [JsonPropertyName("NewImage")]
        public Dictionary<string, AttributeValue> NewImage { get; set; }

        /// <summary>The item before the change (OLD_IMAGE, NEW_AND_OLD_IMAGES).</summary>
        [JsonPropertyName("OldImage")]
        public Dictionary<string, AttributeValue> OldImage { get; set; }

        /// <summary>The sequence number of the record within its shard.</summary>
        [JsonPropertyName("SequenceNumber")]
        public string SequenceNumber { get; set; }

        /// <summary>The size of the record in bytes.</summary>
        [JsonPropertyName("SizeBytes")]
        public long SizeBytes { get; set; }

        /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
        [JsonPropertyName("StreamViewType")]
        public string StreamViewType { get; set; }
    }
}
