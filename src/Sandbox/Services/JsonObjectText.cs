using System.Text;
using System.Text.Json;

namespace Course.Sandbox.Services;

/// <summary>Writes one JSON object with a <see cref="Utf8JsonWriter"/> and returns it as text.</summary>
internal static class JsonObjectText
{
    /// <summary>Runs <paramref name="body"/> between <c>{</c> and <c>}</c> and returns the UTF-8 text.</summary>
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
