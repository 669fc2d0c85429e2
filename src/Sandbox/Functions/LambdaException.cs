namespace Course.Sandbox.Functions;

/// <summary>
/// An error the Lambda service itself returns (not the function): AWS's error code, HTTP status and message.
/// Built only through the static factories, so each code always carries AWS's wording.
/// </summary>
public sealed class LambdaException : Exception
{
    private LambdaException(string errorCode, int statusCode, string message, string? reason = null) : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>AWS's error code, e.g. <c>TooManyRequestsException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the error.</summary>
    public int StatusCode { get; }

    /// <summary>For throttles, why (e.g. <c>ConcurrentInvocationLimitExceeded</c>); otherwise <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Invalid function configuration (HTTP 400).</summary>
    public static LambdaException InvalidParameterValue(string message) => new("InvalidParameterValueException", 400, message);

    /// <summary>No function with that name (HTTP 404).</summary>
    public static LambdaException ResourceNotFound(string functionName) =>
        new("ResourceNotFoundException", 404, $"Function not found: arn:aws:lambda:us-east-1:123456789012:function:{functionName}");

    /// <summary>A function with that name already exists (HTTP 409).</summary>
    public static LambdaException ResourceConflict(string functionName) =>
        new("ResourceConflictException", 409, $"Function already exist: {functionName}");

    /// <summary>The request payload is over the limit for its invocation type (HTTP 413, LIM_03/LIM_04).</summary>
    public static LambdaException RequestTooLarge(int bytes, int limit) =>
        new("RequestEntityTooLargeException", 413, $"{bytes} byte payload is too large for the {(limit == Limits.MaxAsyncPayloadBytes ? "Event" : "RequestResponse")} invocation type (limit {limit} bytes)");

    /// <summary>A throttle (HTTP 429, CON_05).</summary>
    public static LambdaException TooManyRequests(string reason) =>
        new("TooManyRequestsException", 429, "Rate Exceeded.", reason);
}
