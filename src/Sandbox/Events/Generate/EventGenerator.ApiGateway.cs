using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Time;

namespace Course.Sandbox.Events.Generate;

public sealed partial class EventGenerator
{
    /// <summary>An API Gateway HTTP API request (payload format 2.0).</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The request event.</returns>
    /// <exception cref="ArgumentException">The path does not start with <c>/</c> or the method is empty.</exception>
    public APIGatewayHttpApiV2ProxyRequest ApiGatewayHttpApiV2(ApiGatewayEventOptions? options = null)
    {
        options ??= new ApiGatewayEventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Method);
        if (!options.Path.StartsWith('/'))
        {
            throw new ArgumentException($"Path must start with '/', got \"{options.Path}\".", nameof(options));
        }

        var now = _timeProvider.GetUtcNow().ToUniversalTime();
        var apiId = _ids.Pick(SeededIds.LowerAlphanumeric, 10);
        var domain = $"{apiId}.execute-api.{Region}.amazonaws.com";
        var sourceIp = _ids.SourceIp();
        const string userAgent = "curl/8.5.0";
        var headers = new Dictionary<string, string>
        {
            ["accept"] = "*/*",
            ["content-length"] = Encoding.UTF8.GetByteCount(options.Body ?? "").ToString(CultureInfo.InvariantCulture),
            ["content-type"] = "application/json",
            ["host"] = domain,
            ["user-agent"] = userAgent,
            ["x-amzn-trace-id"] = $"Root=1-{now.ToUnixTimeSeconds():x8}-{_ids.Hex(24)}",
            ["x-forwarded-for"] = sourceIp,
            ["x-forwarded-port"] = "443",
            ["x-forwarded-proto"] = "https",
        };
        foreach (var (name, value) in options.Headers)
        {
            headers[name.ToLowerInvariant()] = value;
        }

        return new APIGatewayHttpApiV2ProxyRequest
        {
            Version = "2.0",
            RouteKey = options.RouteKey,
            RawPath = options.Path,
            RawQueryString = options.QueryString,
            Headers = headers,
            QueryStringParameters = options.QueryString.Length == 0 ? null : ParseQuery(options.QueryString),
            PathParameters = options.PathParameters?.ToDictionary(),
            RequestContext = new APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext
            {
                AccountId = Account,
                ApiId = apiId,
                DomainName = domain,
                DomainPrefix = apiId,
                Http = new APIGatewayHttpApiV2ProxyRequest.HttpDescription
                {
                    Method = options.Method.ToUpperInvariant(),
                    Path = options.Path,
                    Protocol = "HTTP/1.1",
                    SourceIp = sourceIp,
                    UserAgent = userAgent,
                },
                RequestId = _ids.Pick(SeededIds.Base64Alphabet, 15) + "=",
                RouteKey = options.RouteKey,
                Stage = options.Stage,
                Time = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                TimeEpoch = now.ToUnixTimeMilliseconds(),
            },
            Body = options.Body,
            IsBase64Encoded = false,
        };
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            result[name] = result.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }

        return result;
    }
}
