using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>The model cannot be resolved (HTTP 404). (Mirrors <c>Amazon.BedrockRuntime.Model.ResourceNotFoundException</c>.)</summary>
public sealed class ResourceNotFoundException : AmazonBedrockRuntimeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Bedrock's message.</param>
    public ResourceNotFoundException(string message)
        : base(message, "ResourceNotFoundException", HttpStatusCode.NotFound, ErrorType.Sender)
    {
    }
}
