namespace Course.Grading.Reports;

/// <summary>What the platform recorded across a grading run (all checks), in virtual time.</summary>
/// <param name="Invocations">Function invocations (including retries).</param>
/// <param name="ColdStarts">Invocations that ran INIT in a new execution environment.</param>
/// <param name="Errors">Invocations that ended in a function error.</param>
/// <param name="Retries">Invocations the platform made again after a failure (async retries, SQS redeliveries).</param>
/// <param name="DeadLettered">Events or messages sent to a dead-letter queue or failure destination.</param>
/// <param name="P50Ms">Median invoke duration in milliseconds (virtual).</param>
/// <param name="P99Ms">99th-percentile invoke duration in milliseconds (virtual).</param>
/// <param name="BilledMs">Total billed duration in milliseconds.</param>
/// <param name="CostUsd">Cost of the run in US dollars (requests + GB-seconds).</param>
public sealed record RunSummary(int Invocations, int ColdStarts, int Errors, int Retries, int DeadLettered, double P50Ms, double P99Ms, long BilledMs, decimal CostUsd)
{
    /// <summary>An empty summary.</summary>
    public static RunSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0m);

    /// <summary>Adds two summaries' counters; percentiles must be recomputed by the caller from all durations.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The sum.</returns>
    public RunSummary Add(RunSummary other) => new(
        Invocations + other.Invocations,
        ColdStarts + other.ColdStarts,
        Errors + other.Errors,
        Retries + other.Retries,
        DeadLettered + other.DeadLettered,
        P50Ms,
        P99Ms,
        BilledMs + other.BilledMs,
        CostUsd + other.CostUsd);

    /// <summary>The nearest-rank percentile of durations, in milliseconds.</summary>
    /// <param name="durations">The durations.</param>
    /// <param name="percentile">The percentile, 0–100.</param>
    /// <returns>The value, or 0 when there are none.</returns>
    public static double Percentile(IReadOnlyList<TimeSpan> durations, double percentile)
    {
        if (durations.Count == 0)
        {
            return 0;
        }

        var sorted = durations.Select(d => d.TotalMilliseconds).Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
