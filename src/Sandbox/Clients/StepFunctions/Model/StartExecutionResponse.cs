using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The output of <c>StartExecution</c>.</summary>
public sealed class StartExecutionResponse : AmazonWebServiceResponse
{
    /// <summary>The execution ARN.</summary>
    public string ExecutionArn { get; set; }

    /// <summary>When it started (virtual time, UTC).</summary>
    public DateTime StartDate { get; set; }
}
