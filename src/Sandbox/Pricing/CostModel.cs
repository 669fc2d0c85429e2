using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;

namespace Course.Sandbox.Pricing;

/// <summary>Prices Lambda usage with a <see cref="PriceSheet"/>: requests, GB-seconds by tier and architecture, ephemeral storage.</summary>
public sealed class CostModel(PriceSheet prices)
{
    /// <summary>The sheet in use.</summary>
    public PriceSheet Prices { get; } = prices ?? throw new ArgumentNullException(nameof(prices));

    /// <summary>Costs the invocations a simulation recorded, as if they were one month's usage.</summary>
    public CostSummary Summarize(IEnumerable<InvocationRecord> invocations, bool freeTier = false)
    {
        ArgumentNullException.ThrowIfNull(invocations);
        long requests = 0;
        decimal x86 = 0, arm = 0, ephemeral = 0;
        foreach (var r in invocations)
        {
            if (r.Throttled) continue;
            requests++;
            var seconds = r.BilledDurationMs / 1000m;
            var gbs = seconds * r.MemorySize / 1024m;
            if (r.Architecture == Architecture.Arm64) arm += gbs; else x86 += gbs;
            if (r.EphemeralStorageSize > Limits.MinEphemeralMB) ephemeral += seconds * (r.EphemeralStorageSize - Limits.MinEphemeralMB) / 1024m;
        }
        return Monthly(requests, x86, arm, freeTier) with { EphemeralCost = ephemeral * Prices.EphemeralPerGbSecond };
    }

    /// <summary>
    /// Costs a month of <paramref name="requests"/> requests averaging <paramref name="averageDuration"/> at
    /// <paramref name="memoryMB"/> — the estimate the seed guide's table makes, with compute included.
    /// </summary>
    public CostSummary Estimate(long requests, TimeSpan averageDuration, int memoryMB, Architecture architecture = Architecture.X86_64, bool freeTier = false)
    {
        var billedMs = Math.Ceiling((decimal)averageDuration.TotalMilliseconds);
        var gbs = requests * billedMs / 1000m * memoryMB / 1024m;
        return architecture == Architecture.Arm64 ? Monthly(requests, 0, gbs, freeTier) : Monthly(requests, gbs, 0, freeTier);
    }

    private CostSummary Monthly(long requests, decimal x86GbSeconds, decimal armGbSeconds, bool freeTier)
    {
        var billableRequests = freeTier ? Math.Max(0, requests - Prices.FreeRequests) : requests;
        // The free tier's GB-seconds apply across architectures; take them from x86 first, then arm64.
        var free = freeTier ? Prices.FreeGbSeconds : 0m;
        var x86 = Math.Max(0, x86GbSeconds - free);
        free = Math.Max(0, free - x86GbSeconds);
        var arm = Math.Max(0, armGbSeconds - free);
        return new CostSummary
        {
            Requests = requests,
            GbSeconds = x86GbSeconds + armGbSeconds,
            RequestCost = billableRequests * Prices.RequestsPerMillion / 1_000_000m,
            ComputeCost = Tiered(x86, Prices.X86Duration) + Tiered(arm, Prices.ArmDuration),
            FreeTierApplied = freeTier,
            PricesAsOf = Prices.AsOf,
        };
    }

    private static decimal Tiered(decimal units, IReadOnlyList<PriceTier> tiers)
    {
        decimal cost = 0, left = units;
        foreach (var tier in tiers)
        {
            if (left <= 0) break;
            var inTier = Math.Min(left, tier.Size);
            cost += inTier * tier.UnitPrice;
            left -= inTier;
        }
        return cost;
    }
}
