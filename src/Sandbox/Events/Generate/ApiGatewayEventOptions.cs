namespace Course.Sandbox.Events.Generate;

/// <summary>What to put in a generated API Gateway HTTP API (payload 2.0) request.</summary>
public sealed class ApiGatewayEventOptions
{
    /// <summary>The HTTP method. The default is <c>POST</c>.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>The request path, starting with <c>/</c>. The default is <c>/</c>.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The query string without <c>?</c>, such as <c>a=1&amp;b=2</c>. The default is empty (no <c>queryStringParameters</c>).</summary>
    public string QueryString { get; init; } = "";

    /// <summary>The body. The default is <c>{"message": "hello world"}</c>.</summary>
    public string? Body { get; init; } = "{\"message\": \"hello world\"}";

    /// <summary>Extra request headers (names are lower-cased, as API Gateway delivers them). The default is none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The route key, such as <c>POST /orders/{id}</c>. The default is <c>$default</c>.</summary>
    public string RouteKey { get; init; } = "$default";

    /// <summary>Path parameters matched by the route. The default is none.</summary>
    public IReadOnlyDictionary<string, string>? PathParameters { get; init; }

    /// <summary>The stage. The default is <c>$default</c>.</summary>
    public string Stage { get; init; } = "$default";
}
