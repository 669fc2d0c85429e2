namespace Course.Sandbox.Pricing;

/// <summary>
/// Dated AWS list prices for us-east-1 (catalogue rows PRICE_01–PRICE_11), in USD. Every cost the course shows
/// comes from one sheet, so a price change is one edit here.
/// </summary>
public sealed record PriceSheet
{
    /// <summary>The sheet the course uses.</summary>
    public static PriceSheet UsEast1 { get; } = new();

    /// <summary>The date the prices were checked.</summary>
    public DateOnly AsOf { get; init; } = new(2026, 12, 1);

    /// <summary>The region the prices are for.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Lambda requests: $0.20 per million (PRICE_01).</summary>
    public decimal RequestsPerMillion { get; init; } = 0.20m;

    /// <summary>Monthly free tier: 1 M requests (PRICE_01).</summary>
    public long FreeRequests { get; init; } = 1_000_000;

    /// <summary>Monthly free tier: 400,000 GB-s of compute (PRICE_01).</summary>
    public decimal FreeGbSeconds { get; init; } = 400_000m;

    /// <summary>x86_64 duration tiers per GB-s: first 6 B, next 9 B, above 15 B (PRICE_02).</summary>
    public IReadOnlyList<PriceTier> X86Duration { get; init; } =
        [new(6_000_000_000m, 0.0000166667m), new(9_000_000_000m, 0.000015m), new(decimal.MaxValue, 0.0000133334m)];

    /// <summary>arm64 duration tiers per GB-s: first 7.5 B, next 11.25 B, above 18.75 B (PRICE_03).</summary>
    public IReadOnlyList<PriceTier> ArmDuration { get; init; } =
        [new(7_500_000_000m, 0.0000133334m), new(11_250_000_000m, 0.0000120001m), new(decimal.MaxValue, 0.0000106667m)];

    /// <summary>Provisioned concurrency (x86): per GB-s enabled (PRICE_04).</summary>
    public decimal ProvisionedEnabledPerGbSecond { get; init; } = 0.0000041667m;

    /// <summary>Provisioned concurrency (x86): per GB-s executing, replacing the on-demand duration price (PRICE_04).</summary>
    public decimal ProvisionedExecutingPerGbSecond { get; init; } = 0.0000097222m;

    /// <summary>Provisioned concurrency (arm64): per GB-s enabled (PRICE_04; from a secondary source, not confirmed on AWS's pricing page).</summary>
    public decimal ProvisionedArmEnabledPerGbSecond { get; init; } = 0.0000033334m;

    /// <summary>Provisioned concurrency (arm64): per GB-s executing (PRICE_04; from a secondary source, not confirmed on AWS's pricing page).</summary>
    public decimal ProvisionedArmExecutingPerGbSecond { get; init; } = 0.0000077778m;

    /// <summary>Provisioned concurrency is billed from enabling to disabling, rounded up to this step (PRICE_04).</summary>
    public TimeSpan ProvisionedBillingStep { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>SnapStart (.NET, Python): caching per GB-s of memory while the version is active (PRICE_10). Java: no charge.</summary>
    public decimal SnapStartCachePerGbSecond { get; init; } = 0.0000015046m;

    /// <summary>SnapStart (.NET, Python): per GB of memory restored, each time an environment restores (PRICE_10). Java: no charge.</summary>
    public decimal SnapStartRestorePerGb { get; init; } = 0.0001397998m;

    /// <summary>Ephemeral storage above 512 MB: per GB-s (PRICE_05).</summary>
    public decimal EphemeralPerGbSecond { get; init; } = 0.0000000309m;

    /// <summary>Fargate Linux x86: per vCPU-hour (PRICE_06).</summary>
    public decimal FargateVcpuHour { get; init; } = 0.04048m;

    /// <summary>Fargate Linux x86: per GB of memory per hour (PRICE_06).</summary>
    public decimal FargateGbHour { get; init; } = 0.004445m;

    /// <summary>Fargate Linux ARM: per vCPU-hour (PRICE_06).</summary>
    public decimal FargateArmVcpuHour { get; init; } = 0.03238m;

    /// <summary>Fargate Linux ARM: per GB of memory per hour (PRICE_06).</summary>
    public decimal FargateArmGbHour { get; init; } = 0.00356m;

    /// <summary>SQS standard queues: per million requests, each 64 KB chunk of a payload counting as one (PRICE_08).</summary>
    public decimal SqsPerMillion { get; init; } = 0.40m;

    /// <summary>SQS FIFO queues: per million requests, counted in 64 KB chunks as for standard queues (PRICE_08).</summary>
    public decimal SqsFifoPerMillion { get; init; } = 0.50m;

    /// <summary>SNS: per million publishes (PRICE_08; from a secondary source, not confirmed on AWS's pricing page).</summary>
    public decimal SnsPerMillion { get; init; } = 0.50m;

    /// <summary>API Gateway HTTP APIs: per million requests (PRICE_08).</summary>
    public decimal HttpApiPerMillion { get; init; } = 1.00m;

    /// <summary>API Gateway REST APIs: per million requests (PRICE_08).</summary>
    public decimal RestApiPerMillion { get; init; } = 3.50m;

    /// <summary>Step Functions Standard: per 1,000 state transitions, 4,000 free per month (PRICE_07).</summary>
    public decimal StepFunctionsPerThousandTransitions { get; init; } = 0.025m;

    /// <summary>Step Functions Standard: state transitions free each month (PRICE_07).</summary>
    public long StepFunctionsFreeTransitions { get; init; } = 4_000;

    /// <summary>Step Functions Express: per million requests (PRICE_07).</summary>
    public decimal StepFunctionsExpressPerMillion { get; init; } = 1.00m;

    /// <summary>
    /// Step Functions Express duration per GB-s (PRICE_07, PRICE_11), billed in 64 MB chunks and 100 ms steps:
    /// $0.06 per GB-hour (≈ $0.00001667 per GB-s) for the first 1,000 GB-hours a month, $0.03 for the next 4,000,
    /// $0.01642 above (AWS's pricing page, checked 2026-12-01; its worked example — 100 M ten-second workflows, $482.97 —
    /// is computed from the per-GB-hour rates, and so is this sheet).
    /// </summary>
    public IReadOnlyList<PriceTier> StepFunctionsExpressDuration { get; init; } =
        [new(3_600_000m, 0.06m / 3600m), new(14_400_000m, 0.03m / 3600m), new(decimal.MaxValue, 0.01642m / 3600m)];

    /// <summary>Hours in the month the course prices always-on resources for (PRICE_11).</summary>
    public double HoursPerMonth { get; init; } = 730;

    /// <summary>
    /// Bedrock on-demand prices per million input and output tokens (PRICE_09), checked 2026-12-01. Claude Haiku 4.5
    /// and Sonnet 4.5 are priced for the global cross-region inference profile (a secondary source says geographic
    /// profiles, <c>us.</c>, <c>eu.</c>, …, cost 10 % more; not confirmed, not modelled). Amazon Nova Micro is on demand in
    /// us-east-1. Claude 3.5 Haiku (end of life on Bedrock 2026-06-19) is no longer on the sheet.
    /// </summary>
    public IReadOnlyDictionary<string, TokenPrice> Bedrock { get; init; } = new Dictionary<string, TokenPrice>(StringComparer.Ordinal)
    {
        ["anthropic.claude-haiku-4-5"] = new(1.00m, 5.00m),
        ["anthropic.claude-sonnet-4-5"] = new(3.00m, 15.00m),
        ["amazon.nova-micro"] = new(0.035m, 0.14m),
    };
}
