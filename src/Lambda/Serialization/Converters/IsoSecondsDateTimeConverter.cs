using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Lambda.Serialization.SystemTextJson.Converters;

/// <summary>
/// Reads a <see cref="DateTime"/> like <see cref="DateTimeConverter"/> and writes ISO 8601 UTC to the second,
/// such as <c>2021-11-12T00:00:00Z</c>, the form of an EventBridge envelope's <c>time</c>.
/// </summary>
public sealed class IsoSecondsDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeConverter.ReadUtc(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(DateTimeConverter.ToUtc(value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
