namespace Course.Grading.Exercises;

/// <summary>What an HTTP client sees from an API Gateway HTTP API (payload format 2.0) in front of the function.</summary>
/// <param name="StatusCode">The HTTP status; 502 when the function failed or returned a malformed response (API Gateway's mapping).</param>
/// <param name="Body">The response body (decoded when the function set isBase64Encoded).</param>
/// <param name="Headers">Response headers, names lower-cased.</param>
/// <param name="Invocation">The function invocation behind the response, or null when the function was not invoked (no matching route).</param>
public sealed record HttpResult(int StatusCode, string Body, IReadOnlyDictionary<string, string> Headers, FunctionInvocation? Invocation)
{
    /// <summary>A short description for failure messages, e.g. <c>502 {"message":"Internal Server Error"}</c>.</summary>
    /// <returns>Status and body (body cut at 200 characters).</returns>
    public override string ToString() => $"{StatusCode} {(Body.Length > 200 ? Body[..200] + "…" : Body)}";
}
