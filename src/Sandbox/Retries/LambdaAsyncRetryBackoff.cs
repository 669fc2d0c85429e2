namespace Course.Sandbox.Retries;

/// <summary>
/// The waits of Lambda's asynchronous event queue: after a function error (catalogue row ASYNC_01) the second attempt
/// comes about 1 minute after the first and the third about 2 minutes after the second; a throttled or system-failed
/// event (ASYNC_02) is returned to the queue and re-tried after 1 s, doubling up to 5 minutes, for as long as its
/// maximum event age allows. AWS gives the function-error waits as "about"; the sandbox uses them exactly (?).
/// </summary>
public static class LambdaAsyncRetryBackoff
{
    /// <summary>First delay before re-trying a throttled asynchronous event; doubles up to <see cref="MaxThrottleBackoff"/> (ASYNC_02).</summary>
    public static readonly TimeSpan FirstThrottleBackoff = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between throttle retries (ASYNC_02).</summary>
    public static readonly TimeSpan MaxThrottleBackoff = TimeSpan.FromMinutes(5);

    /// <summary>Delay before the next attempt after a function error (ASYNC_01): one minute after the first failed
    /// attempt, two after the second.</summary>
    /// <param name="failedAttempts">How many attempts have failed so far, from 1.</param>
    /// <returns>The delay from the failed attempt to the next one.</returns>
    public static TimeSpan RetryDelay(int failedAttempts) => TimeSpan.FromMinutes(failedAttempts == 1 ? 1 : 2);

    /// <summary>Delay before re-trying a throttled event (ASYNC_02).</summary>
    /// <param name="throttleRetries">How many throttle retries the event has had so far, from 0.</param>
    /// <returns><c>min(5 min, 1 s × 2^throttleRetries)</c>.</returns>
    public static TimeSpan ThrottleDelay(int throttleRetries) => CappedDoubling.Delay(FirstThrottleBackoff, MaxThrottleBackoff, throttleRetries);
}
