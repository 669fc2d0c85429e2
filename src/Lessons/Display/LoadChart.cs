using System.Globalization;
using System.Net;
using System.Text;
using Course.Sandbox.Load;

namespace Course.Lessons.Display;

/// <summary>
/// Draws a load run: an SVG scatter of every request's latency over the run (cold starts in orange, a logarithmic
/// latency axis so a 40 ms warm request and a 1 s cold start both show) above a bar row of cold starts per time slice;
/// as text, the summary and a cold-start count per slice.
/// </summary>
internal static class LoadChart
{
    private const int Slices = 30;

    /// <summary>The chart with its summary as the caption, in a figure (notebooks).</summary>
    public static string Html(LoadReport report) =>
        "<figure class=\"load-run\">" + Svg(report) + $"<figcaption>{WebUtility.HtmlEncode(Summary(report))}</figcaption></figure>";

    /// <summary>The chart alone (the site's <c>:::chart</c> directive adds the figure and its caption).</summary>
    public static string Svg(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        const int left = 60, top = 10, width = 860, plot = 220, barTop = top + plot + 30, barHeight = 50;
        var span = width - left - 10;
        var run = report.Profile.Duration.TotalSeconds;
        var ran = report.Samples.Where(s => !s.Throttled).ToList();
        var maxMs = Math.Max(10, ran.Count == 0 ? 10 : ran.Max(s => s.Latency.TotalMilliseconds));
        var minMs = Math.Max(0.1, ran.Count == 0 ? 1 : ran.Min(s => s.Latency.TotalMilliseconds));
        double Y(double ms) => top + plot - (plot * (Math.Log10(Math.Max(ms, minMs)) - Math.Log10(minMs)) / Math.Max(1e-9, Math.Log10(maxMs) - Math.Log10(minMs)));
        double X(TimeSpan t) => left + (span * t.TotalSeconds / run);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"load-chart\" width=\"{width}\" height=\"{barTop + barHeight + 30}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(Summary(report))}</title>");
        foreach (var ms in new[] { minMs, Math.Sqrt(minMs * maxMs), maxMs })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{Y(ms):0.#}\" x2=\"{width - 10}\" y2=\"{Y(ms):0.#}\" stroke=\"#ddd\"/><text x=\"{left - 4}\" y=\"{Y(ms) + 4:0.#}\" text-anchor=\"end\">{ms:0.#} ms</text>");
        }

        foreach (var p in new[] { (report.P50, "p50"), (report.P99, "p99") })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{Y(p.Item1.TotalMilliseconds):0.#}\" x2=\"{width - 10}\" y2=\"{Y(p.Item1.TotalMilliseconds):0.#}\" stroke=\"#3060c0\" stroke-dasharray=\"4 3\"/><text x=\"{width - 12}\" y=\"{Y(p.Item1.TotalMilliseconds) - 3:0.#}\" text-anchor=\"end\" fill=\"#3060c0\">{p.Item2} {p.Item1.TotalMilliseconds:0.#} ms</text>");
        }

        foreach (var s in ran.Where(s => !s.ColdStart).Concat(ran.Where(s => s.ColdStart)))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(s.Offset):0.#}\" cy=\"{Y(s.Latency.TotalMilliseconds):0.#}\" r=\"{(s.ColdStart ? 3 : 1.5)}\" fill=\"{(s.ColdStart ? "#f0a030" : s.Failed ? "#d04040" : "#3a9a4a")}\"/>");
        }

        var slices = ColdStartsPerSlice(report);
        var most = Math.Max(1, slices.Max());
        for (var i = 0; i < Slices; i++)
        {
            var h = barHeight * slices[i] / (double)most;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + (span * i / (double)Slices):0.#}\" y=\"{barTop + barHeight - h:0.#}\" width=\"{(span / (double)Slices) - 2:0.#}\" height=\"{h:0.#}\" fill=\"#f0a030\"><title>{slices[i]} cold starts</title></rect>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{barTop + 30}\">cold starts</text><text x=\"{left}\" y=\"{barTop + barHeight + 16}\">0 s</text><text x=\"{width - 10}\" y=\"{barTop + barHeight + 16}\" text-anchor=\"end\">{run:0.#} s</text>");
        return svg.Append("</svg>").ToString();
    }

    public static string Text(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var slices = ColdStartsPerSlice(report);
        var sb = new StringBuilder().AppendLine(Summary(report));
        sb.Append("cold starts per ").Append((report.Profile.Duration.TotalSeconds / Slices).ToString("0.#", CultureInfo.InvariantCulture)).Append(" s: ")
            .AppendLine(string.Join(' ', slices.Select(c => c.ToString(CultureInfo.InvariantCulture))));
        return sb.ToString();
    }

    private static string Summary(LoadReport r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Requests} requests ({r.Profile.Pattern}, mean {r.Profile.RatePerSecond:0.##}/s for {r.Profile.Duration.TotalSeconds:0.#} s): p50 {r.P50.TotalMilliseconds:0.0} ms, p90 {r.P90.TotalMilliseconds:0.0} ms, p99 {r.P99.TotalMilliseconds:0.0} ms, max {r.Max.TotalMilliseconds:0.0} ms; cold starts {r.ColdStarts} ({r.ColdStartShare * 100:0.00} %), throttled {r.Throttles}; run ${r.Cost.Total:0.000000}, month of it ${r.MonthlyCost:0.00}");

    private static int[] ColdStartsPerSlice(LoadReport report)
    {
        var slices = new int[Slices];
        var run = report.Profile.Duration.TotalSeconds;
        foreach (var s in report.Samples.Where(s => s.ColdStart))
        {
            slices[Math.Clamp((int)(s.Offset.TotalSeconds / run * Slices), 0, Slices - 1)]++;
        }

        return slices;
    }
}
