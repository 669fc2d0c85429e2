using Course.Sandbox.Services.EventBridge;

namespace Course.Sandbox.Retries;

/// <summary>
/// How EventBridge retries delivering an event to a target (EB_02), as the <c>RetryPolicy</c> of a rule target or a
/// Scheduler schedule. Retries stop at whichever limit comes first; then the event goes to the target's dead-letter
/// queue, or is dropped.
/// </summary>
public sealed class EventBridgeRetryPolicy
{
    /// <summary>The largest <see cref="MaximumRetryAttempts"/> AWS accepts.</summary>
    public const int MaxRetryAttempts = 185;

    /// <summary>The smallest and largest <see cref="MaximumEventAgeInSeconds"/> AWS accepts.</summary>
    public const int MinEventAgeSeconds = 60, MaxEventAgeSeconds = 86_400;

    /// <summary>Retries after the first failed delivery, 0–185. <value>The default is 185.</value></summary>
    public int MaximumRetryAttempts { get; set; } = MaxRetryAttempts;

    /// <summary>How long, from when EventBridge received the event, it keeps retrying, 60–86,400 s.
    /// <value>The default is 86,400 (24 hours).</value></summary>
    public int MaximumEventAgeInSeconds { get; set; } = MaxEventAgeSeconds;

    /// <summary>
    /// The delay before retry <paramref name="retry"/> (1-based). AWS documents only "exponential back off and jitter";
    /// the sandbox doubles from 1 s up to a cap of 8 minutes, without jitter, so timelines are exact (?): 185 retries
    /// then span 23.6 hours, about the documented 24 hours.
    /// </summary>
    /// <param name="retry">The retry number, from 1.</param>
    /// <returns>The delay.</returns>
    public static TimeSpan Backoff(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        return retry > 10 ? MaxBackoff : TimeSpan.FromSeconds(Math.Min(1 << (retry - 1), MaxBackoff.TotalSeconds));
    }

    /// <summary>The longest delay between retries in the sandbox's model: 8 minutes (?).</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(8);

    /// <summary>Checks the ranges AWS enforces.</summary>
    /// <param name="path">Where the policy sits, for the message (e.g. <c>targets.1.member.retryPolicy</c>).</param>
    /// <exception cref="EventBridgeException"><c>ValidationException</c> naming the field and its range.</exception>
    public void Validate(string path)
    {
        if (MaximumRetryAttempts < 0)
        {
            throw EventBridgeException.Constraint(MaximumRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".maximumRetryAttempts", "Member must have value greater than or equal to 0");
        }

        if (MaximumRetryAttempts > MaxRetryAttempts)
        {
            throw EventBridgeException.Constraint(MaximumRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".maximumRetryAttempts", "Member must have value less than or equal to 185");
        }

        if (MaximumEventAgeInSeconds < MinEventAgeSeconds)
        {
            throw EventBridgeException.Constraint(MaximumEventAgeInSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".maximumEventAgeInSeconds", "Member must have value greater than or equal to 60");
        }

        if (MaximumEventAgeInSeconds > MaxEventAgeSeconds)
        {
            throw EventBridgeException.Constraint(MaximumEventAgeInSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".maximumEventAgeInSeconds", "Member must have value less than or equal to 86400");
        }
    }

    internal EventBridgeRetryPolicy Copy() => new() { MaximumRetryAttempts = MaximumRetryAttempts, MaximumEventAgeInSeconds = MaximumEventAgeInSeconds };
}
