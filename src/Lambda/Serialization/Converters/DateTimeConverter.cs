using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Lambda.Serialization.SystemTextJson.Converters;

/// <summary>
/// The default <see cref="DateTime"/> handling for events: reads ISO 8601 strings (any precision) and epoch
/// numbers (seconds, or milliseconds when the value is too large to be seconds) as UTC, and writes
/// ISO 8601 UTC with milliseconds, such as <c>1970-01-01T00:00:00.000Z</c> (the S3 and SNS form).
/// </summary>
public sealed class DateTimeConverter : JsonConverter<DateTime>
{
    /// <summary>Epoch values at or above this are milliseconds (year 5138 in seconds).</summary>
    internal const long MillisecondsThreshold = 100_000_000_000;

    /// <inheritdoc />
    /// <exception cref="JsonException">The value is neither an ISO 8601 string nor a number.</exception>
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadUtc(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToUtc(value).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    internal static DateTime ReadUtc(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                {
                    var epoch = reader.GetDecimal();
                    var ms = Math.Abs(epoch) >= MillisecondsThreshold ? epoch : epoch * 1000m;
                    return DateTime.UnixEpoch.AddTicks((long)(ms * TimeSpan.TicksPerMillisecond));
                }
            case JsonTokenType.String:
                {
                    var text = reader.GetString()!;
                    if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                    {
                        return parsed.UtcDateTime;
                    }

                    throw new JsonException($"'{text}' is not an ISO 8601 date and time.");
                }
            default:
                throw new JsonException($"Expected a date string or epoch number, found {reader.TokenType}.");
        }
    }

    internal static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
