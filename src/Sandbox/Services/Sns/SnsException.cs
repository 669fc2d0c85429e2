namespace Course.Sandbox.Services.Sns;

/// <summary>An error the sandbox SNS answers with: AWS's code (<c>NotFound</c>, <c>InvalidParameter</c>) and message.</summary>
public sealed class SnsException : Exception
{
    /// <summary>Creates an SNS error.</summary>
    /// <param name="errorCode">The AWS error code.</param>
    /// <param name="message">AWS's message.</param>
    public SnsException(string errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    /// <summary>The AWS error code, e.g. <c>NotFound</c>.</summary>
    public string ErrorCode { get; }

    internal static SnsException TopicNotFound() => new("NotFound", "Topic does not exist");

    internal static SnsException InvalidParameter(string parameter, string reason) =>
        new("InvalidParameter", $"Invalid parameter: {parameter} Reason: {reason}");
}
