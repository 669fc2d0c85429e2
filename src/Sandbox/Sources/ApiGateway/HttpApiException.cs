namespace Course.Sandbox.Sources.ApiGateway;

/// <summary>A configuration error API Gateway returns (e.g. <c>BadRequestException</c> for an invalid route key).</summary>
public sealed class HttpApiException : Exception
{
    private HttpApiException(string errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    /// <summary>AWS's error code.</summary>
    public string ErrorCode { get; }

    /// <summary>Invalid input (HTTP 400).</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <returns>The exception.</returns>
    public static HttpApiException BadRequest(string message) => new("BadRequestException", message);

    /// <summary>The route already exists (HTTP 409).</summary>
    /// <param name="routeKey">The route key.</param>
    /// <returns>The exception.</returns>
    public static HttpApiException Conflict(string routeKey) => new("ConflictException", $"Unable to complete operation due to concurrent modification or a route with key '{routeKey}' already exists.");
}
