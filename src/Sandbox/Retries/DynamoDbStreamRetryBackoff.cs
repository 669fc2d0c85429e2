namespace Course.Sandbox.Retries;

/// <summary>
/// How long a DynamoDB stream mapping waits before retrying a failed batch (catalogue row DDB_02): AWS does not
/// document it; the sandbox waits 1 s after the first failure and doubles the wait after each further one, up to 60 s (?).
/// Whether a retry is allowed at all (MaximumRetryAttempts, MaximumRecordAgeInSeconds) is the mapping's rule.
/// </summary>
public static class DynamoDbStreamRetryBackoff
{
    /// <summary>The wait after a batch's first failure.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    /// <summary>The wait before retrying a lane whose batches have failed <paramref name="failures"/> times before.</summary>
    /// <param name="failures">Failures before this one, from 0.</param>
    /// <returns><c>min(60 s, 1 s × 2^failures)</c>.</returns>
    public static TimeSpan Delay(int failures) => CappedDoubling.Delay(FirstRetryDelay, MaxRetryDelay, failures);
}
