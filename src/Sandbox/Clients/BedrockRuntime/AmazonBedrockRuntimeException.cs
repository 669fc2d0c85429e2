using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime;

/// <summary>Base of the errors the sandbox Bedrock Runtime client throws (mirrors
/// <c>Amazon.BedrockRuntime.AmazonBedrockRuntimeException</c>): catch it to handle any Bedrock error.</summary>
public class AmazonBedrockRuntimeException : AmazonServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="errorCode">Bedrock's error code.</param>
    /// <param name="statusCode">The HTTP status Bedrock answers with.</param>
    /// <param name="errorType">Whether the caller (<see cref="ErrorType.Sender"/>) or the service is at fault.</param>
    public AmazonBedrockRuntimeException(string message, string errorCode, HttpStatusCode statusCode, ErrorType errorType = ErrorType.Sender)
        : base(message, errorType, errorCode, string.Empty, statusCode)
    {
    }
}
