using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;

namespace Course.Sandbox.Pricing;

/// <summary>
/// Prices usage with a <see cref="PriceSheet"/>: Lambda requests, GB-seconds by tier and architecture, ephemeral
/// storage, provisioned concurrency, SnapStart; Fargate, Step Functions, SQS, SNS, API Gateway, Bedrock.
/// </summary>
public sealed class CostModel(PriceSheet prices)
{
    /// <summary>The sheet in use.</summary>
    public PriceSheet Prices { get; } = prices ?? throw new ArgumentNullException(nameof(prices));

    /// <summary>
    /// Costs the invocations a simulation recorded, as if they were one month's usage. Invocations that ran in a
    /// provisioned-concurrency environment are billed at the provisioned duration rate (PRICE_04) and take nothing
    /// from the free tier (AWS: the free tier does not apply to functions with provisioned concurrency); the
    /// enabled charge and SnapStart's charges depend on how long they were on: see <see cref="Bill"/>.
    /// </summary>
    public CostSummary Summarize(IEnumerable<InvocationRecord> invocations, bool freeTier = false)
    {
        ArgumentNullException.ThrowIfNull(invocations);
        long requests = 0, provisionedRequests = 0;
        decimal x86 = 0, arm = 0, ephemeral = 0, provisioned = 0, provisionedGbs = 0;
        foreach (var r in invocations)
        {
            if (r.Throttled)
            {
                continue;
            }
            requests++;
            var seconds = r.BilledDurationMs / 1000m;
            var gbs = seconds * r.MemorySize / 1024m;
            if (r.Provisioned)
            {
                provisionedRequests++;
                provisionedGbs += gbs;
                provisioned += gbs * (r.Architecture == Architecture.Arm64 ? Prices.ProvisionedArmExecutingPerGbSecond : Prices.ProvisionedExecutingPerGbSecond);
            }
            else if (r.Architecture == Architecture.Arm64)
            {
                arm += gbs;
            }
            else
            {
                x86 += gbs;
            }
            if (r.EphemeralStorageSize > Limits.MinEphemeralMB)
            {
                ephemeral += seconds * (r.EphemeralStorageSize - Limits.MinEphemeralMB) / 1024m;
            }
        }

        var month = Monthly(requests - provisionedRequests, x86, arm, freeTier);
        return month with
        {
            Requests = requests,
            GbSeconds = month.GbSeconds + provisionedGbs,
            RequestCost = month.RequestCost + (provisionedRequests * Prices.RequestsPerMillion / 1_000_000m),
            ComputeCost = month.ComputeCost + provisioned,
            EphemeralCost = ephemeral * Prices.EphemeralPerGbSecond,
        };
    }

    /// <summary>
    /// The whole Lambda bill of a simulation from its start to now: <see cref="Summarize"/> of every invocation,
    /// plus each function's provisioned concurrency enabled for that time (ENV_09, PRICE_04) and, for SnapStart on
    /// .NET and Python, the snapshot cache for that time and one restore per restored environment (ENV_10, PRICE_10).
    /// </summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="freeTier">Whether to apply the monthly free tier.</param>
    /// <returns>The bill.</returns>
    public CostSummary Bill(Simulation sim, bool freeTier = false)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var records = sim.Lambda.Invocations;
        var elapsed = sim.Now - sim.Options.Start;
        decimal provisioned = 0, snapStart = 0;
        foreach (var function in sim.Lambda.Functions.Values)
        {
            var o = function.Options;
            provisioned += ProvisionedConcurrency(o.ProvisionedConcurrentExecutions, o.MemorySize, elapsed, o.Architecture);
            if (!o.SnapStart)
            {
                continue;
            }
            var restores = records.Count(r => r.FunctionName == function.Name && r.ColdStart && !r.Throttled);
            snapStart += SnapStartCache(o.Runtime, o.MemorySize, elapsed) + SnapStartRestores(o.Runtime, o.MemorySize, restores);
        }

        return Summarize(records, freeTier) with { ProvisionedConcurrencyCost = provisioned, SnapStartCost = snapStart };
    }

    /// <summary>
    /// Provisioned concurrency enabled (PRICE_04): <paramref name="environments"/> × memory in GB × the time enabled,
    /// rounded up to 5 minutes, at the enabled rate. Executions on them are billed separately (see <see cref="Summarize"/>).
    /// </summary>
    /// <param name="environments">Provisioned concurrent executions.</param>
    /// <param name="memoryMB">The function's memory.</param>
    /// <param name="enabledFor">How long it was enabled.</param>
    /// <param name="architecture">The function's architecture.</param>
    /// <returns>USD.</returns>
    public decimal ProvisionedConcurrency(int environments, int memoryMB, TimeSpan enabledFor, Architecture architecture = Architecture.X86_64)
    {
        if (environments <= 0 || enabledFor <= TimeSpan.Zero)
        {
            return 0;
        }
        var step = Prices.ProvisionedBillingStep.Ticks;
        var seconds = (decimal)((enabledFor.Ticks + step - 1) / step * step) / TimeSpan.TicksPerSecond;
        var rate = architecture == Architecture.Arm64 ? Prices.ProvisionedArmEnabledPerGbSecond : Prices.ProvisionedEnabledPerGbSecond;
        return environments * (memoryMB / 1024m) * seconds * rate;
    }

    /// <summary>SnapStart's cache charge (PRICE_10): memory in GB × the time the version is active; nothing for Java.</summary>
    /// <param name="runtime">The function's runtime.</param>
    /// <param name="memoryMB">The function's memory.</param>
    /// <param name="activeFor">How long the published version was active.</param>
    /// <returns>USD.</returns>
    public decimal SnapStartCache(string runtime, int memoryMB, TimeSpan activeFor) =>
        SnapStartCharged(runtime) && activeFor > TimeSpan.Zero ? memoryMB / 1024m * (decimal)activeFor.TotalSeconds * Prices.SnapStartCachePerGbSecond : 0;

    /// <summary>SnapStart's restore charge (PRICE_10): memory in GB per restore; nothing for Java.</summary>
    /// <param name="runtime">The function's runtime.</param>
    /// <param name="memoryMB">The function's memory.</param>
    /// <param name="restores">Environments restored from the snapshot.</param>
    /// <returns>USD.</returns>
    public decimal SnapStartRestores(string runtime, int memoryMB, long restores) =>
        SnapStartCharged(runtime) ? restores * (memoryMB / 1024m) * Prices.SnapStartRestorePerGb : 0;

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
    /// An always-on Fargate task (PRICE_06, PRICE_11): vCPU-hours and GB-hours over <paramref name="hours"/>
    /// (null: the sheet's 730-hour month; 0.25 vCPU + 0.5 GB comes to $9.01). The other side of the Lambda/Fargate crossover.
    /// </summary>
    /// <param name="vcpu">vCPU per task.</param>
    /// <param name="memoryGB">Memory per task, GB.</param>
    /// <param name="hours">Hours running; null for a month.</param>
    /// <param name="architecture">x86_64 or arm64 (Graviton).</param>
    /// <param name="tasks">Tasks running side by side.</param>
    /// <returns>USD.</returns>
    public decimal Fargate(double vcpu, double memoryGB, double? hours = null, Architecture architecture = Architecture.X86_64, int tasks = 1)
    {
        var (cpu, mem) = architecture == Architecture.Arm64
            ? (Prices.FargateArmVcpuHour, Prices.FargateArmGbHour)
            : (Prices.FargateVcpuHour, Prices.FargateGbHour);
        var h = (decimal)(hours ?? Prices.HoursPerMonth);
        return tasks * (((decimal)vcpu * h * cpu) + ((decimal)memoryGB * h * mem));
    }

    /// <summary>
    /// The smallest number of requests a month at which Lambda (requests + duration, <see cref="Estimate"/>) costs
    /// more than <paramref name="fargateMonthly"/>: the crossover. Lambda's monthly cost only grows with requests,
    /// so the answer is found by bisection and is exact to one request.
    /// </summary>
    /// <param name="fargateMonthly">What the alternative costs a month, e.g. <see cref="Fargate"/>.</param>
    /// <param name="averageDuration">Average billed duration per request.</param>
    /// <param name="memoryMB">Lambda memory.</param>
    /// <param name="architecture">Lambda architecture.</param>
    /// <param name="freeTier">Whether to apply Lambda's free tier.</param>
    /// <returns>Requests a month.</returns>
    public long Crossover(decimal fargateMonthly, TimeSpan averageDuration, int memoryMB, Architecture architecture = Architecture.X86_64, bool freeTier = false)
    {
        long lo = 0, hi = 1;
        while (Estimate(hi, averageDuration, memoryMB, architecture, freeTier).Total <= fargateMonthly)
        {
            lo = hi;
            hi *= 2;
        }

        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Estimate(mid, averageDuration, memoryMB, architecture, freeTier).Total <= fargateMonthly)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }

    /// <summary>
    /// Step Functions Express (PRICE_07, PRICE_11): $1.00 per million requests plus duration, each execution rounded
    /// up to 100 ms and its memory to 64 MB chunks, at the sheet's tiered GB-s rates.
    /// </summary>
    /// <param name="requests">Executions started.</param>
    /// <param name="averageDuration">Average execution time.</param>
    /// <param name="memoryMB">Memory the execution used (definition, payloads, Map/Parallel state).</param>
    /// <returns>USD.</returns>
    public decimal StepFunctionsExpress(long requests, TimeSpan averageDuration, int memoryMB = 64)
    {
        var steps = Math.Ceiling((decimal)averageDuration.TotalMilliseconds / 100m);
        var chunks = Math.Max(1, (memoryMB + 63) / 64);
        var gbSeconds = requests * steps * 0.1m * chunks * 64 / 1024m;
        return StepFunctionsExpress(requests, gbSeconds);
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
        {
            throw new ArgumentException($"No price for model '{model}'. Known: {string.Join(", ", Prices.Bedrock.Keys)}.", nameof(model));
        }
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

    private static bool SnapStartCharged(string runtime) =>
        !string.IsNullOrEmpty(runtime) && !runtime.StartsWith("java", StringComparison.Ordinal);

    private static decimal Tiered(decimal units, IReadOnlyList<PriceTier> tiers)
    {
        decimal cost = 0, left = units;
        foreach (var tier in tiers)
        {
            if (left <= 0)
            {
                break;
            }
            var inTier = Math.Min(left, tier.Size);
            cost += inTier * tier.UnitPrice;
            left -= inTier;
        }
        return cost;
    }
}
