namespace Course.Sandbox.Observability;

/// <summary>What happened, in a <see cref="TraceEvent"/>.</summary>
public enum TraceKind
{
    /// <summary>A function was deployed.</summary>
    FunctionDeployed,
    /// <summary>An execution environment started INIT (a cold start) or a SnapStart restore.</summary>
    EnvironmentInit,
    /// <summary>INIT failed or ran past its limit.</summary>
    EnvironmentInitFailed,
    /// <summary>An execution environment was shut down (idle reaping, timeout reset, crash).</summary>
    EnvironmentShutdown,
    /// <summary>An invocation started in an environment.</summary>
    InvokeStart,
    /// <summary>An invocation ended (success or function error).</summary>
    InvokeEnd,
    /// <summary>An invocation ran past the function timeout.</summary>
    Timeout,
    /// <summary>An invoke was rejected with 429 TooManyRequestsException.</summary>
    Throttle,
    /// <summary>An invoke was rejected before running (payload too large, unknown function).</summary>
    InvokeRejected,
    /// <summary>An asynchronous event was accepted into the function's internal queue.</summary>
    AsyncQueued,
    /// <summary>A retry was scheduled; the detail says why and after what delay.</summary>
    RetryScheduled,
    /// <summary>An asynchronous event was dropped because it passed its maximum age.</summary>
    EventExpired,
    /// <summary>An invocation record was sent to an on-success or on-failure destination.</summary>
    DestinationDelivered,
    /// <summary>An event was sent to a dead-letter queue.</summary>
    DeadLetter,
    /// <summary>Handler code called a sandbox service.</summary>
    ServiceCall,
    /// <summary>An event source delivered a batch or event to a function.</summary>
    SourceDelivery,
    /// <summary>An event source discarded, redrove or re-queued records (detail says which).</summary>
    SourceOutcome,
    /// <summary>A Step Functions execution started (source: the state machine; request id: the execution name).</summary>
    StateMachineExecutionStarted,
    /// <summary>A Step Functions execution stopped; the detail gives its status, error and transitions.</summary>
    StateMachineExecutionStopped,
    /// <summary>A free-form note from an event source or service.</summary>
    Note,
}
