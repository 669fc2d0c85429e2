using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>The output of <c>StartSyncExecution</c>.</summary>
public sealed class StartSyncExecutionResponse : AmazonWebServiceResponse
{
    /// <summary>The execution ARN.</summary>
    public string ExecutionArn { get; set; }

    /// <summary>The state machine ARN.</summary>
    public string StateMachineArn { get; set; }

    /// <summary>The execution name.</summary>
    public string Name { get; set; }

    /// <summary>When it started.</summary>
    public DateTime StartDate { get; set; }

    /// <summary>When it stopped.</summary>
    public DateTime StopDate { get; set; }

    /// <summary>SUCCEEDED, FAILED or TIMED_OUT.</summary>
    public SyncExecutionStatus Status { get; set; }

    /// <summary>The input.</summary>
    public string Input { get; set; }

    /// <summary>The output, when it succeeded.</summary>
    public string Output { get; set; }

    /// <summary>The error, when it failed.</summary>
    public string Error { get; set; }

    /// <summary>The cause, when it failed.</summary>
    public string Cause { get; set; }
}
