using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The input of <c>SendTaskSuccess</c>.</summary>
public sealed class SendTaskSuccessRequest : AmazonWebServiceRequest
{
    /// <summary>The task token (<c>$$.Task.Token</c>).</summary>
    public string TaskToken { get; set; }

    /// <summary>The task output (JSON).</summary>
    public string Output { get; set; }
}
