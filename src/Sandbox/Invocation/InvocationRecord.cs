using Course.Sandbox.Functions;

namespace Course.Sandbox.Invocation;

/// <summary>One invocation that ran (or was throttled), as the engine observed it; the basis of metrics and cost.</summary>
public sealed record InvocationRecord
{
    /// <summary>The function.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The request id.</summary>
    public required string RequestId { get; init; }

    /// <summary>How it was invoked.</summary>
    public InvocationType Type { get; init; }

    /// <summary>1 for the first attempt, 2–3 for asynchronous retries.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>When it was requested.</summary>
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the handler started.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset End { get; init; }

    /// <summary>Modelled handler duration.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>INIT duration for cold starts.</summary>
    public TimeSpan? InitDuration { get; init; }

    /// <summary>Billed ms (INIT included, rounded up to 1 ms).</summary>
    public long BilledDurationMs { get; init; }

    /// <summary>Configured memory, MB.</summary>
    public int MemorySize { get; init; }

    /// <summary>Configured /tmp, MB.</summary>
    public int EphemeralStorageSize { get; init; }

    /// <summary>Architecture (for pricing).</summary>
    public Architecture Architecture { get; init; }

    /// <summary>Ran in a provisioned-concurrency environment.</summary>
    public bool Provisioned { get; init; }

    /// <summary>Error type when the function failed.</summary>
    public string? ErrorType { get; init; }

    /// <summary>True for throttled requests (they are not billed).</summary>
    public bool Throttled { get; init; }

    /// <summary>True when it timed out.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The environment that ran it.</summary>
    public string? EnvironmentId { get; init; }

    /// <summary>True when it was a cold start.</summary>
    public bool ColdStart => InitDuration is not null;
}
