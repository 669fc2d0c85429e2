using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Load;

namespace Course.Sandbox.Tests.Load;

public class LoadGeneratorTests
{
    /// <summary>A function with 800 ms of INIT work (at 1 vCPU) and 40 ms per request.</summary>
    private static HandlerFactory HeavyInit() => HandlerFactory.FromDelegate<int, Dictionary<string, object>, string>(
        () =>
        {
            SimulatedWork.Spend(800);
            return 1;
        },
        (_, e, _) =>
        {
            SimulatedWork.Spend(40);
            return "ok";
        });

    private static Simulation Deploy(Action<FunctionOptions>? configure = null, int seed = 3)
    {
        var sim = new Simulation(new SimulationOptions { Seed = seed, Recording = Course.Sandbox.Observability.RecordingLevel.Summary });
        var options = new FunctionOptions { FunctionName = "api", MemorySize = 1769 };
        configure?.Invoke(options);
        sim.Lambda.Deploy(options, HeavyInit());
        return sim;
    }

    [Fact]
    public void Arrivals_SameSeed_SameTimes_AndAboutRateTimesDuration()
    {
        var profile = new LoadProfile { RatePerSecond = 50, Duration = TimeSpan.FromMinutes(2) };

        var first = LoadGenerator.Arrivals(profile, 7);
        var second = LoadGenerator.Arrivals(profile, 7);
        var other = LoadGenerator.Arrivals(profile, 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count, 6_000 * 0.95, 6_000 * 1.05);
        Assert.True(first.Zip(first.Skip(1)).All(p => p.First <= p.Second));
        Assert.True(first[^1] < profile.Duration);
    }

    [Theory]
    [InlineData(LoadPattern.Burst)]
    [InlineData(LoadPattern.Diurnal)]
    public void Arrivals_Patterns_KeepTheMeanRate_AndFollowTheirShape(LoadPattern pattern)
    {
        var profile = new LoadProfile { RatePerSecond = 40, Duration = TimeSpan.FromMinutes(4), Pattern = pattern };

        var arrivals = LoadGenerator.Arrivals(profile, 11);

        Assert.InRange(arrivals.Count, 9_600 * 0.93, 9_600 * 1.07);
        if (pattern == LoadPattern.Burst)
        {
            // 10 s of every minute at 3.5× the mean, 50 s at 0.5×.
            var inSpikes = arrivals.Count(a => (a.TotalSeconds % 60) is >= 20 and < 30);
            Assert.InRange(inSpikes / (double)arrivals.Count, 0.52, 0.65);
        }
        else
        {
            var middle = arrivals.Count(a => a > TimeSpan.FromMinutes(1.5) && a < TimeSpan.FromMinutes(2.5));
            var start = arrivals.Count(a => a < TimeSpan.FromMinutes(1));
            Assert.True(middle > 3 * start, $"mid-run {middle} vs first minute {start}");
        }
    }

    [Fact]
    public void Run_SameSeed_SameReport()
    {
        var profile = new LoadProfile { RatePerSecond = 20, Duration = TimeSpan.FromSeconds(30) };

        var a = LoadGenerator.Run(Deploy(), "api", profile);
        var b = LoadGenerator.Run(Deploy(), "api", profile);

        Assert.Equal(a.Samples, b.Samples);
        Assert.Equal(a.Cost.Total, b.Cost.Total);
    }

    [Fact]
    public void ENV_01_Run_Steady_ColdStartsAreTheEnvironmentsCreated_AndSetTheTail()
    {
        var sim = Deploy();

        var report = LoadGenerator.Run(sim, "api", new LoadProfile { RatePerSecond = 20, Duration = TimeSpan.FromMinutes(2) });

        var environments = sim.Lambda.GetFunction("api").Environments.Count;
        Assert.Equal(environments, report.ColdStarts);
        Assert.Equal(0, report.Throttles);
        Assert.Equal(0, report.Errors);
        Assert.InRange(report.P50.TotalMilliseconds, 40, 42);   // 40 ms of work + 0.5 ms runtime overhead
        Assert.True(report.Max.TotalMilliseconds > 1_000, $"a cold start costs the runtime start plus 800 ms of INIT; max {report.Max}");
        Assert.True(report.ColdStartShare < 0.01);
        Assert.Equal(report.Requests, sim.Lambda.Invocations.Count);
    }

    [Fact]
    public void ENV_09_Run_ProvisionedConcurrency_NoColdStartsOnTheRequestPath_AndItsBill()
    {
        var onDemand = LoadGenerator.Run(Deploy(), "api", new LoadProfile { RatePerSecond = 30, Duration = TimeSpan.FromMinutes(1), Pattern = LoadPattern.Burst });
        var provisioned = LoadGenerator.Run(Deploy(o => o.ProvisionedConcurrentExecutions = 25), "api",
            new LoadProfile { RatePerSecond = 30, Duration = TimeSpan.FromMinutes(1), Pattern = LoadPattern.Burst });

        Assert.True(onDemand.ColdStarts > 0);
        Assert.Equal(0, provisioned.ColdStarts);
        Assert.All(provisioned.Samples, s => Assert.True(s.Provisioned));
        Assert.True(provisioned.P99 < onDemand.P99, $"{provisioned.P99} vs {onDemand.P99}");
        Assert.Equal(0m, onDemand.Cost.ProvisionedConcurrencyCost);
        Assert.True(provisioned.Cost.ProvisionedConcurrencyCost > 0);
        Assert.True(provisioned.MonthlyCost > onDemand.MonthlyCost);
    }

    [Fact]
    public void ENV_10_Run_SnapStart_RestoresReplaceInit_AndAreCharged()
    {
        var profile = new LoadProfile { RatePerSecond = 30, Duration = TimeSpan.FromMinutes(1), Pattern = LoadPattern.Burst };
        var plain = LoadGenerator.Run(Deploy(), "api", profile);
        var snap = LoadGenerator.Run(Deploy(o => o.SnapStart = true), "api", profile);

        Assert.True(snap.ColdStarts > 0);
        Assert.True(snap.Max < plain.Max, $"a restore (150 ms) instead of INIT (runtime + 800 ms): {snap.Max} vs {plain.Max}");
        Assert.True(snap.Cost.SnapStartCost > 0);
        Assert.Equal(0m, plain.Cost.SnapStartCost);
    }

    [Fact]
    public void Run_Burst_SpikeAddsColdStartsAfterWarmUp_SteadyDoesNot()
    {
        static Simulation Light()
        {
            var sim = new Simulation(new SimulationOptions { Seed = 3 });
            sim.Lambda.Deploy(new FunctionOptions { FunctionName = "api", MemorySize = 1769 },
                HandlerFactory.FromDelegate((Dictionary<string, object> _, Course.Lambda.Core.ILambdaContext _) => SimulatedWork.Spend(40).TotalMilliseconds));
            return sim;
        }

        var steady = LoadGenerator.Run(Light(), "api", new LoadProfile { RatePerSecond = 40, Duration = TimeSpan.FromMinutes(2) });
        var burst = LoadGenerator.Run(Light(), "api", new LoadProfile { RatePerSecond = 40, Duration = TimeSpan.FromMinutes(2), Pattern = LoadPattern.Burst });

        var lateSteady = steady.Samples.Count(x => x.ColdStart && x.Offset > TimeSpan.FromSeconds(15));
        var inSpike = burst.Samples.Count(x => x.ColdStart && x.Offset >= TimeSpan.FromSeconds(20));
        Assert.True(inSpike > lateSteady, $"cold starts after warm-up: burst {inSpike}, steady {lateSteady}");
        Assert.True(burst.ColdStarts > steady.ColdStarts, $"burst {burst.ColdStarts} vs steady {steady.ColdStarts}");
    }

    [Fact]
    public void Run_InvalidProfile_ListsEveryProblem()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            LoadGenerator.Run(Deploy(), "api", new LoadProfile { RatePerSecond = 0, Duration = TimeSpan.FromHours(30) }));

        Assert.Contains("rate must be above 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("duration must be between", e.Message, StringComparison.Ordinal);
    }
}
