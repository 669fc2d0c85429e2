using Course.Lambda.Core;
using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;

namespace Course.Sandbox.Tests.Environments;

/// <summary>The cold-start model's platform INIT (ENV_07, ENV_08) and the environment record it produces.</summary>
public sealed class ColdStartModelTests
{
    [Theory]
    [InlineData(LambdaRuntime.DotNet8, 1, 235)]
    [InlineData(LambdaRuntime.DotNet10, 1, 225)]
    [InlineData(LambdaRuntime.ProvidedAl2023, 4, 150)]
    [InlineData(LambdaRuntime.Python313, 0, 200)]
    [InlineData(LambdaRuntime.Java21, 20, 2100)]
    public void ENV_08_PlatformInit_IsTheRuntimeStartPlusFiveMsPerPackageMb(string runtime, double packageMb, double expectedMs)
    {
        var init = ColdStartModel.Default.PlatformInit(new FunctionOptions { FunctionName = "f", Runtime = runtime, PackageSizeMB = packageMb });

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), init);
    }

    [Fact]
    public void ENV_08_PlatformInit_UnlistedRuntime_StartsIn200Ms()
    {
        var init = ColdStartModel.Default.PlatformInit(new FunctionOptions { FunctionName = "f", Runtime = "ruby3.3", PackageSizeMB = 2 });

        Assert.Equal(TimeSpan.FromMilliseconds(210), init);
    }

    [Fact]
    public void ENV_07_PlatformInit_WithSnapStart_IsTheRestore_WhateverThePackage()
    {
        var model = ColdStartModel.Default with { SnapStartRestore = TimeSpan.FromMilliseconds(90) };

        var init = model.PlatformInit(new FunctionOptions { FunctionName = "f", SnapStart = true, PackageSizeMB = 50 });

        Assert.Equal(TimeSpan.FromMilliseconds(90), init);
    }

    [Fact]
    public void PlatformInit_NullOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ColdStartModel.Default.PlatformInit(null!));

    [Fact]
    public void ENV_08_TheSimulationsModel_DecidesTheEnvironmentsInitDuration()
    {
        var model = ColdStartModel.Default with { PerPackageMB = TimeSpan.FromMilliseconds(20) };
        var sim = TestHandlers.Sim(configure: o => o.ColdStart = model);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", Runtime = LambdaRuntime.DotNet8, PackageSizeMB = 3 }, TestHandlers.Echo);

        var result = sim.Lambda.Invoke("f", "{}");

        var env = Assert.Single(sim.Lambda.GetFunction("f").Environments);
        Assert.Equal(TimeSpan.FromMilliseconds(290), env.InitDuration);   // 230 + 3 MB × 20
        Assert.Equal(env.InitDuration, result.InitDuration);
        Assert.Equal(result.EnvironmentId, env.Id);
    }

    /// <summary>Counts its invocations in an instance field: the state an environment keeps while warm (ENV_02).</summary>
    public sealed class Counter
    {
        private int _calls;

        public int Handle(string input, ILambdaContext context) => ++_calls;
    }

    [Fact]
    public void ENV_01_Environment_RecordsItsLifecycle_IdleBetweenInvocations_WithItsCountAndLastUse()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromType(typeof(Counter), nameof(Counter.Handle)));

        sim.Lambda.Invoke("f", "\"a\"");
        var second = sim.Lambda.Invoke("f", "\"b\"");

        var env = Assert.Single(sim.Lambda.GetFunction("f").Environments);
        Assert.Equal(EnvironmentState.Idle, env.State);
        Assert.Equal(2, env.InvocationCount);
        Assert.Equal("2", second.Payload);
        Assert.Equal(second.End!.Value, env.LastUsed);
        Assert.False(env.IsProvisioned);
        Assert.Equal($"{env.Id} (Idle, 2 invocations)", env.ToString());
    }
}
