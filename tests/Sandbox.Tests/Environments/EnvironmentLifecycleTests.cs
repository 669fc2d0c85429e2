using Course.Lambda.Core;
using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Tests.Environments;

public class EnvironmentLifecycleTests
{
    private sealed class Counter
    {
        public int Value;
    }

    private static HandlerFactory Counting(Action? onInit = null) => HandlerFactory.FromDelegate(
        () => { onInit?.Invoke(); return new Counter(); },
        (Counter state, string e, ILambdaContext c) => ++state.Value);

    [Fact]
    public void ENV_01_Lifecycle_InitOnce_ThenInvokes_ThenShutdownWhenIdle()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, Counting());
        sim.Lambda.Invoke("f", "\"a\"");
        sim.Lambda.Invoke("f", "\"b\"");
        sim.RunFor(TimeSpan.FromHours(1));
        var kinds = sim.Trace.Events.Where(e => e.Kind != TraceKind.FunctionDeployed).Select(e => e.Kind).ToList();
        Assert.Equal([TraceKind.EnvironmentInit, TraceKind.InvokeStart, TraceKind.InvokeEnd, TraceKind.InvokeStart, TraceKind.InvokeEnd, TraceKind.EnvironmentShutdown], kinds);
        Assert.Equal(EnvironmentState.Shutdown, sim.Lambda.GetFunction("f").Environments[0].State);
    }

    [Fact]
    public void ENV_02_StateCreatedInInit_SurvivesWarmInvocations()
    {
        var sim = TestHandlers.Sim();
        var inits = 0;
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, Counting(() => inits++));
        var results = Enumerable.Range(0, 3).Select(_ => sim.Lambda.Invoke("f", "\"x\"").Payload).ToList();
        Assert.Equal(["1", "2", "3"], results);
        Assert.Equal(1, inits);
    }

    [Fact]
    public void ENV_02_ConcurrentInvocations_GetSeparateEnvironments_WithSeparateState()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromDelegate(
            () => new Counter(), (Counter s, string e, ILambdaContext c) => { SimulatedWork.Spend(100); return ++s.Value; }));
        var a = sim.Lambda.InvokeAsync("f", "\"x\"");
        var b = sim.Lambda.InvokeAsync("f", "\"x\"");
        sim.Run();
        Assert.Equal("1", a.Result.Payload);
        Assert.Equal("1", b.Result.Payload);
        Assert.NotEqual(a.Result.EnvironmentId, b.Result.EnvironmentId);
        Assert.Equal(2, sim.Lambda.GetFunction("f").PeakConcurrentExecutions);
    }

    [Fact]
    public void ENV_03_IdleEnvironment_IsReapedAfterTheConfiguredIdleTime()
    {
        var sim = TestHandlers.Sim(configure: o => o.EnvironmentIdleTimeout = TimeSpan.FromMinutes(5));
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, Counting());
        var first = sim.Lambda.Invoke("f", "\"x\"");
        sim.RunFor(TimeSpan.FromMinutes(4));
        Assert.Null(sim.Lambda.Invoke("f", "\"x\"").InitDuration);   // still warm after 4 min
        var lastEnd = sim.Lambda.Invocations[^1].End;
        sim.RunFor(TimeSpan.FromMinutes(6));
        var third = sim.Lambda.Invoke("f", "\"x\"");
        Assert.NotNull(third.InitDuration);                              // reaped: cold again
        var shutdown = Assert.Single(sim.Trace.OfKind(TraceKind.EnvironmentShutdown));
        Assert.Equal(lastEnd.AddMinutes(5), shutdown.Time);
        Assert.Equal(first.EnvironmentId, shutdown.EnvironmentId);
    }

    [Fact]
    public void ENV_08_ColdStart_FollowsTheModel_PerRuntimeAndPackage()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "managed", Runtime = LambdaRuntime.DotNet8 }, TestHandlers.Echo);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "aot", Runtime = LambdaRuntime.ProvidedAl2023, PackageSizeMB = 10 }, TestHandlers.Echo);
        Assert.Equal(TimeSpan.FromMilliseconds(235), sim.Lambda.Invoke("managed", "{}").InitDuration);    // 230 + 1 MB × 5
        Assert.Equal(TimeSpan.FromMilliseconds(180), sim.Lambda.Invoke("aot", "{}").InitDuration);        // 130 + 10 MB × 5
    }

    [Fact]
    public void ENV_08_InitCode_AddsItsModelledTime_AndTheHandlerStartsAfterInit()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769 }, Counting(() => SimulatedWork.Spend(400)));
        var result = sim.Lambda.Invoke("f", "\"x\"");
        Assert.Equal(TimeSpan.FromMilliseconds(635), result.InitDuration);
        Assert.Equal(TestHandlers.T0.AddMilliseconds(635), result.Start);
    }

    [Fact]
    public void ENV_07_SnapStart_RestoresInsteadOfInit_AndTheReportSaysRestore()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", SnapStart = true, MemorySize = 1769 }, Counting(() => SimulatedWork.Spend(2_000)));
        var result = sim.Lambda.Invoke("f", "\"x\"");
        Assert.Equal(TimeSpan.FromMilliseconds(150), result.InitDuration);
        var log = sim.Lambda.GetFunction("f").Environments[0].Log.Events;
        Assert.StartsWith("RESTORE_START", log[0].Message, StringComparison.Ordinal);
        Assert.Contains("\tRestore Duration: 150.00 ms\tBilled Restore Duration: 150 ms", log[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LIM_08_InitOver10Seconds_IsRetriedInsideTheFirstInvoke_UnderTheTimeout()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769, Timeout = TimeSpan.FromSeconds(5) },
            Counting(() => SimulatedWork.Spend(12_000)));
        var result = sim.Lambda.Invoke("f", "\"x\"");
        Assert.Equal(TimeSpan.FromSeconds(10), result.InitDuration);
        Assert.True(result.TimedOut);
        Assert.Single(sim.Trace.OfKind(TraceKind.EnvironmentInitFailed));
        Assert.Contains(sim.Lambda.GetFunction("f").Environments[0].Log.Events, e => e.Message.Contains("Phase: init\tStatus: timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void InitThrows_InvocationFailsWithTheError_AndTheEnvironmentIsDiscarded()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, Counting(() => throw new InvalidOperationException("no config")));
        var result = sim.Lambda.Invoke("f", "\"x\"");
        Assert.Equal("InvalidOperationException", result.ErrorType);
        Assert.Equal(EnvironmentState.Shutdown, sim.Lambda.GetFunction("f").Environments[0].State);
        Assert.Equal(0, sim.Lambda.GetFunction("f").ConcurrentExecutions);
    }
}
