using System.Globalization;
using Course.Grading.Exercises;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Hosting.Runtime;
using Course.Sandbox.Load;

namespace ColdStartTuning.Checks;

/// <summary>
/// Checks for 11-cold-start-tuning. The learner's Function.cs declares its configuration as public constants
/// (MemoryMB, ProvisionedConcurrency, SnapStart), read from the compiled assembly's metadata. Each check deploys
/// the handler with that configuration and sends it the engine's load generator (burst pattern, seeded arrival
/// times on the virtual clock); it judges the latency every request saw and the bill of the run.
/// </summary>
public static class ColdStartTuningChecks
{
    private const string Tuned = "price-api";

    [Check("meets-slo")]
    public static void MeetsSlo(CheckContext ctx)
    {
        var (config, report) = RunLearner(ctx);
        var slo = Setting(ctx, "sloP999Ms");
        var p999 = report.Percentile(0.999).TotalMilliseconds;
        ctx.Note(Describe(config, report));
        CheckContext.Require(report.Errors == 0 && report.Throttles == 0,
            $"{report.Errors} of {report.Requests} requests failed and {report.Throttles} were throttled",
            "every request answered",
            "run `course invoke` on the handler with {\"sku\":\"sku-1\"} to see the error");
        var cold = report.Samples.Where(s => s.ColdStart).Select(s => s.Latency.TotalMilliseconds).DefaultIfEmpty(0).Max();
        CheckContext.Require(p999 <= slo,
            $"p99.9 was {Ms(p999)} ms ({report.ColdStarts} cold starts of {report.Requests} requests, {report.ColdStartShare * 100:0.00} %; the slowest waited {Ms(cold)} ms, almost all of it INIT) with {config}",
            $"p99.9 ≤ {slo} ms under the load (mean {Setting(ctx, "rate")}/s, burst, {Setting(ctx, "durationSeconds")} s)",
            report.ColdStarts == 0
                ? "the slow requests are warm: look at the handler's own work"
                : "shorten INIT (what does the first request really need?) or take it off the request path (SnapStart, provisioned concurrency)");
    }

    [Check("cost-band")]
    public static void CostBand(CheckContext ctx)
    {
        var (config, report) = RunLearner(ctx);
        var optimum = ReferenceOptimum(ctx);
        var band = (decimal)Setting(ctx, "costBand");
        ctx.Note($"{Describe(config, report)}; the cheapest known configuration meeting the SLO costs ${optimum:0.00} a month");
        var c = report.Cost;
        var parts = $"this {report.Profile.Duration.TotalMinutes:0}-minute run billed requests ${c.RequestCost:0.000000}, duration ${c.ComputeCost:0.000000}, provisioned concurrency ${c.ProvisionedConcurrencyCost:0.000000}, SnapStart ${c.SnapStartCost:0.000000}";
        CheckContext.Require(report.MonthlyCost <= optimum * band,
            $"{config} costs ${report.MonthlyCost:0.00} a month for this traffic ({parts}): {report.MonthlyCost / optimum:0.00} × the cheapest configuration known to meet the SLO (${optimum:0.00})",
            $"at most {band} × ${optimum:0.00} = ${optimum * band:0.00} a month",
            c.ProvisionedConcurrencyCost > 0
                ? "provisioned concurrency is billed all month whether requests come or not; remove it and make INIT cheaper instead"
                : config.Memory > 128
                    ? $"{config.Memory} MB buys CPU this handler does not use (it waits); every GB-second costs the same, so lower MemoryMB"
                    : "look for a cheaper way to keep cold starts short than the switch you chose");
    }

    private static (Config Config, LoadReport Report) RunLearner(CheckContext ctx)
    {
        var config = ReadConfig(ctx);
        var options = new FunctionOptions
        {
            FunctionName = Tuned,
            MemorySize = config.Memory,
            Timeout = ctx.Function.Options.Timeout,
            ProvisionedConcurrentExecutions = config.Provisioned,
            SnapStart = config.SnapStart,
        };
        try
        {
            ctx.Sim.Lambda.Deploy(options, ctx.Function.Handler);
        }
        catch (LambdaException e)
        {
            throw new CheckFailedException($"Lambda refused the configuration {config}: {e.ErrorCode}: {e.Message}",
                "a configuration Lambda accepts", "fix the constants at the top of Function.cs");
        }

        return (config, LoadGenerator.Run(ctx.Sim, Tuned, Profile(ctx)));
    }

    /// <summary>The reference: the same price API with only the catalogue in INIT, at 128 MB, no paid switches.</summary>
    private static decimal ReferenceOptimum(CheckContext ctx)
    {
        var sim = new Simulation(new SimulationOptions { Seed = ctx.Seed });
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = Tuned, MemorySize = 128, Timeout = ctx.Function.Options.Timeout },
            HandlerFactory.FromDelegate<int, Dictionary<string, object>, string>(
                () =>
                {
                    SandboxClock.Sleep(300);
                    return 3;
                },
                (_, _, _) =>
                {
                    SandboxClock.Sleep(30);
                    return "ok";
                }));
        var reference = LoadGenerator.Run(sim, Tuned, Profile(ctx));
        if (reference.Percentile(0.999).TotalMilliseconds > Setting(ctx, "sloP999Ms"))
        {
            throw new InvalidOperationException("the reference configuration does not meet the SLO: the exercise's settings are inconsistent");
        }

        return reference.MonthlyCost;
    }

    private static LoadProfile Profile(CheckContext ctx) => new()
    {
        RatePerSecond = Setting(ctx, "rate"),
        Duration = TimeSpan.FromSeconds(Setting(ctx, "durationSeconds")),
        Pattern = Enum.Parse<LoadPattern>(ctx.Exercise.Trigger.Settings["pattern"], ignoreCase: true),
        Payload = "{\"sku\":\"sku-1\"}",
        Seed = ctx.Seed * 7919,
    };

    private static Config ReadConfig(CheckContext ctx)
    {
        var constants = ctx.HandlerConstants;
        T Get<T>(string name)
        {
            if (!constants.TryGetValue(name, out var value))
            {
                throw new CheckFailedException($"Function.cs declares no public constant {name}",
                    $"public const {(typeof(T) == typeof(bool) ? "bool" : "int")} {name} = …; in the Function class",
                    "keep the three configuration constants at the top of the Function class");
            }

            return value is T typed
                ? typed
                : throw new CheckFailedException($"{name} is {value?.GetType().Name ?? "null"} {value}",
                    $"{name} as {(typeof(T) == typeof(bool) ? "bool" : "int")}", $"declare it as public const {(typeof(T) == typeof(bool) ? "bool" : "int")} {name}");
        }

        return new Config(Get<int>("MemoryMB"), Get<int>("ProvisionedConcurrency"), Get<bool>("SnapStart"));
    }

    private static double Setting(CheckContext ctx, string name) =>
        double.Parse(ctx.Exercise.Trigger.Settings[name], CultureInfo.InvariantCulture);

    private static string Describe(Config config, LoadReport r) => string.Create(CultureInfo.InvariantCulture,
        $"{config}: {r.Requests} requests, p50 {Ms(r.P50.TotalMilliseconds)} ms, p99 {Ms(r.P99.TotalMilliseconds)} ms, p99.9 {Ms(r.Percentile(0.999).TotalMilliseconds)} ms, max {Ms(r.Max.TotalMilliseconds)} ms, cold starts {r.ColdStarts}, ${r.MonthlyCost:0.00} a month");

    private static string Ms(double ms) => ms.ToString("0.#", CultureInfo.InvariantCulture);

    private sealed record Config(int Memory, int Provisioned, bool SnapStart)
    {
        public override string ToString() =>
            $"{Memory} MB{(Provisioned > 0 ? $", {Provisioned} provisioned" : "")}{(SnapStart ? ", SnapStart" : "")}";
    }
}
