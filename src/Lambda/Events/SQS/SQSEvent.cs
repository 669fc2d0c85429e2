#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.SQSEvents;

/// <summary>
/// The batch of messages Lambda's SQS poller hands to a function, mirroring <c>Amazon.Lambda.SQSEvents.SQSEvent</c>.
/// </summary>
public partial class SQSEvent
{
    /// <summary>The messages of the batch.</summary>
    [JsonPropertyName("Records")]
    public List<SQSMessage> Records { get; set; }
}
