using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Lambda.Serialization.SystemTextJson.Converters;

/// <summary>
/// Reads a <see cref="DateTime"/> from epoch seconds (or milliseconds, or an ISO string) and writes whole
/// epoch seconds, as DynamoDB Streams writes <c>ApproximateCreationDateTime</c>.
/// </summary>
public sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeConverter.ReadUtc(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(new DateTimeOffset(DateTimeConverter.ToUtc(value)).ToUnixTimeSeconds());
    }
}
