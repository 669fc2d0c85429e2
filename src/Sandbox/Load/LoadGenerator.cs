using Course.Sandbox.Invocation;
using Course.Sandbox.Pricing;

namespace Course.Sandbox.Load;

/// <summary>
/// Sends a <see cref="LoadProfile"/> to a deployed function on the simulation's virtual clock and reports latency,
/// cold starts and cost. Arrivals are a Poisson process at the pattern's peak rate thinned to the rate of the moment
/// (Lewis and Shedler), drawn from a random source seeded by the profile (or the simulation's seed): the same inputs
/// always give the same report. Each request is a synchronous invoke scheduled at its arrival time, so concurrent
/// requests meet busy environments, cold starts and throttles exactly as the engine models them.
/// </summary>
public static class LoadGenerator
{
    /// <summary>Runs <paramref name="profile"/> against <paramref name="functionName"/> and runs the simulation until every response is in.</summary>
    /// <param name="sim">The simulation holding the function.</param>
    /// <param name="functionName">A deployed function.</param>
    /// <param name="profile">What to send.</param>
    /// <param name="prices">Prices for the bill; default <see cref="PriceSheet.UsEast1"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The profile is invalid (every problem listed).</exception>
    public static LoadReport Run(Simulation sim, string functionName, LoadProfile profile, PriceSheet? prices = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(profile);
        var errors = profile.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid load profile: " + string.Join("; ", errors), nameof(profile));
        }
        sim.Lambda.GetFunction(functionName);

        var start = sim.Now;
        var arrivals = Arrivals(profile, profile.Seed ?? unchecked((sim.Options.Seed * 397) ^ 0x10AD));
        var pending = new List<(TimeSpan Offset, Task<InvocationResult> Result)>(arrivals.Count);
        foreach (var offset in arrivals)
        {
            sim.ScheduleAt(start + offset, () => pending.Add((offset, sim.Lambda.InvokeAsync(functionName, profile.Payload))));
        }

        sim.RunUntil(start + profile.Duration);
        while (pending.Any(p => !p.Result.IsCompleted) && sim.RunNext()) { }

        var records = sim.Lambda.Invocations.Where(r => r.FunctionName == functionName).ToDictionary(r => r.RequestId, StringComparer.Ordinal);
        var samples = pending.Select(p =>
        {
            var r = p.Result.Result;
            var provisioned = records.TryGetValue(r.RequestId, out var record) && record.Provisioned;
            var latency = r.Throttled || r.End is null ? TimeSpan.Zero : r.End.Value - r.RequestedAt;
            return new LoadSample(p.Offset, latency, r.InitDuration is not null, provisioned, r.Throttled, !r.Throttled && !r.Succeeded, r.RequestId);
        }).ToList();
        var model = new CostModel(prices ?? PriceSheet.UsEast1);
        var period = sim.Now - sim.Options.Start;
        return new LoadReport(functionName, profile, samples, model.Bill(sim), period, Monthly(model, sim, functionName, period));
    }

    /// <summary>
    /// The target function's bill for a 730-hour month of the same traffic: what scales with requests (requests,
    /// duration, SnapStart restores) scaled up, and what is billed by the hour (provisioned concurrency enabled,
    /// SnapStart's cache) for the whole month — so the 5-minute rounding of a short run does not inflate it.
    /// </summary>
    private static decimal Monthly(CostModel model, Simulation sim, string functionName, TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            return 0;
        }
        var month = TimeSpan.FromHours(730);
        var scale = (decimal)(month / period);
        var o = sim.Lambda.GetFunction(functionName).Options;
        var records = sim.Lambda.Invocations.Where(r => r.FunctionName == functionName).ToList();
        var usage = model.Summarize(records);
        var perRequest = usage.RequestCost + usage.ComputeCost + usage.EphemeralCost;
        var hourly = model.ProvisionedConcurrency(o.ProvisionedConcurrentExecutions, o.MemorySize, month, o.Architecture);
        if (o.SnapStart)
        {
            perRequest += model.SnapStartRestores(o.Runtime, o.MemorySize, records.Count(r => r.ColdStart && !r.Throttled));
            hourly += model.SnapStartCache(o.Runtime, o.MemorySize, month);
        }

        return (perRequest * scale) + hourly;
    }

    /// <summary>The arrival offsets of <paramref name="profile"/>, in order.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="seed">The seed of the arrival process.</param>
    /// <returns>Offsets from the start of the run.</returns>
    public static IReadOnlyList<TimeSpan> Arrivals(LoadProfile profile, int seed)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var random = new Random(seed);
        var peak = profile.PeakRate;
        var arrivals = new List<TimeSpan>();
        var t = 0.0;
        var end = profile.Duration.TotalSeconds;
        while (true)
        {
            t += -Math.Log(1 - random.NextDouble()) / peak;
            if (t >= end)
            {
                break;
            }
            if (random.NextDouble() * peak <= profile.RateAt(TimeSpan.FromSeconds(t)))
            {
                // Whole microseconds keep the schedule exact on the virtual clock.
                arrivals.Add(TimeSpan.FromTicks((long)Math.Round(t * 1_000_000) * 10));
            }
        }

        return arrivals;
    }
}
