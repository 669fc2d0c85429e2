namespace Course.Sandbox.Retries;

/// <summary>The capped-doubling wait the Lambda-side back-offs share: <c>min(max, first × 2^n)</c>.</summary>
internal static class CappedDoubling
{
    /// <summary>The wait after <paramref name="doublings"/> doublings of <paramref name="first"/>, at most <paramref name="max"/>.</summary>
    internal static TimeSpan Delay(TimeSpan first, TimeSpan max, int doublings) =>
        TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks << Math.Min(doublings, 20)));
}
