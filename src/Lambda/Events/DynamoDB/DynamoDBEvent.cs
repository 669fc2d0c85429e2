#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.DynamoDBEvents;

/// <summary>
/// The batch of DynamoDB stream records Lambda hands to a function, mirroring <c>Amazon.Lambda.DynamoDBEvents.DynamoDBEvent</c>.
/// </summary>
public partial class DynamoDBEvent
{
    /// <summary>The stream records of the batch.</summary>
    [JsonPropertyName("Records")]
    public IList<DynamodbStreamRecord> Records { get; set; }
}
