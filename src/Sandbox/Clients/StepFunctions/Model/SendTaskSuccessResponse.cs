using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The output of <c>SendTaskSuccess</c>.</summary>
public sealed class SendTaskSuccessResponse : AmazonWebServiceResponse
{

}
