using Course.Sandbox.Functions;
using Course.Sandbox.Pricing;

namespace Course.Sandbox.Tests.Pricing;

public class ProvisionedAndSnapStartCostTests
{
    private static readonly CostModel Model = new(PriceSheet.UsEast1);

    [Fact]
    public void PRICE_04_ProvisionedConcurrency_EnabledTime_IsRoundedUpToFiveMinutes()
    {
        // 10 environments × 2 GB for 61 minutes → billed as 65 minutes.
        Assert.Equal(10 * 2m * 65 * 60 * 0.0000041667m, Model.ProvisionedConcurrency(10, 2048, TimeSpan.FromMinutes(61)));
        Assert.Equal(0m, Model.ProvisionedConcurrency(0, 2048, TimeSpan.FromHours(1)));
        Assert.True(Model.ProvisionedConcurrency(1, 1024, TimeSpan.FromHours(1), Architecture.Arm64) < Model.ProvisionedConcurrency(1, 1024, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void ENV_09_ProvisionedConcurrency_Bill_EnabledPerGbSecond_PlusTheLowerDurationRate_AndSpilloverOnDemand()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", ProvisionedConcurrentExecutions = 2, MemorySize = 1024 }, TestHandlers.Work(100));
        var burst = Enumerable.Range(0, 3).Select(_ => sim.Lambda.InvokeAsync("f", "{}")).ToList();
        sim.Run();
        sim.RunUntil(sim.Options.Start + TimeSpan.FromHours(1));

        var records = sim.Lambda.Invocations;
        var provisioned = records.Where(r => r.Provisioned).ToList();
        var spill = Assert.Single(records, r => !r.Provisioned);
        Assert.Equal(2, provisioned.Count);
        Assert.NotNull(spill.InitDuration);   // the third concurrent request spilled over to an on-demand cold start

        var bill = Model.Bill(sim, freeTier: true);
        Assert.Equal(2 * 1m * 3600 * 0.0000041667m, bill.ProvisionedConcurrencyCost);
        var provisionedGbs = provisioned.Sum(r => r.BilledDurationMs / 1000m);
        var spillGbs = spill.BilledDurationMs / 1000m;
        // Provisioned executions at $0.0000097222, not covered by the free tier; the spill-over is on-demand and is.
        Assert.Equal(provisionedGbs * 0.0000097222m, bill.ComputeCost);
        Assert.Equal(provisionedGbs + spillGbs, bill.GbSeconds);
        Assert.Equal(2 * 0.20m / 1_000_000m, bill.RequestCost);
        Assert.Equal(bill.RequestCost + bill.ComputeCost + bill.ProvisionedConcurrencyCost, bill.Total);
        Assert.True(0.0000097222m < PriceSheet.UsEast1.X86Duration[0].UnitPrice);
    }

    [Fact]
    public void PRICE_10_SnapStart_CachePerGbSecondActive_AndRestorePerGb_JavaFree()
    {
        Assert.Equal(2m * 3600 * 0.0000015046m, Model.SnapStartCache(LambdaRuntime.DotNet8, 2048, TimeSpan.FromHours(1)));
        Assert.Equal(1000 * 2m * 0.0001397998m, Model.SnapStartRestores(LambdaRuntime.Python312, 2048, 1000));
        Assert.Equal(0m, Model.SnapStartCache(LambdaRuntime.Java21, 2048, TimeSpan.FromHours(1)));
        Assert.Equal(0m, Model.SnapStartRestores(LambdaRuntime.Java21, 2048, 1000));
    }

    [Theory]
    [InlineData(LambdaRuntime.DotNet8, true)]
    [InlineData(LambdaRuntime.Java21, false)]
    public void ENV_10_SnapStart_Bill_CachesWhileActive_AndChargesEachRestore(string runtime, bool charged)
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", Runtime = runtime, SnapStart = true, MemorySize = 1024 }, TestHandlers.Work(50));
        sim.Lambda.Invoke("f", "{}");                                       // restore
        sim.Lambda.Invoke("f", "{}");                                       // warm
        sim.RunUntil(sim.Options.Start + TimeSpan.FromHours(1));            // the idle environment is reaped
        sim.Lambda.Invoke("f", "{}");                                       // restore again
        Assert.Equal(2, sim.Lambda.Invocations.Count(r => r.ColdStart));

        var bill = Model.Bill(sim);
        var active = (decimal)(sim.Now - sim.Options.Start).TotalSeconds;
        var expected = charged ? (1m * active * 0.0000015046m) + (2 * 1m * 0.0001397998m) : 0m;
        Assert.Equal(expected, bill.SnapStartCost);
        Assert.Equal(Model.Summarize(sim.Lambda.Invocations).Total + expected, bill.Total);
    }

    [Fact]
    public void PRICE_11_FargatePerTask_QuarterVcpuHalfGb_Is9Dollars01ForA730HourMonth()
    {
        Assert.Equal(730, PriceSheet.UsEast1.HoursPerMonth);
        var task = Model.Fargate(0.25, 0.5);
        Assert.Equal(9.010025m, task);
        Assert.Equal(9.01m, Math.Round(task, 2));
        Assert.Equal(10 * task, Model.Fargate(0.25, 0.5, tasks: 10));
        Assert.Equal(task / 730 * 24, Model.Fargate(0.25, 0.5, hours: 24));
    }

    [Fact]
    public void PRICE_11_StepFunctionsExpress_RequestsPlusDuration_In100MsStepsAnd64MBChunks()
    {
        // 1 M executions of 250 ms (→ 300 ms) at 100 MB (→ 128 MB): $1.00 + 1e6 × 0.3 s × 0.125 GB at $0.06 per GB-hour.
        Assert.Equal(1.00m + (37_500m * (0.06m / 3600m)), Model.StepFunctionsExpress(1_000_000, TimeSpan.FromMilliseconds(250), 100));
        Assert.Equal(Model.StepFunctionsExpress(1_000_000, TimeSpan.FromMilliseconds(201), 1), Model.StepFunctionsExpress(1_000_000, TimeSpan.FromMilliseconds(300), 64));
    }

    [Fact]
    public void Crossover_IsTheFirstRequestCountWhereLambdaCostsMore()
    {
        var fargate = Model.Fargate(0.25, 0.5);
        var n = Model.Crossover(fargate, TimeSpan.FromMilliseconds(200), 512);
        Assert.True(Model.Estimate(n, TimeSpan.FromMilliseconds(200), 512).Total > fargate);
        Assert.True(Model.Estimate(n - 1, TimeSpan.FromMilliseconds(200), 512).Total <= fargate);
        Assert.InRange(n, 4_800_000, 4_900_000);   // $9.01 / ($0.20 + $1.66667 per million) ≈ 4.83 M
    }
}
