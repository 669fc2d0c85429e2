using System.Globalization;
using System.Text;
using Course.Sandbox;
using Course.Sandbox.Observability;
using Course.Sandbox.Pricing;

namespace Course.Lessons.Display;

/// <summary>Plain-text views of a simulation, for the console (the .cs apps).</summary>
public static class SimulationText
{
    /// <summary>One line per invocation attempt: time, function, request, attempt, cold start, duration, billed, outcome.</summary>
    /// <param name="sim">The simulation.</param>
    /// <returns>The table, lines ending in <c>\n</c>.</returns>
    public static string Invocations(Simulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var text = new StringBuilder("   start s  function         request   try  init ms  duration ms  billed ms  outcome\n");
        foreach (var r in sim.Lambda.Invocations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{SimulationView.Seconds(sim, r.Start),10}  {r.FunctionName,-15}  {r.RequestId[..8]}  {r.Attempt,3}  {SimulationView.Ms(r.InitDuration),7}  {SimulationView.Ms(r.Duration),11}  {r.BilledDurationMs,9}  {SimulationView.Outcome(r)}\n");
        }

        return text.ToString();
    }

    /// <summary>The trace, one event a line (deployments left out).</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="filter">Which events to keep; null keeps all.</param>
    /// <returns>The lines.</returns>
    public static string Trace(Simulation sim, Func<TraceEvent, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var text = new StringBuilder();
        foreach (var e in SimulationView.Trace(sim, filter))
        {
            text.Append(CultureInfo.InvariantCulture, $"{SimulationView.Seconds(sim, e.Time),10}  {e.Kind,-20} {e.Source,-15} {e.Detail}\n");
        }

        return text.ToString();
    }

    /// <summary>The CloudWatch-style log lines of one function (or all), in time order.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="functionName">The function, or null for all.</param>
    /// <returns>The lines.</returns>
    public static string Logs(Simulation sim, string? functionName = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var text = new StringBuilder();
        foreach (var (time, _, message) in SimulationView.Logs(sim, functionName))
        {
            text.Append(LogStream.Timestamp(time)).Append("  ").Append(message.Replace("\n", "\n                          ", StringComparison.Ordinal)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A cost summary as a short table.</summary>
    /// <param name="cost">The summary.</param>
    /// <returns>The lines.</returns>
    public static string Cost(CostSummary cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"requests    {cost.Requests,14:N0}  ${cost.RequestCost,12:0.000000}\n");
        text.Append(CultureInfo.InvariantCulture, $"GB-seconds  {cost.GbSeconds,14:N3}  ${cost.ComputeCost,12:0.000000}\n");
        foreach (var (item, usd) in SimulationView.ExtraCostLines(cost))
        {
            text.Append(CultureInfo.InvariantCulture, $"{item,-26}  ${usd,12:0.000000}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"total{(cost.FreeTierApplied ? " (free tier applied)" : string.Empty),-25}  ${cost.Total,12:0.000000}\n");
        return text.Append(CultureInfo.InvariantCulture, $"prices as of {cost.PricesAsOf:yyyy-MM-dd}\n").ToString();
    }

    /// <summary>
    /// A text timeline: one row per execution environment, one mark per 100 ms-or-wider column; <c>I</c> INIT,
    /// <c>=</c> a successful run, <c>x</c> a failed run.
    /// </summary>
    /// <param name="sim">The simulation.</param>
    /// <returns>The chart, with a legend of attempts.</returns>
    public static string Timeline(Simulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var text = new StringBuilder();
        foreach (var r in sim.Lambda.Invocations)
        {
            var what = r.ColdStart ? $"cold start ({SimulationView.Ms(r.InitDuration)} ms INIT), " : r.Throttled ? string.Empty : "warm, ";
            text.Append(CultureInfo.InvariantCulture,
                $"{SimulationView.Seconds(sim, r.Start),10} s  {r.FunctionName} attempt {r.Attempt} on {r.EnvironmentId ?? "-"}: {what}{(r.Throttled ? string.Empty : SimulationView.Ms(r.Duration) + " ms, ")}{SimulationView.Outcome(r)}\n");
        }

        return text.ToString();
    }
}
