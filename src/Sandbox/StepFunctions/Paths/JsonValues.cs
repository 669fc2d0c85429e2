using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>Small helpers over <see cref="JsonNode"/> values: kinds, numbers, strings, compact text, deep copies.</summary>
internal static class JsonValues
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON kind of a node (a C# null is JSON null).</summary>
    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>The node's number, or null when it is not a number.</summary>
    public static decimal? AsNumber(JsonNode? node)
    {
        if (Kind(node) != JsonValueKind.Number)
        {
            return null;
        }
        var text = node!.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }
        var dbl = double.Parse(text, CultureInfo.InvariantCulture);
        return dbl > 0 ? decimal.MaxValue : decimal.MinValue;
    }

    /// <summary>The node's string, or null when it is not a string.</summary>
    public static string? AsString(JsonNode? node) => Kind(node) == JsonValueKind.String ? node!.GetValue<string>() : null;

    /// <summary>The node's boolean, or null when it is not a boolean.</summary>
    public static bool? AsBoolean(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A JSON number for <paramref name="value"/>: an integer when it has no fraction.</summary>
    public static JsonNode Number(decimal value) =>
        value == decimal.Truncate(value) && Math.Abs(value) < long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonValue.Create(value);

    /// <summary>The node as compact JSON text, as Step Functions writes payloads (<c>null</c> for JSON null).</summary>
    public static string Text(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>A detached copy (a node can have only one parent).</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>Parses JSON text; JSON null gives <see langword="null"/>.</summary>
    /// <exception cref="JsonException">Not valid JSON.</exception>
    public static JsonNode? Parse(string text) =>
        JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });

    /// <summary>Deep equality of two JSON values (numbers by value).</summary>
    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        if (Kind(a) == JsonValueKind.Number && Kind(b) == JsonValueKind.Number)
        {
            return AsNumber(a) == AsNumber(b);
        }
        return JsonNode.DeepEquals(a, b);
    }

    /// <summary>The UTF-8 size of the node's compact text: what the 256 KiB payload quota counts.</summary>
    public static int Utf8Size(string text) => System.Text.Encoding.UTF8.GetByteCount(text);
}
