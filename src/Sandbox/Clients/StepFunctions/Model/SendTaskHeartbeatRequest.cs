using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The input of <c>SendTaskHeartbeat</c>.</summary>
public sealed class SendTaskHeartbeatRequest : AmazonWebServiceRequest
{
    /// <summary>The task token.</summary>
    public string TaskToken { get; set; }
}
