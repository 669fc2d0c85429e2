#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.DynamoDBEvents;

/// <summary>
/// What a stream-triggered function returns to report partial batch failures, mirroring
/// <c>Amazon.Lambda.DynamoDBEvents.StreamsEventResponse</c> (also used for Kinesis).
/// </summary>
public partial class StreamsEventResponse
{
    /// <summary>The failed records; Lambda retries from the lowest sequence number listed.</summary>
    [JsonPropertyName("batchItemFailures")]
    public IList<BatchItemFailure> BatchItemFailures { get; set; }
}
