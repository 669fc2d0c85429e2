using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Course.Sandbox.Functions;
using Course.Sandbox.Pricing;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course cost --requests N --duration-ms D --memory MB [--arch x86_64|arm64] [--no-free-tier] [--format text|json]</c>:
/// the monthly Lambda bill of a workload from the engine's cost model (requests, GB-seconds, total), with one always-on
/// Fargate task for comparison. Exit codes: 0 estimated, 2 bad input.
/// </summary>
internal static class CostCommand
{
    private const double FargateVcpu = 0.25, FargateMemoryGB = 0.5;

    /// <summary>Builds the <c>cost</c> command.</summary>
    public static Command Create()
    {
        var requests = new Option<long>("--requests") { Description = "Requests a month", Required = true };
        var duration = new Option<double>("--duration-ms") { Description = "Average duration per request in ms", Required = true };
        var memory = new Option<int>("--memory") { Description = "Memory in MB (128–10240)", Required = true };
        var arch = new Option<string>("--arch") { Description = "x86_64 or arm64", DefaultValueFactory = _ => "x86_64" };
        var noFree = new Option<bool>("--no-free-tier") { Description = "Leave the monthly free tier (1 M requests, 400,000 GB-s) out" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        arch.AcceptOnlyFromAmong("x86_64", "arm64");

        var command = new Command("cost", "Estimate a month of Lambda for a workload: each line item and the total in dollars")
        {
            requests, duration, memory, arch, noFree, format,
        };
        command.SetAction(result => Run(new CostSettings(
            result.GetValue(requests), result.GetValue(duration), result.GetValue(memory),
            result.GetValue(arch)!, result.GetValue(noFree), result.GetValue(format)!)));
        return command;
    }

    internal static int Run(CostSettings s, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var problems = Validate(s);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                (stderr ?? Console.Error).WriteLine($"cost: {p}");
            }
            return 2;
        }

        var model = new CostModel(PriceSheet.UsEast1);
        var architecture = s.Architecture == "arm64" ? Architecture.Arm64 : Architecture.X86_64;
        var month = model.Estimate(s.Requests, TimeSpan.FromMilliseconds(s.DurationMs), s.MemoryMB, architecture, freeTier: !s.NoFreeTier);
        var fargate = model.Fargate(FargateVcpu, FargateMemoryGB);
        if (s.Format == "json")
        {
            WriteJson(output, s, month, fargate);
        }
        else
        {
            WriteText(output, s, month, model.Prices, fargate);
        }
        return 0;
    }

    private static List<string> Validate(CostSettings s)
    {
        var problems = new List<string>();
        if (s.Requests < 0)
        {
            problems.Add($"--requests must be 0 or more; it is {s.Requests}.");
        }
        if (double.IsNaN(s.DurationMs) || s.DurationMs <= 0 || s.DurationMs > Limits.MaxTimeout.TotalMilliseconds)
        {
            problems.Add($"--duration-ms must be more than 0 and at most {Limits.MaxTimeout.TotalMilliseconds:0} (Lambda's 15-minute timeout); it is {s.DurationMs.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (s.MemoryMB is < Limits.MinMemoryMB or > Limits.MaxMemoryMB)
        {
            problems.Add($"--memory must be {Limits.MinMemoryMB}–{Limits.MaxMemoryMB} MB (Lambda's range); it is {s.MemoryMB}.");
        }
        if (s.Architecture is not ("x86_64" or "arm64"))
        {
            problems.Add($"--arch must be x86_64 or arm64; it is '{s.Architecture}'.");
        }
        if (s.Format is not ("text" or "json"))
        {
            problems.Add($"--format must be text or json; it is '{s.Format}'.");
        }
        return problems;
    }

    private static void WriteText(TextWriter o, CostSettings s, CostSummary m, PriceSheet p, decimal fargate)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"Monthly Lambda estimate, {p.Region} prices of {p.AsOf:yyyy-MM-dd} (the simulator's price sheet)"));
        o.WriteLine(string.Create(inv, $"  {s.Requests:N0} requests × {s.DurationMs:0.###} ms × {s.MemoryMB} MB, {s.Architecture}, {(s.NoFreeTier ? "no free tier" : "free tier applied")}"));
        o.WriteLine();
        var freeRequests = s.NoFreeTier ? 0 : Math.Min(s.Requests, p.FreeRequests);
        var freeGbs = s.NoFreeTier ? 0 : Math.Min(m.GbSeconds, p.FreeGbSeconds);
        var rate = (s.Architecture == "arm64" ? p.ArmDuration : p.X86Duration)[0].UnitPrice;
        o.WriteLine(string.Create(inv, $"  {"requests",-10} {$"{s.Requests - freeRequests:N0} billed × ${p.RequestsPerMillion:0.00} per million",-52} {Dollars(m.RequestCost),12}"));
        o.WriteLine(string.Create(inv, $"  {"duration",-10} {$"{m.GbSeconds - freeGbs:N3} GB-s billed × ${rate} (first tier)",-52} {Dollars(m.ComputeCost),12}"));
        if (!s.NoFreeTier)
        {
            o.WriteLine(string.Create(inv, $"  {"",-10} {$"free: {freeRequests:N0} requests, {freeGbs:N3} GB-s",-52}"));
        }
        o.WriteLine(string.Create(inv, $"  {"total",-10} {"",-52} {Dollars(m.Total),12}"));
        o.WriteLine();
        o.WriteLine(string.Create(inv, $"For comparison: one always-on Fargate task ({FargateVcpu} vCPU, {FargateMemoryGB} GB, {p.HoursPerMonth} hours) costs {Dollars(fargate)} a month."));
    }

    private static void WriteJson(TextWriter o, CostSettings s, CostSummary m, decimal fargate)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("pricesAsOf", m.PricesAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("requests", s.Requests);
            w.WriteNumber("durationMs", s.DurationMs);
            w.WriteNumber("memoryMB", s.MemoryMB);
            w.WriteString("architecture", s.Architecture);
            w.WriteBoolean("freeTier", !s.NoFreeTier);
            w.WriteNumber("gbSeconds", m.GbSeconds);
            w.WriteStartArray("lineItems");
            Item(w, "requests", m.RequestCost);
            Item(w, "duration", m.ComputeCost);
            w.WriteEndArray();
            w.WriteNumber("total", m.Total);
            w.WriteNumber("fargateTaskMonthly", fargate);
            w.WriteEndObject();
        }

        o.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Item(Utf8JsonWriter w, string name, decimal cost)
    {
        w.WriteStartObject();
        w.WriteString("item", name);
        w.WriteNumber("usd", cost);
        w.WriteEndObject();
    }

    private static string Dollars(decimal usd) => "$" + Math.Round(usd, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture);
}
