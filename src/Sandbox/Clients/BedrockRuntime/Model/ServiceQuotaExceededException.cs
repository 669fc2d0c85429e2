using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>The request exceeds a service quota of the account (HTTP 400); in the sandbox, the daily token quota.
/// Waiting a few seconds does not help. (Mirrors <c>Amazon.BedrockRuntime.Model.ServiceQuotaExceededException</c>.)</summary>
public sealed class ServiceQuotaExceededException : AmazonBedrockRuntimeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Bedrock's message.</param>
    public ServiceQuotaExceededException(string message)
        : base(message, "ServiceQuotaExceededException", HttpStatusCode.BadRequest, ErrorType.Sender)
    {
    }
}
