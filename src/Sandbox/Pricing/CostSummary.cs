namespace Course.Sandbox.Pricing;

/// <summary>What a set of invocations costs, broken down as AWS's bill would.</summary>
public sealed record CostSummary
{
    /// <summary>Billable requests (throttled requests are not billed).</summary>
    public long Requests { get; init; }

    /// <summary>Compute in GB-seconds (billed duration × memory).</summary>
    public decimal GbSeconds { get; init; }

    /// <summary>Request charge, USD.</summary>
    public decimal RequestCost { get; init; }

    /// <summary>Duration charge, USD.</summary>
    public decimal ComputeCost { get; init; }

    /// <summary>Ephemeral storage above 512 MB, USD.</summary>
    public decimal EphemeralCost { get; init; }

    /// <summary>Provisioned concurrency enabled (PRICE_04): environments × memory × time enabled, USD. Its executions are in <see cref="ComputeCost"/> at the provisioned rate.</summary>
    public decimal ProvisionedConcurrencyCost { get; init; }

    /// <summary>SnapStart caching and restores (PRICE_10; .NET and Python only), USD.</summary>
    public decimal SnapStartCost { get; init; }

    /// <summary>Whether the monthly free tier was applied.</summary>
    public bool FreeTierApplied { get; init; }

    /// <summary>The total, USD.</summary>
    public decimal Total => RequestCost + ComputeCost + EphemeralCost + ProvisionedConcurrencyCost + SnapStartCost;

    /// <summary>The price sheet's date.</summary>
    public DateOnly PricesAsOf { get; init; }
}
