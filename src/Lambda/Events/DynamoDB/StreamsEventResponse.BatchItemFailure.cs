#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.DynamoDBEvents;

public partial class StreamsEventResponse
{
    /// <summary>One failed record.</summary>
    public class BatchItemFailure
    {
        /// <summary>The sequence number of the failed record.</summary>
        [JsonPropertyName("itemIdentifier")]
        public string ItemIdentifier { get; set; }
    }
}
