using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The input of <c>SendTaskFailure</c>.</summary>
public sealed class SendTaskFailureRequest : AmazonWebServiceRequest
{
    /// <summary>The task token.</summary>
    public string TaskToken { get; set; }

    /// <summary>The error name.</summary>
    public string Error { get; set; }

    /// <summary>The cause.</summary>
    public string Cause { get; set; }
}
