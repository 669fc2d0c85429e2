using Course.Sandbox.StepFunctions.Definition;

namespace Course.Sandbox.Retries;

/// <summary>
/// The back-off of a Step Functions Retry rule (catalogue row SFN_05): retry <c>n</c> (1-based) waits
/// <c>IntervalSeconds × BackoffRate^(n−1)</c> seconds, capped at <c>MaxDelaySeconds</c> when set; with
/// <c>JitterStrategy: FULL</c> the wait is drawn uniformly from [0, that] with the simulation's seeded random source.
/// After <c>MaxAttempts</c> retries (default 3; 0 means never) the error goes to Catch.
/// </summary>
public static class StepFunctionsRetryBackoff
{
    /// <summary>AWS's default IntervalSeconds.</summary>
    public const int DefaultIntervalSeconds = 1;

    /// <summary>AWS's default MaxAttempts.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>AWS's default BackoffRate.</summary>
    public const double DefaultBackoffRate = 2.0;

    /// <summary>True when <paramref name="policy"/> allows retry number <paramref name="retry"/> (1-based).</summary>
    public static bool Allows(RetryPolicy policy, int retry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return retry <= policy.MaxAttempts;
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retry"/> is below 1.</exception>
    public static TimeSpan Delay(RetryPolicy policy, int retry, Random random)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var seconds = policy.IntervalSeconds * Math.Pow(policy.BackoffRate, retry - 1);
        if (policy.MaxDelaySeconds is int cap)
        {
            seconds = Math.Min(seconds, cap);
        }
        seconds = Math.Min(seconds, 31_622_400);   // one year: nothing waits longer than an execution may run
        if (policy.FullJitter)
        {
            lock (random)
            {
                seconds *= random.NextDouble();
            }
        }
        return TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
    }
}
