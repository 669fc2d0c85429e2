namespace Course.Sandbox.Sources.ApiGateway;

/// <summary>Settings of an <see cref="HttpApi"/>, validated once when the API is created.</summary>
public sealed class HttpApiOptions
{
    /// <summary>The API id in the request context and domain name. <value>The default is ten characters from the seed.</value></summary>
    public string? ApiId { get; set; }

    /// <summary>The stage. <value>The default is <c>$default</c>.</value></summary>
    public string Stage { get; set; } = "$default";

    /// <summary>How long API Gateway waits for the function, 50 ms – 30 s (APIGW_01). Past it the client gets
    /// <see cref="TimeoutStatusCode"/> while the function keeps running. <value>The default is 30 seconds.</value></summary>
    public TimeSpan IntegrationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The status the client gets when Lambda throttles the invoke (APIGW_02). AWS's error table gives 500; 429 is
    /// also observed (?). <value>The default is 500.</value>
    /// </summary>
    public int ThrottleStatusCode { get; set; } = 500;

    /// <summary>
    /// The status the client gets when the integration times out (APIGW_02): 504 per the catalogue; HTTP APIs are
    /// also reported answering 503 (?). The body is <c>{"message":"Service Unavailable"}</c> either way.
    /// <value>The default is 504.</value>
    /// </summary>
    public int TimeoutStatusCode { get; set; } = 504;

    /// <summary>The client's address in <c>requestContext.http.sourceIp</c> and <c>x-forwarded-for</c>. <value>The default is <c>203.0.113.10</c>.</value></summary>
    public string SourceIp { get; set; } = "203.0.113.10";

    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (IntegrationTimeout < TimeSpan.FromMilliseconds(50) || IntegrationTimeout > TimeSpan.FromSeconds(30))
        {
            errors.Add($"TimeoutInMillis must be between 50 and 30000 for HTTP APIs; got {IntegrationTimeout.TotalMilliseconds:0}.");
        }

        if (ThrottleStatusCode is not (500 or 429))
        {
            errors.Add($"ThrottleStatusCode must be 500 (AWS's documented answer) or 429; got {ThrottleStatusCode}.");
        }

        if (TimeoutStatusCode is not (504 or 503))
        {
            errors.Add($"TimeoutStatusCode must be 504 or 503; got {TimeoutStatusCode}.");
        }

        if (string.IsNullOrWhiteSpace(Stage))
        {
            errors.Add("Stage must not be empty; use $default.");
        }

        return errors;
    }
}
