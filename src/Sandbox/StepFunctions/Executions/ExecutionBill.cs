using Course.Sandbox.Pricing;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// What a set of executions costs (catalogue row SFN_09, prices PRICE_07): Standard by state transitions (each state
/// entered and each retry; the first 4,000 a month free when asked), Express by requests and GB-seconds — duration
/// rounded up to 100 ms times memory in 64 MB chunks, memory estimated as AWS's pricing page does:
/// 50 MB + definition size + payload size × Map/Parallel steps. The memory estimate is the simulator's model.
/// </summary>
public sealed record ExecutionBill
{
    /// <summary>Standard executions.</summary>
    public long StandardExecutions { get; init; }

    /// <summary>State transitions of the Standard executions.</summary>
    public long StateTransitions { get; init; }

    /// <summary>Express executions (requests).</summary>
    public long ExpressRequests { get; init; }

    /// <summary>Billed GB-seconds of the Express executions.</summary>
    public decimal ExpressGbSeconds { get; init; }

    /// <summary>The Standard cost.</summary>
    public decimal StandardCost { get; init; }

    /// <summary>The Express cost (requests and duration).</summary>
    public decimal ExpressCost { get; init; }

    /// <summary>The whole cost.</summary>
    public decimal Total => StandardCost + ExpressCost;

    /// <summary>The date of the prices used.</summary>
    public DateOnly PricesAsOf { get; init; }

    /// <summary>Bills <paramref name="executions"/> with <paramref name="prices"/> as one month's usage.</summary>
    public static ExecutionBill For(IEnumerable<Execution> executions, PriceSheet prices, bool freeTier = false)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var model = new CostModel(prices);
        long standard = 0, transitions = 0, express = 0;
        decimal gbs = 0;
        foreach (var e in executions)
        {
            if (e.StateMachine.Type == WorkflowType.Standard)
            {
                standard++;
                transitions += e.StateTransitions;
            }
            else
            {
                express++;
                gbs += BilledGbSeconds(e);
            }
        }
        return new ExecutionBill
        {
            StandardExecutions = standard,
            StateTransitions = transitions,
            ExpressRequests = express,
            ExpressGbSeconds = gbs,
            StandardCost = model.StepFunctionsStandard(transitions, freeTier),
            ExpressCost = express == 0 ? 0 : model.StepFunctionsExpress(express, gbs),
            PricesAsOf = prices.AsOf,
        };
    }

    /// <summary>An Express execution's billed GB-seconds: duration rounded up to 100 ms × memory in 64 MB chunks.</summary>
    public static decimal BilledGbSeconds(Execution e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var duration = ((e.StopDate ?? e.StartDate) - e.StartDate).TotalMilliseconds;
        var billedSeconds = Math.Ceiling((decimal)duration / 100m) / 10m;
        return billedSeconds * BilledMemoryMB(e) / 1024m;
    }

    /// <summary>The billed memory of an Express execution: the estimate rounded up to 64 MB chunks.</summary>
    public static int BilledMemoryMB(Execution e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var bytes = 50L * 1024 * 1024 + System.Text.Encoding.UTF8.GetByteCount(e.StateMachine.DefinitionText)
            + (long)e.LargestPayloadBytes * Math.Max(1, e.ParallelMapSteps);
        var mb = (bytes + (1024 * 1024) - 1) / (1024 * 1024);
        return (int)((mb + 63) / 64 * 64);
    }
}
