using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Grading.Exercises;

/// <summary>
/// Builds API Gateway HTTP API (payload format 2.0) events and turns the function's response into what an
/// HTTP client sees, as API Gateway does: a function error or malformed response becomes 502
/// <c>{"message":"Internal Server Error"}</c>; a response without <c>statusCode</c> is taken as a 200 JSON body.
/// </summary>
internal static class ApiGatewayHttp
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = false };

    public static string BuildEvent(string method, string path, string? body, IReadOnlyDictionary<string, string>? headers, bool base64, DateTimeOffset now, int sequence)
    {
        var query = "";
        var rawPath = path;
        var q = path.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = path[(q + 1)..];
            rawPath = path[..q];
        }

        var headerObject = new JsonObject
        {
            ["accept"] = "*/*",
            ["host"] = "aaaaaaaaaa.execute-api.us-east-1.amazonaws.com",
            ["user-agent"] = "course-grader/1.0",
            ["x-forwarded-proto"] = "https",
        };
        var bodyBytes = body is null ? 0 : (base64 ? Convert.FromBase64String(body).Length : Encoding.UTF8.GetByteCount(body));
        headerObject["content-length"] = bodyBytes.ToString(CultureInfo.InvariantCulture);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                headerObject[name.ToLowerInvariant()] = value;
            }
        }

        var requestId = $"req{sequence:D6}=";
        var evt = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = rawPath,
            ["rawQueryString"] = query,
            ["headers"] = headerObject,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "aaaaaaaaaa",
                ["domainName"] = "aaaaaaaaaa.execute-api.us-east-1.amazonaws.com",
                ["domainPrefix"] = "aaaaaaaaaa",
                ["http"] = new JsonObject
                {
                    ["method"] = method,
                    ["path"] = rawPath,
                    ["protocol"] = "HTTP/1.1",
                    ["sourceIp"] = "203.0.113.10",
                    ["userAgent"] = "course-grader/1.0",
                },
                ["requestId"] = requestId,
                ["routeKey"] = "$default",
                ["stage"] = "$default",
                ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
            },
            ["isBase64Encoded"] = base64,
        };
        if (query.Length > 0)
        {
            var parameters = new JsonObject();
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
                parameters[key] = parameters[key] is { } existing ? $"{existing.GetValue<string>()},{value}" : value;
            }

            evt["queryStringParameters"] = parameters;
        }

        if (body is not null)
        {
            evt["body"] = body;
        }

        return evt.ToJsonString(Indented);
    }

    public static HttpResult ToHttp(FunctionInvocation invocation)
    {
        var empty = new Dictionary<string, string>(StringComparer.Ordinal);
        var serverError = new HttpResult(502, "{\"message\":\"Internal Server Error\"}", new Dictionary<string, string> { ["content-type"] = "application/json" }, invocation);
        if (!invocation.Succeeded)
        {
            return serverError;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(invocation.Payload);
        }
        catch (JsonException)
        {
            return serverError;
        }

        if (node is JsonObject obj && obj.ContainsKey("statusCode"))
        {
            if (obj["statusCode"] is not JsonValue statusValue || !statusValue.TryGetValue<int>(out var status))
            {
                return serverError;
            }

            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (obj["headers"] is JsonObject headerObject)
            {
                foreach (var (name, value) in headerObject)
                {
                    headers[name.ToLowerInvariant()] = value?.ToString() ?? "";
                }
            }

            var body = obj["body"]?.GetValueKind() == JsonValueKind.String ? obj["body"]!.GetValue<string>() : obj["body"]?.ToJsonString() ?? "";
            if (obj["isBase64Encoded"] is JsonValue b && b.TryGetValue<bool>(out var isBase64) && isBase64)
            {
                try
                {
                    body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
                }
                catch (FormatException)
                {
                    return serverError;
                }
            }

            return new HttpResult(status, body, headers, invocation);
        }

        // Payload format 2.0: a valid JSON response without statusCode is a 200 with the response as body.
        empty["content-type"] = "application/json";
        return new HttpResult(200, invocation.Payload, empty, invocation);
    }
}
