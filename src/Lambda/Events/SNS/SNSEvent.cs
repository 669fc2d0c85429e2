#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.SNSEvents;

/// <summary>
/// The event Amazon SNS sends to a subscribed function, mirroring <c>Amazon.Lambda.SNSEvents.SNSEvent</c>.
/// SNS writes its members in PascalCase.
/// </summary>
public partial class SNSEvent
{
    /// <summary>The records, one per notification.</summary>
    [JsonPropertyName("Records")]
    public IList<SNSRecord> Records { get; set; }
}
