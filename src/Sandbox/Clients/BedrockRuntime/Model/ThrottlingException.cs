using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>Too many requests or tokens in the quota window (HTTP 429). Retry with exponential backoff. (Mirrors <c>Amazon.BedrockRuntime.Model.ThrottlingException</c>.)</summary>
public sealed class ThrottlingException : AmazonBedrockRuntimeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Bedrock's message.</param>
    public ThrottlingException(string message)
        : base(message, "ThrottlingException", HttpStatusCode.TooManyRequests, ErrorType.Sender)
    {
    }
}
