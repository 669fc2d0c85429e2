using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>Bedrock failed internally (HTTP 500); retrying may succeed. (Mirrors <c>Amazon.BedrockRuntime.Model.InternalServerException</c>.)</summary>
public sealed class InternalServerException : AmazonBedrockRuntimeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Bedrock's message.</param>
    public InternalServerException(string message)
        : base(message, "InternalServerException", HttpStatusCode.InternalServerError, ErrorType.Receiver)
    {
    }
}
