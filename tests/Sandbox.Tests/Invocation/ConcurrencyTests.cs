using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Tests.Invocation;

public class ConcurrencyTests
{
    private static List<InvocationResult> Burst(Simulation sim, string function, int count)
    {
        var tasks = Enumerable.Range(0, count).Select(_ => sim.Lambda.InvokeAsync(function, "{}")).ToList();
        sim.Run();
        return tasks.Select(t => t.Result).ToList();
    }

    [Fact]
    public void CON_01_AccountConcurrency_Is1000ByDefault_TheNextConcurrentInvokeIsThrottled()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769 }, TestHandlers.Work(1_000));
        var results = Burst(sim, "f", 1_001);
        Assert.Equal(1_000, results.Count(r => r.Succeeded));
        var throttled = Assert.Single(results, r => r.Throttled);
        Assert.Equal("ConcurrentInvocationLimitExceeded", throttled.ThrottleReason);
        Assert.Equal(1_000, sim.Lambda.GetFunction("f").PeakConcurrentExecutions);
    }

    [Fact]
    public void CON_02_ScalingRate_1000NewEnvironmentsPer10Seconds_RefilledContinuously()
    {
        var sim = TestHandlers.Sim(configure: o => o.AccountConcurrency = 10_000);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769, Timeout = TimeSpan.FromSeconds(60) }, TestHandlers.Work(30_000));
        var burst = Enumerable.Range(0, 1_200).Select(_ => sim.Lambda.InvokeAsync("f", "{}")).ToList();
        sim.RunFor(TimeSpan.FromSeconds(5));                               // 500 tokens refill in 5 s
        var later = Enumerable.Range(0, 600).Select(_ => sim.Lambda.InvokeAsync("f", "{}")).ToList();
        sim.Run();
        Assert.Equal(1_000, burst.Count(t => t.Result.Succeeded));
        Assert.All(burst.Where(t => t.Result.Throttled), t => Assert.Equal("FunctionInvocationRateLimitExceeded", t.Result.ThrottleReason));
        Assert.Equal(500, later.Count(t => t.Result.Succeeded));
    }

    [Fact]
    public void CON_03_ReservedConcurrency_CapsTheFunction()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", ReservedConcurrentExecutions = 3, MemorySize = 1769 }, TestHandlers.Work(100));
        var results = Burst(sim, "f", 5);
        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => r.Throttled), r => Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", r.ThrottleReason));
    }

    [Fact]
    public void CON_03_ReservedConcurrencyZero_ThrottlesEveryInvoke()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "off", ReservedConcurrentExecutions = 0 }, TestHandlers.Echo);
        Assert.True(sim.Lambda.Invoke("off", "{}").Throttled);
    }

    [Fact]
    public void CON_03_Reserving_MustLeave100Unreserved()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "a", ReservedConcurrentExecutions = 900 }, TestHandlers.Echo);
        var e = Assert.Throws<LambdaException>(() => sim.Lambda.Deploy(new FunctionOptions { FunctionName = "b", ReservedConcurrentExecutions = 1 }, TestHandlers.Echo));
        Assert.Contains("below its minimum value of [100]", e.Message);
    }

    [Fact]
    public void CON_03_ReservedConcurrency_IsAGuarantee_OthersCannotTakeIt()
    {
        var sim = TestHandlers.Sim(configure: o => o.AccountConcurrency = 200);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "vip", ReservedConcurrentExecutions = 50, MemorySize = 1769 }, TestHandlers.Work(100));
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "bulk", MemorySize = 1769 }, TestHandlers.Work(100));
        var bulk = Enumerable.Range(0, 200).Select(_ => sim.Lambda.InvokeAsync("bulk", "{}")).ToList();
        var vip = Enumerable.Range(0, 50).Select(_ => sim.Lambda.InvokeAsync("vip", "{}")).ToList();
        sim.Run();
        Assert.Equal(150, bulk.Count(t => t.Result.Succeeded));
        Assert.All(vip, t => Assert.True(t.Result.Succeeded));
    }

    [Fact]
    public void CON_04_ProvisionedConcurrency_NoColdStartUpToN_OverflowSpillsToOnDemand()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", ProvisionedConcurrentExecutions = 2, MemorySize = 1769 }, TestHandlers.Work(100));
        var results = Burst(sim, "f", 3);
        Assert.Equal(2, results.Count(r => r.InitDuration is null));
        Assert.Single(results, r => r.InitDuration is not null);
        Assert.Equal(2, sim.Trace.OfKind(TraceKind.EnvironmentInit).Count(e => e.Detail.StartsWith("provisioned", StringComparison.Ordinal)));
    }

    [Fact]
    public void CON_05_Throttle_Is429TooManyRequests_WithAReason_AndIsTraced()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", ReservedConcurrentExecutions = 1, MemorySize = 1769 }, TestHandlers.Work(100));
        var results = Burst(sim, "f", 2);
        var throttled = Assert.Single(results, r => r.Throttled);
        Assert.Equal(429, throttled.StatusCode);
        Assert.Equal("TooManyRequestsException", throttled.ErrorType);
        Assert.Equal("Rate Exceeded.", throttled.ErrorMessage);
        Assert.Contains("ReservedFunctionConcurrentInvocationLimitExceeded", Assert.Single(sim.Trace.OfKind(TraceKind.Throttle)).Detail);
    }
}
