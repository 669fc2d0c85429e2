namespace Course.Sandbox.Retries;

/// <summary>
/// SNS's delivery policy for AWS-managed endpoints such as Lambda (SNS_01): after the first attempt, 3 retries with no
/// delay, 2 retries 1 s apart, 10 retries with exponential backoff from 1 s to 20 s, then 100,000 retries 20 s apart
/// (100,015 retries, about 23 days). AWS does not let you change it for Lambda; the sandbox does, for short tests.
/// </summary>
/// <remarks>
/// AWS applies jitter and does not publish the backoff curve; the sandbox uses no jitter and a geometric curve whose
/// first delay is <see cref="MinDelay"/> and tenth is <see cref="MaxDelay"/> (1, 1.395, 1.947, … 20 s, rounded to the
/// millisecond) (?).
/// </remarks>
public sealed class SnsDeliveryPolicy
{
    /// <summary>Retries right after the first attempt. <value>The default is 3.</value></summary>
    public int ImmediateRetries { get; init; } = 3;

    /// <summary>Retries in the pre-backoff phase. <value>The default is 2.</value></summary>
    public int PreBackoffRetries { get; init; } = 2;

    /// <summary>Retries in the backoff phase. <value>The default is 10.</value></summary>
    public int BackoffRetries { get; init; } = 10;

    /// <summary>Retries in the post-backoff phase. <value>The default is 100,000.</value></summary>
    public int PostBackoffRetries { get; init; } = 100_000;

    /// <summary>The pre-backoff delay and the first backoff delay. <value>The default is 1 second.</value></summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The last backoff delay and the post-backoff delay. <value>The default is 20 seconds.</value></summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The policy AWS applies to Lambda (and SQS) subscriptions.</summary>
    public static SnsDeliveryPolicy Lambda { get; } = new();

    /// <summary>All retries together. <value>100,015 for <see cref="Lambda"/>.</value></summary>
    public int TotalRetries => ImmediateRetries + PreBackoffRetries + BackoffRetries + PostBackoffRetries;

    /// <summary>The delay before retry <paramref name="retry"/> (1-based, counted after the first attempt), or null when
    /// the policy is exhausted.</summary>
    /// <param name="retry">The retry number.</param>
    /// <returns>The delay from the previous attempt.</returns>
    public TimeSpan? DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        if (retry <= ImmediateRetries)
        {
            return TimeSpan.Zero;
        }

        retry -= ImmediateRetries;
        if (retry <= PreBackoffRetries)
        {
            return MinDelay;
        }

        retry -= PreBackoffRetries;
        if (retry <= BackoffRetries)
        {
            if (BackoffRetries == 1)
            {
                return MaxDelay;
            }

            var ratio = MaxDelay.TotalMilliseconds / MinDelay.TotalMilliseconds;
            var ms = MinDelay.TotalMilliseconds * Math.Pow(ratio, (retry - 1) / (double)(BackoffRetries - 1));
            return TimeSpan.FromMilliseconds(Math.Round(ms));
        }

        retry -= BackoffRetries;
        return retry <= PostBackoffRetries ? MaxDelay : null;
    }

    /// <summary>Checks the numbers make a policy.</summary>
    /// <exception cref="ArgumentException">A count is negative or a delay is not positive, or min is above max.</exception>
    internal void Validate()
    {
        if (ImmediateRetries < 0 || PreBackoffRetries < 0 || BackoffRetries < 0 || PostBackoffRetries < 0)
        {
            throw new ArgumentException("SnsDeliveryPolicy: retry counts must be 0 or more.");
        }

        if (MinDelay <= TimeSpan.Zero || MaxDelay < MinDelay)
        {
            throw new ArgumentException($"SnsDeliveryPolicy: MinDelay ({MinDelay}) must be positive and not above MaxDelay ({MaxDelay}).");
        }
    }
}
