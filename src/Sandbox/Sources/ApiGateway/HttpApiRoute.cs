namespace Course.Sandbox.Sources.ApiGateway;

/// <summary>A route: a route key (<c>GET /items/{id}</c>, <c>ANY /{proxy+}</c>, <c>$default</c>) and the function it invokes.</summary>
public sealed class HttpApiRoute
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"];
    private readonly string[] _segments;

    private HttpApiRoute(string routeKey, string method, string path, string[] segments, string functionName)
    {
        RouteKey = routeKey;
        Method = method;
        Path = path;
        _segments = segments;
        FunctionName = functionName;
    }

    /// <summary>The route key as given.</summary>
    public string RouteKey { get; }

    /// <summary>The method, <c>ANY</c>, or empty for <c>$default</c>.</summary>
    public string Method { get; }

    /// <summary>The path template, or empty for <c>$default</c>.</summary>
    public string Path { get; }

    /// <summary>The function invoked.</summary>
    public string FunctionName { get; }

    internal bool IsDefault => RouteKey == "$default";

    internal bool IsGreedy => _segments.Length > 0 && _segments[^1].EndsWith("+}", StringComparison.Ordinal);

    internal int LiteralSegments => _segments.Count(s => !s.StartsWith('{'));

    internal static HttpApiRoute Parse(string routeKey, string functionName)
    {
        if (routeKey == "$default")
        {
            return new HttpApiRoute(routeKey, "", "", [], functionName);
        }

        var space = routeKey.IndexOf(' ', StringComparison.Ordinal);
        var method = space > 0 ? routeKey[..space] : "";
        var path = space > 0 ? routeKey[(space + 1)..] : "";
        if (!Methods.Contains(method) || !path.StartsWith('/'))
        {
            throw HttpApiException.BadRequest($"Invalid route key '{routeKey}': use '$default' or 'METHOD /path' with METHOD one of {string.Join(", ", Methods)}, e.g. 'GET /items/{{id}}'.");
        }

        var segments = path == "/" ? [] : path[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            var variable = s.StartsWith('{') && s.EndsWith('}');
            if (s.Length == 0 || (!variable && (s.Contains('{', StringComparison.Ordinal) || s.Contains('}', StringComparison.Ordinal)))
                || (variable && s.Length < 3)
                || (s.EndsWith("+}", StringComparison.Ordinal) && i != segments.Length - 1))
            {
                throw HttpApiException.BadRequest($"Invalid route key '{routeKey}': segment '{s}' must be a literal or a whole {{variable}}; a greedy {{variable+}} may only be the last segment.");
            }
        }

        return new HttpApiRoute(routeKey, method, path, segments, functionName);
    }

    /// <summary>Matches a request; on success returns the path parameters (empty when none).</summary>
    internal Dictionary<string, string>? Match(string method, string path)
    {
        if (IsDefault)
        {
            return [];
        }

        if (Method != "ANY" && Method != method)
        {
            return null;
        }

        var parts = path == "/" ? [] : path.TrimStart('/').Split('/');
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Length; i++)
        {
            var s = _segments[i];
            if (s.EndsWith("+}", StringComparison.Ordinal))
            {
                if (i >= parts.Length)
                {
                    return null;
                }

                values[s[1..^2]] = string.Join('/', parts[i..]);
                return values;
            }

            if (i >= parts.Length)
            {
                return null;
            }

            if (s.StartsWith('{'))
            {
                if (parts[i].Length == 0)
                {
                    return null;
                }

                values[s[1..^1]] = Uri.UnescapeDataString(parts[i]);
            }
            else if (!string.Equals(s, parts[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return parts.Length == _segments.Length ? values : null;
    }
}
