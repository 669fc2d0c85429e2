using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Lambda.Serialization.SystemTextJson.Converters;

/// <summary>Reads and writes a <see cref="MemoryStream"/> as a base64 string, as AWS events carry binary data.</summary>
public sealed class MemoryStreamConverter : JsonConverter<MemoryStream>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The value is not a base64 string.</exception>
    public override MemoryStream? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String || !reader.TryGetBytesFromBase64(out var bytes))
        {
            throw new JsonException("Expected a base64 string for binary data.");
        }

        return new MemoryStream(bytes);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteBase64StringValue(value.ToArray());
    }
}
