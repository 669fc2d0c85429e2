using System.Globalization;
using System.Text;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.Serialization.SystemTextJson;

namespace Course.Sandbox.Sources.ApiGateway;

/// <summary>Builds the payload format 2.0 request event, shaped like AWS's (all header names lower case, cookies
/// taken out of the <c>cookie</c> header, duplicate headers and query parameters joined with commas).</summary>
internal sealed class HttpApiRequestBuilder(Simulation sim, HttpApiOptions options)
{
    private static readonly DefaultLambdaJsonSerializer Serializer = new();

    public string Build(string method, string path, string routeKey, Dictionary<string, string>? pathParameters,
        IEnumerable<KeyValuePair<string, string>>? headers, string? body, bool isBase64Encoded, string requestId, DateTimeOffset now)
    {
        var parts = path.Split('?', 2);
        var rawPath = parts[0];
        var rawQuery = parts.Length > 1 ? parts[1] : "";
        var domain = $"{options.ApiId}.execute-api.{sim.Options.Region}.amazonaws.com";
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var cookies = new List<string>();
        foreach (var (name, value) in headers ?? [])
        {
            var key = name.ToLowerInvariant();
            if (key == "cookie")
            {
                cookies.AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }

            merged[key] = merged.TryGetValue(key, out var existing) ? existing + "," + value : value;
        }

        var bodyBytes = body is null ? 0 : isBase64Encoded ? SafeBase64Length(body) : Encoding.UTF8.GetByteCount(body);
        merged.TryAdd("content-length", bodyBytes.ToString(CultureInfo.InvariantCulture));
        merged.TryAdd("host", domain);
        merged.TryAdd("x-amzn-trace-id", $"Root=1-{now.ToUnixTimeSeconds():x8}-{sim.NewHexId(24)}");
        merged.TryAdd("x-forwarded-for", options.SourceIp);
        merged.TryAdd("x-forwarded-port", "443");
        merged.TryAdd("x-forwarded-proto", "https");

        var request = new APIGatewayHttpApiV2ProxyRequest
        {
            Version = "2.0",
            RouteKey = routeKey,
            RawPath = rawPath,
            RawQueryString = rawQuery,
            Cookies = cookies.Count == 0 ? null : [.. cookies],
            Headers = merged,
            QueryStringParameters = rawQuery.Length == 0 ? null : ParseQuery(rawQuery),
            RequestContext = new APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext
            {
                AccountId = sim.Options.AccountId,
                ApiId = options.ApiId,
                DomainName = domain,
                DomainPrefix = options.ApiId,
                Http = new APIGatewayHttpApiV2ProxyRequest.HttpDescription
                {
                    Method = method,
                    Path = rawPath,
                    Protocol = "HTTP/1.1",
                    SourceIp = options.SourceIp,
                    UserAgent = merged.TryGetValue("user-agent", out var agent) ? agent : "",
                },
                RequestId = requestId,
                RouteKey = routeKey,
                Stage = options.Stage,
                Time = now.ToUniversalTime().ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                TimeEpoch = now.ToUnixTimeMilliseconds(),
            },
            Body = body,
            PathParameters = pathParameters is { Count: > 0 } ? pathParameters : null,
            IsBase64Encoded = isBase64Encoded,
        };
        using var stream = new MemoryStream();
        Serializer.Serialize(request, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static int SafeBase64Length(string body)
    {
        try
        {
            return Convert.FromBase64String(body).Length;
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetByteCount(body);
        }
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            result[name] = result.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }

        return result;
    }
}
