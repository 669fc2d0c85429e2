namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>An execution's status, as DescribeExecution reports it.</summary>
public enum ExecutionStatus
{
    /// <summary>Still running (waiting on the virtual clock, a task or a callback).</summary>
    Running,

    /// <summary>Reached a Succeed state or an End.</summary>
    Succeeded,

    /// <summary>Ended with an unhandled error or a Fail state.</summary>
    Failed,

    /// <summary>Ran past its TimeoutSeconds (or Express's 5 minutes).</summary>
    TimedOut,

    /// <summary>Stopped by StopExecution.</summary>
    Aborted,
}
