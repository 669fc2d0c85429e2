using Course.Sandbox.Pricing;

namespace Course.Sandbox.Load;

/// <summary>
/// What a load run measured: every request's latency as its caller saw it, the latency percentiles of the requests
/// that ran, the share of them that waited for a cold start, and the bill of the run from the engine's cost model.
/// </summary>
public sealed class LoadReport
{
    private readonly List<double> _sortedMs;

    internal LoadReport(string functionName, LoadProfile profile, IReadOnlyList<LoadSample> samples, CostSummary cost, TimeSpan billedPeriod, decimal monthlyCost)
    {
        FunctionName = functionName;
        Profile = profile;
        Samples = samples;
        Cost = cost;
        BilledPeriod = billedPeriod;
        MonthlyCost = monthlyCost;
        _sortedMs = samples.Where(s => !s.Throttled).Select(s => s.Latency.TotalMilliseconds).Order().ToList();
    }

    /// <summary>The function the load went to.</summary>
    public string FunctionName { get; }

    /// <summary>The profile that was sent.</summary>
    public LoadProfile Profile { get; }

    /// <summary>Every request, in the order it was sent.</summary>
    public IReadOnlyList<LoadSample> Samples { get; }

    /// <summary>Requests sent.</summary>
    public int Requests => Samples.Count;

    /// <summary>Requests Lambda refused with 429.</summary>
    public int Throttles => Samples.Count(s => s.Throttled);

    /// <summary>Requests that ran and failed (error or timeout).</summary>
    public int Errors => Samples.Count(s => s.Failed);

    /// <summary>Requests that waited for an INIT or a restore.</summary>
    public int ColdStarts => Samples.Count(s => s.ColdStart);

    /// <summary>Cold starts as a share of the requests that ran, 0–1.</summary>
    public double ColdStartShare => _sortedMs.Count == 0 ? 0 : (double)ColdStarts / _sortedMs.Count;

    /// <summary>Median latency of the requests that ran.</summary>
    public TimeSpan P50 => Percentile(0.50);

    /// <summary>90th percentile latency.</summary>
    public TimeSpan P90 => Percentile(0.90);

    /// <summary>99th percentile latency.</summary>
    public TimeSpan P99 => Percentile(0.99);

    /// <summary>The slowest request.</summary>
    public TimeSpan Max => _sortedMs.Count == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(_sortedMs[^1]);

    /// <summary>
    /// The run's Lambda bill (<see cref="CostModel.Bill"/>, no free tier): requests, duration, and for the time of the
    /// run any provisioned concurrency enabled and SnapStart's cache and restores.
    /// </summary>
    public CostSummary Cost { get; }

    /// <summary>The span of virtual time the bill covers (deploy to the last response).</summary>
    public TimeSpan BilledPeriod { get; }

    /// <summary>
    /// The function's bill for a 730-hour month of the same traffic, USD: requests, duration and SnapStart restores
    /// scaled from the run; provisioned concurrency and SnapStart's cache for the whole month. The figure to compare
    /// configurations by.
    /// </summary>
    public decimal MonthlyCost { get; }

    /// <summary>The latency below which <paramref name="fraction"/> of the requests that ran fall (nearest-rank).</summary>
    /// <param name="fraction">0–1, e.g. 0.99.</param>
    /// <returns>The percentile, or zero when nothing ran.</returns>
    public TimeSpan Percentile(double fraction)
    {
        if (_sortedMs.Count == 0)
        {
            return TimeSpan.Zero;
        }
        var rank = Math.Clamp((int)Math.Ceiling(fraction * _sortedMs.Count) - 1, 0, _sortedMs.Count - 1);
        return TimeSpan.FromMilliseconds(_sortedMs[rank]);
    }
}
