namespace Course.Sandbox.Retries;

/// <summary>
/// How an SQS event source mapping re-invokes a throttled batch (catalogue row SQS_06, with the throttle error of
/// CON_05; services-sqs-errorhandling): Lambda keeps the batch and retries the invoke after 1 s, 2 s, 4 s, … (at most
/// 60 s) while the messages are still hidden; once the next retry would fall after the visibility timeout, it lets
/// them go. AWS does not publish the curve; the doubling from 1 s to 60 s is the sandbox's model (?).
/// </summary>
public static class SqsMappingThrottleBackoff
{
    /// <summary>First delay before re-invoking a throttled batch; doubles up to <see cref="MaxThrottleBackoff"/>.</summary>
    public static readonly TimeSpan FirstThrottleBackoff = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between invoke retries of a throttled batch.</summary>
    public static readonly TimeSpan MaxThrottleBackoff = TimeSpan.FromSeconds(60);

    /// <summary>The delay before the next invoke of a batch throttled <paramref name="throttles"/> times before.</summary>
    /// <param name="throttles">Throttles the batch had before this one, from 0.</param>
    /// <returns><c>min(60 s, 1 s × 2^throttles)</c>.</returns>
    public static TimeSpan Delay(int throttles) => CappedDoubling.Delay(FirstThrottleBackoff, MaxThrottleBackoff, throttles);
}
