using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The input of <c>DescribeExecution</c>.</summary>
public sealed class DescribeExecutionRequest : AmazonWebServiceRequest
{
    /// <summary>The execution ARN.</summary>
    public string ExecutionArn { get; set; }
}
