namespace Course.Sandbox.Sources.ApiGateway;

/// <summary>What the HTTP client receives from an <see cref="HttpApi"/>.</summary>
public sealed class HttpApiResponse
{
    /// <summary>The HTTP status.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Response headers (names as the function wrote them; <c>content-type</c> added when API Gateway assumes JSON).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Cookies, each sent as its own <c>set-cookie</c> header.</summary>
    public IReadOnlyList<string> Cookies { get; init; } = [];

    /// <summary>The body as the function returned it (base64 text when <see cref="IsBase64Encoded"/>).</summary>
    public string Body { get; init; } = "";

    /// <summary>True when <see cref="Body"/> is base64 (API Gateway decodes it for the client).</summary>
    public bool IsBase64Encoded { get; init; }

    /// <summary>The body bytes the client receives (decoded when <see cref="IsBase64Encoded"/>).</summary>
    public byte[] BodyBytes => IsBase64Encoded ? Convert.FromBase64String(Body) : System.Text.Encoding.UTF8.GetBytes(Body);

    /// <summary>The API Gateway request id (also the <c>apigw-requestid</c> header).</summary>
    public string RequestId { get; init; } = "";

    /// <summary>The Lambda request id, when the function was invoked.</summary>
    public string? LambdaRequestId { get; init; }

    /// <summary>The route that matched, or null for 404.</summary>
    public string? RouteKey { get; init; }

    /// <summary>When the request arrived (virtual time).</summary>
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>From request to response, in virtual time.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The response as an <see cref="HttpResponseMessage"/>: status, headers (content headers on the content),
    /// one <c>set-cookie</c> header per cookie, and the decoded body.</summary>
    /// <returns>A new message; the caller disposes it.</returns>
    public HttpResponseMessage ToHttpResponseMessage()
    {
        var message = new HttpResponseMessage((System.Net.HttpStatusCode)StatusCode) { Content = new ByteArrayContent(BodyBytes) };
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        foreach (var cookie in Cookies)
        {
            message.Headers.TryAddWithoutValidation("set-cookie", cookie);
        }

        return message;
    }
}
