namespace Course.Grading.Exercises;

/// <summary>What an HTTP client sees from an API Gateway HTTP API (payload format 2.0) in front of the function.</summary>
/// <param name="StatusCode">The HTTP status; 500 <c>{"message":"Internal Server Error"}</c> when the function failed or returned a malformed response (an HTTP API's mapping, APIGW_02).</param>
/// <param name="Body">The response body (decoded when the function set isBase64Encoded).</param>
/// <param name="Headers">Response headers, names lower-cased.</param>
/// <param name="Invocation">The function invocation behind the response, or null when the function was not invoked (no matching route).</param>
public sealed record HttpResult(int StatusCode, string Body, IReadOnlyDictionary<string, string> Headers, FunctionInvocation? Invocation)
{
    /// <summary>The body an HTTP API answers with status 500 when the function failed or its response was malformed.</summary>
    public const string InternalServerErrorBody = "{\"message\":\"Internal Server Error\"}";

    /// <summary>
    /// True when API Gateway answered its own 500 because the function threw, timed out, or returned a response it
    /// could not read (not when the handler itself chose to answer 500 with a body of its own).
    /// </summary>
    public bool FunctionFailed => StatusCode == 500 && (Invocation is { Succeeded: false } || Body == InternalServerErrorBody);

    /// <summary>What went wrong when <see cref="FunctionFailed"/>, e.g. "the function threw JsonException"; null otherwise.</summary>
    public string? FailureDescription => !FunctionFailed ? null
        : Invocation is { TimedOut: true } ? "the function timed out"
        : Invocation is { ErrorTypeForMessage: { } type } ? $"the function threw {type}"
        : "the function returned a response API Gateway could not read (statusCode, headers, cookies, body and isBase64Encoded must have the documented types)";

    /// <summary>A short description for failure messages, e.g. <c>500 {"message":"Internal Server Error"}</c>.</summary>
    /// <returns>Status and body (body cut at 200 characters).</returns>
    public override string ToString() => $"{StatusCode} {(Body.Length > 200 ? Body[..200] + "…" : Body)}";
}
