using System.Net;

namespace Course.Sandbox.Services.S3;

/// <summary>
/// An error the sandbox S3 answers with: AWS's error code (<c>NoSuchKey</c>, <c>NoSuchBucket</c>, <c>BadDigest</c>, …),
/// its message and HTTP status. The wire endpoint writes it as S3's XML <c>&lt;Error&gt;</c> document, which the AWS
/// SDK turns into an <c>AmazonS3Exception</c> with the same <c>ErrorCode</c> and <c>StatusCode</c>.
/// </summary>
public sealed class S3Exception : Exception
{
    /// <summary>Creates an S3 error.</summary>
    /// <param name="errorCode">The AWS error code.</param>
    /// <param name="message">AWS's message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="resource">The bucket name or key the error concerns, when there is one.</param>
    public S3Exception(string errorCode, string message, HttpStatusCode statusCode, string? resource = null)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Resource = resource;
    }

    /// <summary>The AWS error code, e.g. <c>NoSuchKey</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status, e.g. 404.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The bucket name or key concerned, or null.</summary>
    public string? Resource { get; }

    internal static S3Exception NoSuchBucket(string bucket) =>
        new("NoSuchBucket", "The specified bucket does not exist", HttpStatusCode.NotFound, bucket);

    internal static S3Exception NoSuchKey(string key) =>
        new("NoSuchKey", "The specified key does not exist.", HttpStatusCode.NotFound, key);

    internal static S3Exception InvalidArgument(string message) =>
        new("InvalidArgument", message, HttpStatusCode.BadRequest);
}
