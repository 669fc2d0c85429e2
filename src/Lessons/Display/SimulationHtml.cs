using System.Globalization;
using System.Net;
using System.Text;
using Course.Sandbox;
using Course.Sandbox.Observability;
using Course.Sandbox.Pricing;

namespace Course.Lessons.Display;

/// <summary>HTML views of a simulation for notebooks: tables and an SVG timeline, self-contained (inline styles, no scripts).</summary>
public static class SimulationHtml
{
    private const string Table = "<table style=\"border-collapse:collapse;font:12px ui-monospace,monospace\">";
    private const string Cell = "<td style=\"border-bottom:1px solid #ddd;padding:2px 8px;text-align:left\">";

    /// <summary>A table of invocation attempts.</summary>
    /// <param name="sim">The simulation.</param>
    /// <returns>The HTML.</returns>
    public static string Invocations(Simulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var html = new StringBuilder(Table).Append(Header("start s", "function", "request", "attempt", "init ms", "duration ms", "billed ms", "outcome"));
        foreach (var r in sim.Lambda.Invocations)
        {
            html.Append(Row(SimulationView.Seconds(sim, r.Start), r.FunctionName, r.RequestId[..8], r.Attempt.ToString(CultureInfo.InvariantCulture),
                SimulationView.Ms(r.InitDuration), SimulationView.Ms(r.Duration), r.BilledDurationMs.ToString(CultureInfo.InvariantCulture), SimulationView.Outcome(r)));
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>A table of trace events (deployments left out).</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="filter">Which events to keep; null keeps all.</param>
    /// <returns>The HTML.</returns>
    public static string Trace(Simulation sim, Func<TraceEvent, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var html = new StringBuilder(Table).Append(Header("time s", "kind", "source", "detail"));
        foreach (var e in SimulationView.Trace(sim, filter))
        {
            html.Append(Row(SimulationView.Seconds(sim, e.Time), e.Kind.ToString(), e.Source, e.Detail));
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>A table of log lines.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="functionName">The function, or null for all.</param>
    /// <returns>The HTML.</returns>
    public static string Logs(Simulation sim, string? functionName = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var html = new StringBuilder(Table).Append(Header("timestamp", "function", "message"));
        foreach (var (time, function, message) in SimulationView.Logs(sim, functionName))
        {
            html.Append(Row(LogStream.Timestamp(time), function, message));
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>A cost summary table.</summary>
    /// <param name="cost">The summary.</param>
    /// <returns>The HTML.</returns>
    public static string Cost(CostSummary cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var html = new StringBuilder(Table).Append(Header("item", "quantity", "cost (USD)"))
            .Append(Row("requests", cost.Requests.ToString("N0", CultureInfo.InvariantCulture), cost.RequestCost.ToString("0.000000", CultureInfo.InvariantCulture)))
            .Append(Row("compute (GB-s)", cost.GbSeconds.ToString("N3", CultureInfo.InvariantCulture), cost.ComputeCost.ToString("0.000000", CultureInfo.InvariantCulture)));
        foreach (var (item, usd) in SimulationView.ExtraCostLines(cost))
        {
            html.Append(Row(item, string.Empty, usd.ToString("0.000000", CultureInfo.InvariantCulture)));
        }

        return html
            .Append(Row(cost.FreeTierApplied ? "total (free tier applied)" : "total", string.Empty, cost.Total.ToString("0.000000", CultureInfo.InvariantCulture)))
            .Append("</table><p style=\"font-size:11px\">Prices as of ").Append(cost.PricesAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</p>").ToString();
    }

    /// <summary>
    /// An SVG timeline: one row per execution environment; INIT in orange, successful runs in green, failed runs
    /// in red, throttled attempts as grey ticks on their own row. Gaps longer than a second are drawn
    /// compressed, so minute-long retry waits and millisecond runs fit on one chart.
    /// </summary>
    /// <param name="sim">The simulation.</param>
    /// <returns>The SVG markup.</returns>
    public static string Timeline(Simulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var records = sim.Lambda.Invocations;
        var rows = records.Select(r => r.Throttled ? "throttled" : r.EnvironmentId ?? "-").Distinct().ToList();
        var scale = new TimelineScale(records.SelectMany(r => new[] { r.InitDuration is { } i ? r.Start - i : r.Start, r.End }).Append(sim.Options.Start));
        const int left = 170, rowHeight = 22, width = 860;
        var height = 30 + (rows.Count * rowHeight) + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        for (var i = 0; i < rows.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{30 + (i * rowHeight) + 14}\">{WebUtility.HtmlEncode(rows[i])}</text>");
        }

        foreach (var r in records)
        {
            var y = 30 + (rows.IndexOf(r.Throttled ? "throttled" : r.EnvironmentId ?? "-") * rowHeight) + 3;
            var title = WebUtility.HtmlEncode($"{r.FunctionName} {r.RequestId[..8]} attempt {r.Attempt} at {SimulationView.Seconds(sim, r.Start)} s: {SimulationView.Outcome(r)}");
            if (r.InitDuration is { } init)
            {
                Bar(svg, scale, left, width, r.Start - init, r.Start, y, "#f0a030", title + " (INIT " + SimulationView.Ms(init) + " ms)");
            }

            Bar(svg, scale, left, width, r.Start, r.End, y, r.Throttled ? "#999999" : r.ErrorType is null && !r.TimedOut ? "#3a9a4a" : "#d04040", title);
        }

        foreach (var (position, label) in scale.Ticks())
        {
            var x = left + (position * (width - left - 10));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"22\" x2=\"{x:0.#}\" y2=\"{height - 16}\" stroke=\"#ccc\"/><text x=\"{x:0.#}\" y=\"16\" text-anchor=\"middle\">{label}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Bar(StringBuilder svg, TimelineScale scale, int left, int width, DateTimeOffset from, DateTimeOffset to, int y, string colour, string title)
    {
        var span = width - left - 10;
        var x1 = left + (scale.Position(from) * span);
        var x2 = Math.Max(x1 + 3, left + (scale.Position(to) * span));
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x1:0.#}\" y=\"{y}\" width=\"{x2 - x1:0.#}\" height=\"16\" fill=\"{colour}\"><title>{title}</title></rect>");
    }

    private static string Header(params string[] names) =>
        "<tr>" + string.Concat(names.Select(n => $"<th style=\"border-bottom:2px solid #999;padding:2px 8px;text-align:left\">{WebUtility.HtmlEncode(n)}</th>")) + "</tr>";

    private static string Row(params string[] cells) =>
        "<tr>" + string.Concat(cells.Select(c => Cell + WebUtility.HtmlEncode(c) + "</td>")) + "</tr>";
}
