using System.Text.Json;
using Course.Sandbox.Invocation;

namespace Course.Sandbox.Sources.ApiGateway;

/// <summary>
/// Maps a Lambda result to the client's response as HTTP APIs do with payload format 2.0 (APIGW_02, APIGW_03):
/// a JSON object with <c>statusCode</c> is read as the response (statusCode, headers, cookies, body, isBase64Encoded);
/// anything else valid is the body of a 200 <c>application/json</c> response; a function error or a malformed
/// response is 500 <c>{"message":"Internal Server Error"}</c> (AWS's "Troubleshooting issues with HTTP API Lambda
/// integrations" page: the 502 <c>"Internal server error"</c> of Lambda's "Handling Lambda errors with an API Gateway
/// API" page is REST API proxy behaviour), a throttled invoke 500 (or 429, see <see cref="HttpApiOptions.ThrottleStatusCode"/>).
/// </summary>
internal static class HttpApiResponseMapper
{
    public static HttpApiResponse Map(InvocationResult result, HttpApiOptions options)
    {
        if (result.Throttled)
        {
            return options.ThrottleStatusCode == 429 ? Message(429, "Too Many Requests") : Message(500, "Internal Server Error");
        }

        if (result.StatusCode != 200)
        {
            return Message(500, "Internal Server Error");
        }

        if (result.FunctionError is not null)
        {
            return InternalError();
        }

        var payload = result.Payload;
        if (string.IsNullOrEmpty(payload))
        {
            return Assumed("");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return InternalError();
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out var status))
            {
                return Assumed(payload);
            }

            return Structured(root, status) ?? InternalError();
        }
    }

    public static HttpApiResponse Message(int status, string message) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
        Body = $"{{\"message\":\"{message}\"}}",
    };

    private static HttpApiResponse InternalError() => Message(500, "Internal Server Error");

    private static HttpApiResponse Assumed(string body) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
        Body = body,
    };

    /// <summary>The explicit form; null when malformed.</summary>
    private static HttpApiResponse? Structured(JsonElement root, JsonElement status)
    {
        if (status.ValueKind != JsonValueKind.Number || !status.TryGetInt32(out var code) || code is < 100 or > 599)
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var h) && h.ValueKind != JsonValueKind.Null)
        {
            if (h.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var p in h.EnumerateObject())
            {
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        headers[p.Name] = p.Value.GetString()!;
                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        headers[p.Name] = p.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return null;
                }
            }
        }

        var cookies = new List<string>();
        if (root.TryGetProperty("cookies", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.Array || c.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                return null;
            }

            cookies.AddRange(c.EnumerateArray().Select(e => e.GetString()!));
        }

        var body = "";
        if (root.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            if (b.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            body = b.GetString()!;
        }

        var base64 = false;
        if (root.TryGetProperty("isBase64Encoded", out var e64) && e64.ValueKind != JsonValueKind.Null)
        {
            if (e64.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return null;
            }

            base64 = e64.GetBoolean();
            if (base64 && !IsBase64(body))
            {
                return null;
            }
        }

        return new HttpApiResponse { StatusCode = code, Headers = headers, Cookies = cookies, Body = body, IsBase64Encoded = base64 };
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
