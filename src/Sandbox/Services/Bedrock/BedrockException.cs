using System.Net;

namespace Course.Sandbox.Services.Bedrock;

/// <summary>
/// An error the sandbox Bedrock answers with, carrying Bedrock Runtime's error code and message
/// (<c>ThrottlingException</c>, <c>ValidationException</c>, <c>ResourceNotFoundException</c>,
/// <c>ModelTimeoutException</c>, <c>ServiceQuotaExceededException</c>, <c>InternalServerException</c>). The sandbox client turns it into the SDK-named
/// exception of the same name.
/// </summary>
public sealed class BedrockException : Exception
{
    /// <summary>Bedrock's code for too many requests or tokens in the quota window.</summary>
    public const string Throttling = "ThrottlingException";

    /// <summary>Bedrock's code for a request beyond an account quota that waiting a moment does not restore (the sandbox: tokens per day).</summary>
    public const string ServiceQuotaExceeded = "ServiceQuotaExceededException";

    /// <summary>Bedrock's code for a request that is malformed or out of range.</summary>
    public const string Validation = "ValidationException";

    /// <summary>Bedrock's code for a model that cannot be resolved.</summary>
    public const string ResourceNotFound = "ResourceNotFoundException";

    /// <summary>Bedrock's code for a model that took too long to answer.</summary>
    public const string ModelTimeout = "ModelTimeoutException";

    /// <summary>Bedrock's code for an internal failure.</summary>
    public const string InternalServer = "InternalServerException";

    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">Bedrock's error code (one of the constants of this class).</param>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="latency">How long the failed call took (modelled).</param>
    public BedrockException(string errorCode, string message, TimeSpan latency)
        : base(message)
    {
        ErrorCode = errorCode;
        Latency = latency;
    }

    /// <summary>Bedrock's error code.</summary>
    public string ErrorCode { get; }

    /// <summary>How long the failed call took (modelled): reported to the caller's invocation like a success's latency.</summary>
    public TimeSpan Latency { get; }

    /// <summary>The HTTP status Bedrock answers with for <see cref="ErrorCode"/>.</summary>
    public HttpStatusCode StatusCode => ErrorCode switch
    {
        Throttling => HttpStatusCode.TooManyRequests,
        ResourceNotFound => HttpStatusCode.NotFound,
        ModelTimeout => HttpStatusCode.RequestTimeout,
        InternalServer => HttpStatusCode.InternalServerError,
        _ => HttpStatusCode.BadRequest,
    };
}
