using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>The request is malformed or out of range (HTTP 400): fix it, do not retry it. (Mirrors <c>Amazon.BedrockRuntime.Model.ValidationException</c>.)</summary>
public sealed class ValidationException : AmazonBedrockRuntimeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Bedrock's message.</param>
    public ValidationException(string message)
        : base(message, "ValidationException", HttpStatusCode.BadRequest, ErrorType.Sender)
    {
    }
}
