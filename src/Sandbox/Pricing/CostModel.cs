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

    /// <summary>
    /// A month of an always-on Fargate task (PRICE_06): vCPU-hours and GB-hours over <paramref name="hours"/>
    /// (730 for a month). The other side of the Lambda/Fargate crossover.
    /// </summary>
    public decimal Fargate(double vcpu, double memoryGB, double hours = 730, Architecture architecture = Architecture.X86_64)
    {
        var (cpu, mem) = architecture == Architecture.Arm64
            ? (Prices.FargateArmVcpuHour, Prices.FargateArmGbHour)
            : (Prices.FargateVcpuHour, Prices.FargateGbHour);
        return (decimal)vcpu * (decimal)hours * cpu + (decimal)memoryGB * (decimal)hours * mem;
    }

    /// <summary>
    /// SQS requests (PRICE_08): every 64 KB chunk of a payload is billed as one request; FIFO queues cost more.
    /// </summary>
    public decimal Sqs(long requests, int payloadBytes = 1024, bool fifo = false)
    {
        var chunks = Math.Max(1, (payloadBytes + 65_535) / 65_536);
        return requests * chunks * (fifo ? Prices.SqsFifoPerMillion : Prices.SqsPerMillion) / 1_000_000m;
    }

    /// <summary>API Gateway requests (PRICE_08): HTTP APIs or REST APIs.</summary>
    public decimal ApiGateway(long requests, bool restApi = false) =>
        requests * (restApi ? Prices.RestApiPerMillion : Prices.HttpApiPerMillion) / 1_000_000m;

    /// <summary>SNS publishes (PRICE_08).</summary>
    public decimal Sns(long publishes) => publishes * Prices.SnsPerMillion / 1_000_000m;

    /// <summary>Step Functions Standard state transitions (PRICE_07), with the monthly free transitions when asked.</summary>
    public decimal StepFunctionsStandard(long transitions, bool freeTier = false) =>
        Math.Max(0, transitions - (freeTier ? Prices.StepFunctionsFreeTransitions : 0)) * Prices.StepFunctionsPerThousandTransitions / 1_000m;

    /// <summary>
    /// Step Functions Express (PRICE_07): <paramref name="requests"/> executions started and their billed
    /// <paramref name="gbSeconds"/> (duration rounded up to 100 ms × memory in 64 MB chunks), tiered.
    /// </summary>
    public decimal StepFunctionsExpress(long requests, decimal gbSeconds) =>
        requests * Prices.StepFunctionsExpressPerMillion / 1_000_000m + Tiered(gbSeconds, Prices.StepFunctionsExpressDuration);

    /// <summary>Bedrock on-demand tokens (PRICE_09).</summary>
    /// <exception cref="ArgumentException">The model is not on the price sheet.</exception>
    public decimal Bedrock(string model, long inputTokens, long outputTokens)
    {
        if (!Prices.Bedrock.TryGetValue(model, out var price))
            throw new ArgumentException($"No price for model '{model}'. Known: {string.Join(", ", Prices.Bedrock.Keys)}.", nameof(model));
        return (inputTokens * price.InputPerMillion + outputTokens * price.OutputPerMillion) / 1_000_000m;
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
