using System.Text;
using System.Text.Json;

namespace Course.Sandbox.Hosting;

/// <summary>
/// A function error as Lambda's .NET runtime reports it: <c>errorType</c> (the exception's type name),
/// <c>errorMessage</c> and <c>stackTrace</c> (the frames of the function's own code, with file and line), in the
/// invoke result and in the log stream's <c>fail</c> line.
/// </summary>
internal static class HandlerError
{
    private static readonly string[] RuntimePrefixes =
    [
        "at System.", "at Microsoft.", "at Amazon.", "at Course.Sandbox.", "at Course.Lambda.", "at lambda_method", "at InvokeStub_",
    ];

    /// <summary>The type name Lambda reports for <paramref name="e"/> (the innermost of a single-exception aggregate).</summary>
    public static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;

    /// <summary>The frames of the function's own code, outermost last, each as <c>at Type.Method(...) in File.cs:line N</c>.</summary>
    public static IReadOnlyList<string> StackTrace(Exception e)
    {
        var text = e.StackTrace;
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var frames = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;   // "--- End of stack trace ..." markers
            }
            if (RuntimePrefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }
            frames.Add(line);
        }
        return frames;
    }

    /// <summary><c>Type: message</c> and the function's frames, one per line (the log stream's <c>fail</c> text).</summary>
    public static string Describe(Exception e, string? typeName = null)
    {
        var builder = new StringBuilder().Append(typeName ?? e.GetType().Name).Append(": ").Append(e.Message);
        foreach (var frame in StackTrace(e))
        {
            builder.Append("\n   ").Append(frame);
        }
        return builder.ToString();
    }

    /// <summary>The invoke result's error document: <c>{"errorType", "errorMessage", "stackTrace"?}</c>.</summary>
    public static string Payload(string type, string message, IReadOnlyList<string>? stackTrace)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorType", type);
            json.WriteString("errorMessage", message);
            if (stackTrace is { Count: > 0 })
            {
                json.WriteStartArray("stackTrace");
                foreach (var frame in stackTrace)
                {
                    json.WriteStringValue(frame);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
