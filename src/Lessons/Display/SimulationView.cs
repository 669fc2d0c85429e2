using System.Globalization;
using Course.Sandbox;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;

namespace Course.Lessons.Display;

/// <summary>The rows the views show, read from a simulation: times are seconds since the simulation started.</summary>
internal static class SimulationView
{
    public static string Seconds(Simulation sim, DateTimeOffset time) =>
        (time - sim.Options.Start).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Ms(TimeSpan? span) =>
        span is null ? string.Empty : span.Value.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Outcome(InvocationRecord r) =>
        r.Throttled ? "throttled" : r.TimedOut ? "timed out" : r.ErrorType is { } e ? "error: " + e : "ok";

    public static IReadOnlyList<(DateTimeOffset Time, string Function, string Message)> Logs(Simulation sim, string? functionName)
    {
        var lines = new List<(DateTimeOffset, string, string)>();
        foreach (var function in sim.Lambda.Functions.Values.Where(f => functionName is null || f.Name == functionName).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            foreach (var environment in function.Environments)
            {
                lines.AddRange(environment.Log.Events.Select(e => (e.Time, function.Name, e.Message.TrimEnd('\n'))));
            }
        }

        return lines.OrderBy(l => l.Item1).ToList();
    }

    public static IEnumerable<(string Item, decimal Usd)> ExtraCostLines(Course.Sandbox.Pricing.CostSummary cost)
    {
        if (cost.EphemeralCost != 0)
        {
            yield return ("ephemeral storage > 512 MB", cost.EphemeralCost);
        }
        if (cost.ProvisionedConcurrencyCost != 0)
        {
            yield return ("provisioned concurrency", cost.ProvisionedConcurrencyCost);
        }
        if (cost.SnapStartCost != 0)
        {
            yield return ("SnapStart cache + restores", cost.SnapStartCost);
        }
    }

    public static IEnumerable<TraceEvent> Trace(Simulation sim, Func<TraceEvent, bool>? filter) =>
        sim.Trace.Events.Where(e => e.Kind != TraceKind.FunctionDeployed && (filter is null || filter(e)));
}
