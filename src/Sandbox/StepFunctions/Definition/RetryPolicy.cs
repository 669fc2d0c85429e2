namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// One Retry rule (catalogue row SFN_05): which errors it matches, the first interval (default 1 s), the number of
/// retries (default 3; 0 never retries), the back-off multiplier (default 2.0), an optional cap on the delay and the
/// jitter strategy (FULL or NONE). Delays are computed by <see cref="Course.Sandbox.Retries.StepFunctionsRetryBackoff"/>.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>The error names this rule handles.</summary>
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    /// <summary>Seconds before the first retry. <value>The default value is 1.</value></summary>
    public int IntervalSeconds { get; init; } = 1;

    /// <summary>The most retries. <value>The default value is 3.</value></summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The multiplier of the interval on each retry. <value>The default value is 2.0.</value></summary>
    public double BackoffRate { get; init; } = 2.0;

    /// <summary>The longest delay between retries, in seconds, or <see langword="null"/> for no cap.</summary>
    public int? MaxDelaySeconds { get; init; }

    /// <summary>True for JitterStrategy FULL: each delay is drawn uniformly from [0, delay] (seeded).</summary>
    public bool FullJitter { get; init; }
}
