namespace Course.Sandbox.Invocation;

/// <summary>What the caller of <c>Invoke</c> gets back, plus what the engine observed about the run.</summary>
public sealed record InvocationResult
{
    /// <summary>The request id (also in the log lines).</summary>
    public required string RequestId { get; init; }

    /// <summary>HTTP status of the Invoke API call: 200 sync, 202 async accepted, 204 dry run, 4xx/5xx for service errors.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The response payload (JSON), or the error object for a function error; <see langword="null"/> for void handlers.</summary>
    public string? Payload { get; init; }

    /// <summary><c>Unhandled</c> when the function failed (exception or timeout); otherwise <see langword="null"/>.</summary>
    public string? FunctionError { get; init; }

    /// <summary>The error type: the exception's type name, <c>Sandbox.Timedout</c>, or a service error code (<c>TooManyRequestsException</c>).</summary>
    public string? ErrorType { get; init; }

    /// <summary>The error message, when there is an error.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>For throttles, the reason (CON_05).</summary>
    public string? ThrottleReason { get; init; }

    /// <summary>When the request reached Lambda.</summary>
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the handler started (after INIT on a cold start).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When the invocation ended.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The handler's modelled duration (REPORT Duration).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Billed duration in whole ms, INIT included on cold starts (ENV_04, ENV_06).</summary>
    public long BilledDurationMs { get; init; }

    /// <summary>INIT duration on a cold start; otherwise <see langword="null"/>.</summary>
    public TimeSpan? InitDuration { get; init; }

    /// <summary>The execution environment that ran it.</summary>
    public string? EnvironmentId { get; init; }

    /// <summary>True when the request was throttled (429).</summary>
    public bool Throttled => ErrorType == "TooManyRequestsException";

    /// <summary>True when the invocation ran past its timeout.</summary>
    public bool TimedOut { get; init; }

    /// <summary>True when it ran and succeeded.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300 && FunctionError is null;
}
