using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>The model took too long to answer (HTTP 408). (Mirrors <c>Amazon.BedrockRuntime.Model.ModelTimeoutException</c>.)</summary>
public sealed class ModelTimeoutException : AmazonBedrockRuntimeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Bedrock's message.</param>
    public ModelTimeoutException(string message)
        : base(message, "ModelTimeoutException", HttpStatusCode.RequestTimeout, ErrorType.Sender)
    {
    }
}
