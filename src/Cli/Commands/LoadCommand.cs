using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Load;
using Course.Sandbox.Observability;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course load &lt;handler.cs&gt; --rate R --duration S [--pattern steady|burst|diurnal] [--memory MB] [--timeout S]
/// [--provisioned N] [--snapstart] [--event e.json] [--type T] [--method M] [--seed S] [--format text|json]</c>: compiles
/// the handler as <c>invoke</c> does, sends it the engine's load generator (<see cref="LoadGenerator"/>) on the virtual
/// clock and prints latency percentiles, the cold-start share and the bill. Exit codes: 0 no request failed or was
/// throttled, 1 some did, 2 bad input.
/// </summary>
internal static class LoadCommand
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <summary>Builds the <c>load</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("handler.cs") { Description = "The C# file holding the handler class" };
        var rate = new Option<double>("--rate") { Description = "Mean requests per second", Required = true };
        var duration = new Option<double>("--duration") { Description = "Seconds of traffic (virtual time)", Required = true };
        var pattern = new Option<string>("--pattern") { Description = "steady, burst (10 s spikes at 3.5× each minute) or diurnal (0.2×–1.8×)", DefaultValueFactory = _ => "steady" };
        pattern.AcceptOnlyFromAmong("steady", "burst", "diurnal");
        var memory = new Option<int>("--memory") { Description = "Memory in MB (128–10240)", DefaultValueFactory = _ => 512 };
        var timeout = new Option<int>("--timeout") { Description = "Timeout in seconds (1–900)", DefaultValueFactory = _ => 10 };
        var provisioned = new Option<int>("--provisioned") { Description = "Provisioned concurrency (environments initialised ahead)", DefaultValueFactory = _ => 0 };
        var snapStart = new Option<bool>("--snapstart") { Description = "Enable SnapStart (restore a snapshot instead of INIT)" };
        var eventFile = new Option<string?>("--event") { Description = "The event JSON file every request carries; default {}" };
        var type = new Option<string?>("--type") { Description = "The handler class (with namespace); default: the one public class with the method" };
        var method = new Option<string>("--method") { Description = "The handler method", DefaultValueFactory = _ => "FunctionHandler" };
        var seed = new Option<int>("--seed") { Description = "Simulation seed (arrival times and request ids)", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("load", "Send a load pattern to a handler in the simulated Lambda: latency percentiles, cold starts, cost")
        {
            file, rate, duration, pattern, memory, timeout, provisioned, snapStart, eventFile, type, method, seed, format,
        };
        command.SetAction(result => Run(new Settings(
            result.GetValue(file)!, result.GetValue(rate), result.GetValue(duration), result.GetValue(pattern)!,
            result.GetValue(memory), result.GetValue(timeout), result.GetValue(provisioned), result.GetValue(snapStart),
            result.GetValue(eventFile), result.GetValue(type), result.GetValue(method)!, result.GetValue(seed), result.GetValue(format)!)));
        return command;
    }

    internal sealed record Settings(string File, double Rate, double Duration, string Pattern, int Memory, int Timeout, int Provisioned,
        bool SnapStart, string? EventFile, string? Type, string Method, int Seed, string Format);

    internal static int Run(Settings s, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        try
        {
            return RunCore(s, output);
        }
        catch (InvokeCommand.InvokeInputException e)
        {
            (stderr ?? Console.Error).WriteLine($"load: {e.Message}");
            return 2;
        }
    }

    private static int RunCore(Settings s, TextWriter output)
    {
        var profile = new LoadProfile
        {
            RatePerSecond = s.Rate,
            Duration = double.IsFinite(s.Duration) && s.Duration is > 0 and < 1e6 ? TimeSpan.FromSeconds(s.Duration) : TimeSpan.Zero,
            Pattern = Enum.Parse<LoadPattern>(s.Pattern, ignoreCase: true),
            Payload = s.EventFile is null ? "{}" : InvokeCommand.ReadFile(s.EventFile, "event file"),
        };
        var problems = profile.Validate();
        if (problems.Count > 0)
        {
            throw new InvokeCommand.InvokeInputException(string.Join("; ", problems) + ". Fix --rate / --duration.");
        }
        if (s.EventFile is not null)
        {
            try
            {
                using var _ = JsonDocument.Parse(profile.Payload);
            }
            catch (JsonException e)
            {
                throw new InvokeCommand.InvokeInputException($"{s.EventFile}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: the event is not valid JSON. Fix the JSON, or generate a sample with `course events generate`.");
            }
        }

        var source = InvokeCommand.ReadFile(s.File, "handler file");
        var handler = InvokeCommand.CompileHandler(s.File, source, s.Type, s.Method);
        var sim = new Simulation(new SimulationOptions { Seed = s.Seed, Recording = RecordingLevel.Summary });
        var options = new FunctionOptions
        {
            FunctionName = "load-target",
            MemorySize = s.Memory,
            Timeout = TimeSpan.FromSeconds(s.Timeout),
            ProvisionedConcurrentExecutions = s.Provisioned,
            SnapStart = s.SnapStart,
        };
        try
        {
            sim.Lambda.Deploy(options, handler);
        }
        catch (LambdaException e)
        {
            throw new InvokeCommand.InvokeInputException($"{e.ErrorCode}: {e.Message}. Fix --memory / --timeout / --provisioned / --snapstart.");
        }

        var report = LoadGenerator.Run(sim, options.FunctionName, profile);
        if (s.Format == "json")
        {
            WriteJson(output, s, report);
        }
        else
        {
            WriteText(output, s, report);
        }
        return report.Errors == 0 && report.Throttles == 0 ? 0 : 1;
    }

    private static void WriteText(TextWriter o, Settings s, LoadReport r)
    {
        var c = r.Cost;
        o.WriteLine(Invariant($"load: {r.Requests} requests over {s.Duration:0.###} s ({s.Pattern}, mean {s.Rate:0.###}/s), {s.Memory} MB{(s.Provisioned > 0 ? $", {s.Provisioned} provisioned" : "")}{(s.SnapStart ? ", SnapStart" : "")}, seed {s.Seed}"));
        o.WriteLine(Invariant($"latency    p50 {Ms(r.P50)} ms   p90 {Ms(r.P90)} ms   p99 {Ms(r.P99)} ms   max {Ms(r.Max)} ms"));
        o.WriteLine(Invariant($"cold starts {r.ColdStarts} ({r.ColdStartShare * 100:0.00} % of requests that ran)   throttled {r.Throttles}   errors {r.Errors}"));
        o.WriteLine(Invariant($"cost of the run (us-east-1 prices of {c.PricesAsOf:yyyy-MM-dd}, no free tier): requests ${c.RequestCost:0.00000000} + duration ${c.ComputeCost:0.00000000} + provisioned ${c.ProvisionedConcurrencyCost:0.00000000} + SnapStart ${c.SnapStartCost:0.00000000} = ${c.Total:0.00000000}"));
        o.WriteLine(Invariant($"the same traffic for a 730-hour month: ${r.MonthlyCost:0.00}"));
        o.WriteLine("(latency, INIT and cost are the simulator's model: see README \"How the engine models time and cost\")");
    }

    private static void WriteJson(TextWriter o, Settings s, LoadReport r)
    {
        var c = r.Cost;
        var document = new
        {
            profile = new { rate = s.Rate, durationSeconds = s.Duration, pattern = s.Pattern, memory = s.Memory, provisioned = s.Provisioned, snapStart = s.SnapStart, seed = s.Seed },
            requests = r.Requests,
            coldStarts = r.ColdStarts,
            coldStartShare = r.ColdStartShare,
            throttles = r.Throttles,
            errors = r.Errors,
            latencyMs = new { p50 = r.P50.TotalMilliseconds, p90 = r.P90.TotalMilliseconds, p99 = r.P99.TotalMilliseconds, max = r.Max.TotalMilliseconds },
            cost = new
            {
                requests = c.RequestCost, duration = c.ComputeCost, provisionedConcurrency = c.ProvisionedConcurrencyCost, snapStart = c.SnapStartCost,
                total = c.Total, monthly = decimal.Round(r.MonthlyCost, 4), pricesAsOf = c.PricesAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            samples = r.Samples.Select(x => new { offsetMs = x.Offset.TotalMilliseconds, latencyMs = x.Latency.TotalMilliseconds, cold = x.ColdStart, throttled = x.Throttled, failed = x.Failed }),
        };
        o.WriteLine(JsonSerializer.Serialize(document, IndentedJson));
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
