#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.CloudWatchEvents;

/// <summary>
/// An EventBridge (CloudWatch Events) event envelope with a typed <see cref="Detail"/>,
/// mirroring <c>Amazon.Lambda.CloudWatchEvents.CloudWatchEvent&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The type of the detail.</typeparam>
public class CloudWatchEvent<T>
{
    /// <summary>The envelope version, <c>"0"</c>.</summary>
    public string Version { get; set; }

    /// <summary>A unique id of the event.</summary>
    public string Id { get; set; }

    /// <summary>The kind of event, with <see cref="Source"/> identifying its fields.</summary>
    [JsonPropertyName("detail-type")]
    public string DetailType { get; set; }

    /// <summary>The service or application that emitted the event, such as <c>aws.s3</c>.</summary>
    public string Source { get; set; }

    /// <summary>The account that emitted the event.</summary>
    public string Account { get; set; }

    /// <summary>When the event happened (UTC); ISO 8601 to the second in JSON.</summary>
    [JsonConverter(typeof(Course.Lambda.Serialization.SystemTextJson.Converters.IsoSecondsDateTimeConverter))]
    public DateTime Time { get; set; }

    /// <summary>The region the event came from.</summary>
    public string Region { get; set; }

    /// <summary>ARNs of the resources the event is about.</summary>
    public List<string> Resources { get; set; }

    /// <summary>The event-specific data.</summary>
    public T Detail { get; set; }
}
