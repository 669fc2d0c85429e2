using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The input of <c>GetExecutionHistory</c>.</summary>
public sealed class GetExecutionHistoryRequest : AmazonWebServiceRequest
{
    /// <summary>The execution ARN.</summary>
    public string ExecutionArn { get; set; }

    /// <summary>Newest first.</summary>
    public bool ReverseOrder { get; set; }

    /// <summary>At most this many events (0 = all).</summary>
    public int MaxResults { get; set; }
}
