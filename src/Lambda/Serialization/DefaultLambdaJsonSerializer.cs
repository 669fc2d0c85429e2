using System.Text.Json;
using System.Text.Json.Serialization;
using Course.Lambda.Core;
using Course.Lambda.Serialization.SystemTextJson.Converters;

namespace Course.Lambda.Serialization.SystemTextJson;

/// <summary>
/// System.Text.Json serializer with the settings of <c>Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer</c>:
/// AWS naming policy, case-insensitive reads, nulls omitted on write.
/// </summary>
public class DefaultLambdaJsonSerializer : ILambdaSerializer
{
    /// <summary>Creates the serializer with the default options.</summary>
    public DefaultLambdaJsonSerializer() : this(_ => { }) { }

    /// <summary>Creates the serializer and lets <paramref name="customize"/> adjust the options.</summary>
    public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customize)
    {
        ArgumentNullException.ThrowIfNull(customize);
        var options = CreateDefaultOptions();
        customize(options);
        Options = options;
    }

    /// <summary>The options in use.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>
    /// The default options (a fresh instance each call): AWS naming policy, case-insensitive reads, nulls omitted,
    /// base64 <see cref="MemoryStream"/>s and UTC <see cref="DateTime"/>s (ISO strings or epoch numbers on read).
    /// </summary>
    public static JsonSerializerOptions CreateDefaultOptions() => new()
    {
        PropertyNamingPolicy = new AwsNamingPolicy(),
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new DateTimeConverter(), new MemoryStreamConverter() },
    };

    /// <inheritdoc />
    public T Deserialize<T>(Stream requestStream) => JsonSerializer.Deserialize<T>(requestStream, Options)!;

    /// <inheritdoc />
    public void Serialize<T>(T response, Stream responseStream) => JsonSerializer.Serialize(responseStream, response, Options);
}
