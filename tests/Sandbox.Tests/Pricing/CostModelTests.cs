using Course.Sandbox.Functions;
using Course.Sandbox.Pricing;

namespace Course.Sandbox.Tests.Pricing;

public class CostModelTests
{
    private static readonly CostModel Model = new(PriceSheet.UsEast1);

    [Fact]
    public void PRICE_01_Requests_Cost20CentsPerMillion_AndTheFreeTierCoversTheFirstMillion()
    {
        var noFree = Model.Estimate(3_000_000, TimeSpan.FromMilliseconds(1), 128);
        Assert.Equal(0.60m, noFree.RequestCost);
        var free = Model.Estimate(3_000_000, TimeSpan.FromMilliseconds(1), 128, freeTier: true);
        Assert.Equal(0.40m, free.RequestCost);
        Assert.Equal(0m, free.ComputeCost);   // 375 GB-s, inside the 400,000 GB-s free tier
    }

    [Fact]
    public void PRICE_01_SeedTable_100KRequests_AlsoCostCompute()
    {
        // The seed guide's 100K-request row (~$0.02) counts requests only: 100K × 0.5 GB × 0.2 s adds ~$0.17.
        var month = Model.Estimate(100_000, TimeSpan.FromMilliseconds(200), 512);
        Assert.Equal(0.02m, month.RequestCost);
        Assert.Equal(10_000m, month.GbSeconds);
        Assert.Equal(0.166667m, month.ComputeCost);
    }

    [Fact]
    public void PRICE_02_X86Duration_IsTiered()
    {
        var first = Model.Estimate(1, TimeSpan.FromSeconds(6_000_000_000), 1024);
        Assert.Equal(6_000_000_000m * 0.0000166667m, first.ComputeCost);
        var beyond = Model.Estimate(1, TimeSpan.FromSeconds(16_000_000_000), 1024);
        Assert.Equal(6_000_000_000m * 0.0000166667m + 9_000_000_000m * 0.000015m + 1_000_000_000m * 0.0000133334m, beyond.ComputeCost);
    }

    [Fact]
    public void PRICE_03_Arm64_IsCheaperPerGbSecond()
    {
        var x86 = Model.Estimate(1_000_000, TimeSpan.FromMilliseconds(100), 1024);
        var arm = Model.Estimate(1_000_000, TimeSpan.FromMilliseconds(100), 1024, Architecture.Arm64);
        Assert.Equal(100_000m * 0.0000133334m, arm.ComputeCost);
        Assert.True(arm.ComputeCost < x86.ComputeCost);
    }

    [Fact]
    public void PRICE_04_ProvisionedConcurrency_PricesAreOnTheSheet()
    {
        Assert.Equal(0.0000041667m, PriceSheet.UsEast1.ProvisionedEnabledPerGbSecond);
        Assert.Equal(0.0000097222m, PriceSheet.UsEast1.ProvisionedExecutingPerGbSecond);
    }

    [Fact]
    public void PRICE_05_EphemeralStorage_IsBilledAbove512MB_FromASimulation()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", EphemeralStorageSize = 1536, MemorySize = 1769 }, TestHandlers.Work(999.5));
        sim.Lambda.Invoke("f", "{}");
        var warm = sim.Lambda.Invoke("f", "{}");
        Assert.Equal(1000, warm.BilledDurationMs);
        var cost = Model.Summarize(sim.Lambda.Invocations.Skip(1));
        Assert.Equal(1m * 0.0000000309m, cost.EphemeralCost);   // 1 s × 1 GB above 512 MB
        Assert.Equal(1, cost.Requests);
    }

    [Fact]
    public void Summarize_ThrottledRequests_AreNotBilled()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "off", ReservedConcurrentExecutions = 0 }, TestHandlers.Echo);
        sim.Lambda.Invoke("off", "{}");
        Assert.Equal(0, Model.Summarize(sim.Lambda.Invocations).Requests);
    }
}

public class ServiceCostTests
{
    private static readonly CostModel Model = new(PriceSheet.UsEast1);

    [Fact]
    public void PRICE_06_Fargate_AlwaysOnTask_PerVcpuHourAndGbHour()
    {
        // 0.25 vCPU + 0.5 GB for a 730-hour month: 0.25 × 730 × 0.04048 + 0.5 × 730 × 0.004445
        Assert.Equal(7.387600m + 1.622425m, Model.Fargate(0.25, 0.5));
        Assert.True(Model.Fargate(1, 2, architecture: Course.Sandbox.Functions.Architecture.Arm64) < Model.Fargate(1, 2));
    }

    [Fact]
    public void PRICE_07_StepFunctionsStandard_PerThousandTransitions_With4000Free()
    {
        Assert.Equal(0.25m, Model.StepFunctionsStandard(10_000));
        Assert.Equal(0.15m, Model.StepFunctionsStandard(10_000, freeTier: true));
        Assert.Equal(1.00m, PriceSheet.UsEast1.StepFunctionsExpressPerMillion);
    }

    [Fact]
    public void PRICE_08_Sqs_Sns_ApiGateway_PerMillion_AndSqsBills64KBChunks()
    {
        Assert.Equal(0.40m, Model.Sqs(1_000_000));
        Assert.Equal(0.80m, Model.Sqs(1_000_000, payloadBytes: 100_000));   // two 64 KB chunks
        Assert.Equal(0.50m, Model.Sqs(1_000_000, fifo: true));
        Assert.Equal(0.50m, Model.Sns(1_000_000));
        Assert.Equal(1.00m, Model.ApiGateway(1_000_000));
        Assert.Equal(3.50m, Model.ApiGateway(1_000_000, restApi: true));
    }

    [Fact]
    public void PRICE_09_Bedrock_PerMillionInputAndOutputTokens()
    {
        Assert.Equal(1.00m + 2.50m, Model.Bedrock("anthropic.claude-haiku-4-5", 1_000_000, 500_000));
        Assert.Equal(3.00m + 15.00m, Model.Bedrock("anthropic.claude-sonnet-4-5", 1_000_000, 1_000_000));
        Assert.Equal(0.035m + 0.14m, Model.Bedrock("amazon.nova-micro", 1_000_000, 1_000_000));
        // Claude 3.5 Haiku reached its end of life on Bedrock on 2026-06-19: it is no longer on the sheet.
        Assert.Throws<ArgumentException>(() => Model.Bedrock("anthropic.claude-3-5-haiku", 1, 1));
        Assert.Throws<ArgumentException>(() => Model.Bedrock("nope", 1, 1));
    }
}
