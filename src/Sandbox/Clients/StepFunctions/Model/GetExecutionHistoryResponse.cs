using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The output of <c>GetExecutionHistory</c>.</summary>
public sealed class GetExecutionHistoryResponse : AmazonWebServiceResponse
{
    /// <summary>The events.</summary>
    public List<HistoryEvent> Events { get; set; } = [];
}
