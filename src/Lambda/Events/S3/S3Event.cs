#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.S3Events;

/// <summary>
/// The event Amazon S3 sends for bucket notifications, mirroring <c>Amazon.Lambda.S3Events.S3Event</c>.
/// </summary>
public partial class S3Event
{
    /// <summary>The notification records, usually one.</summary>
    [JsonPropertyName("Records")]
    public List<S3EventNotificationRecord> Records { get; set; }
}
