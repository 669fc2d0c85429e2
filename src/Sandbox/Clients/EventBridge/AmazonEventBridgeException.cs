using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.EventBridge;

/// <summary>An error the sandbox EventBridge client throws (mirrors <c>Amazon.EventBridge.AmazonEventBridgeException</c>).</summary>
public class AmazonEventBridgeException : AmazonServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">AWS's message.</param>
    /// <param name="errorCode">AWS's error code, e.g. <c>ValidationException</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    public AmazonEventBridgeException(string message, string errorCode, HttpStatusCode statusCode)
        : base(message, ErrorType.Sender, errorCode, string.Empty, statusCode)
    {
    }
}
