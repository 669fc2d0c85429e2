using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The input of <c>StartSyncExecution</c> (Express only).</summary>
public sealed class StartSyncExecutionRequest : AmazonWebServiceRequest
{
    /// <summary>The state machine (ARN or name).</summary>
    public string StateMachineArn { get; set; }

    /// <summary>The input JSON; default <c>{}</c>.</summary>
    public string Input { get; set; }

    /// <summary>The execution name; default a UUID.</summary>
    public string Name { get; set; }
}
