using System.Globalization;
using System.Net;
using System.Text;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Lessons.Display;

/// <summary>
/// Draws a Step Functions execution from its history: one row per state entered (Map iterations and Parallel branches
/// indented under their state), time on the x-axis (virtual time, linear), each task attempt as a bar — green when it
/// succeeded, red when it failed — with the retry's back-off wait as a dashed line between attempts. As SVG for the
/// site and notebooks, as text bars for the console.
/// </summary>
internal static class ExecutionChart
{
    /// <summary>At most this many rows are drawn; the rest are counted in a last line.</summary>
    public const int MaxRows = 60;

    private const int Label = 250, Plot = 600, RowHeight = 20, Top = 34;

    /// <summary>The chart with its summary as the caption, in a figure (notebooks).</summary>
    public static string Html(Execution execution) =>
        "<figure class=\"execution\">" + Svg(execution) + $"<figcaption>{WebUtility.HtmlEncode(Summary(ExecutionRows.From(execution)))}</figcaption></figure>";

    /// <summary>The chart alone (the site's <c>:::chart</c> directive adds the figure and its caption).</summary>
    public static string Svg(Execution execution)
    {
        var picture = ExecutionRows.From(execution);
        var rows = picture.Rows.Take(MaxRows).ToList();
        var more = picture.Rows.Count - rows.Count;
        var total = Math.Max(picture.Span.TotalMilliseconds, 1);
        double X(DateTimeOffset t) => Label + (Plot * Math.Clamp((t - execution.StartDate).TotalMilliseconds / total, 0, 1));
        var height = Top + (RowHeight * (rows.Count + (more > 0 ? 1 : 0))) + 24;
        var width = Label + Plot + 20;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"execution-chart\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(Summary(picture))).Append("</title>");
        foreach (var (t, label) in Ticks(picture.Span))
        {
            var x = Label + (Plot * t.TotalMilliseconds / total);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{Top - 6}\" x2=\"{x:0.#}\" y2=\"{height - 24}\" stroke=\"#e4e4e4\"/><text x=\"{x:0.#}\" y=\"{Top - 10}\" text-anchor=\"middle\" fill=\"#666\">{label}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Top - 10}\" fill=\"#666\">state (virtual time →)</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * RowHeight);
            var name = Truncate(row.Name, 30 - (2 * row.Depth));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{4 + (12 * row.Depth)}\" y=\"{y + 14}\">{WebUtility.HtmlEncode(name)}");
            if (row.Scope.Length > 0)
            {
                svg.Append("<tspan fill=\"#888\"> ").Append(WebUtility.HtmlEncode(Truncate(row.ShortScope, 18))).Append("</tspan>");
            }
            svg.Append("</text>");
            var (x1, x2) = (X(row.Start), Math.Max(X(row.End), X(row.Start) + 2));
            var span = Color(row);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x1:0.#}\" y=\"{y + 4}\" width=\"{x2 - x1:0.#}\" height=\"{RowHeight - 8}\" fill=\"{span.Fill}\" stroke=\"{span.Stroke}\" rx=\"2\"><title>{WebUtility.HtmlEncode(Tooltip(picture, row))}</title></rect>");
            for (var a = 0; a < row.Attempts.Count; a++)
            {
                var attempt = row.Attempts[a];
                var end = attempt.End ?? row.End;
                var (a1, a2) = (X(attempt.Start), Math.Max(X(end), X(attempt.Start) + 2));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"attempt{(attempt.Failed ? " failed" : "")}\" x=\"{a1:0.#}\" y=\"{y + 6}\" width=\"{a2 - a1:0.#}\" height=\"{RowHeight - 12}\" fill=\"{(attempt.Failed ? "#d04040" : "#3a9a4a")}\"><title>{WebUtility.HtmlEncode(AttemptText(execution, row, a))}</title></rect>");
                if (a + 1 < row.Attempts.Count)
                {
                    var next = X(row.Attempts[a + 1].Start);
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<line class=\"retry-wait\" x1=\"{a2:0.#}\" y1=\"{y + (RowHeight / 2)}\" x2=\"{next:0.#}\" y2=\"{y + (RowHeight / 2)}\" stroke=\"#d04040\" stroke-dasharray=\"3 2\"><title>back-off {Duration(row.Attempts[a + 1].Start - end)} before retry {a + 1}</title></line>");
                }
            }
        }

        if (more > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Top + (rows.Count * RowHeight) + 14}\" fill=\"#666\">… {more} more state entries</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label}\" y=\"{height - 6}\" fill=\"#666\">green: attempt succeeded · red: attempt failed · dashed: retry back-off · rows: states entered, iterations and branches indented</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The picture as text: a summary line, then one bar per state entered.</summary>
    public static string Text(Execution execution)
    {
        var picture = ExecutionRows.From(execution);
        const int width = 48;
        var total = Math.Max(picture.Span.TotalMilliseconds, 1);
        int Col(DateTimeOffset t) => (int)Math.Round(width * Math.Clamp((t - execution.StartDate).TotalMilliseconds / total, 0, 1));
        var names = picture.Rows.Take(MaxRows).Select(r => new string(' ', 2 * r.Depth) + r.Name + (r.Scope.Length > 0 ? $" {r.ShortScope}" : "")).ToList();
        var nameWidth = Math.Clamp(names.Count == 0 ? 10 : names.Max(n => n.Length), 10, 40);
        var text = new StringBuilder().AppendLine(Summary(picture));
        text.Append(' ', nameWidth + 2).Append("|0 s").Append(Duration(picture.Span).PadLeft(width - 3)).AppendLine("|");
        for (var i = 0; i < names.Count; i++)
        {
            var row = picture.Rows[i];
            var bar = new char[width];
            Array.Fill(bar, ' ');
            var from = Math.Min(width - 1, Col(row.Start));
            var to = Math.Max(from + 1, Col(row.End));
            for (var c = from; c < Math.Min(width, to); c++)
            {
                bar[c] = row.Attempts.Count > 0 ? '·' : row.Type is "Map" or "Parallel" ? '░' : '█';
            }
            foreach (var attempt in row.Attempts)
            {
                var (a1, a2) = (Math.Min(width - 1, Col(attempt.Start)), Math.Max(Col(attempt.Start) + 1, Col(attempt.End ?? row.End)));
                for (var c = a1; c < Math.Min(width, a2); c++)
                {
                    bar[c] = attempt.Failed ? 'x' : '█';
                }
            }

            var note = row.Attempts.Count > 1 ? $"  {row.Attempts.Count - 1} retr{(row.Attempts.Count == 2 ? "y" : "ies")} ({string.Join(", ", row.Errors.Distinct())})" : "";
            if (row.Outcome is "caught" or "failed")
            {
                note += $"  {row.Outcome}";
            }
            text.Append(CultureInfo.InvariantCulture, $"  {Truncate(names[i], nameWidth).PadRight(nameWidth)}|{new string(bar)}| +{(row.Start - execution.StartDate).TotalSeconds:0.000} s  {Duration(row.End - row.Start)}{note}").Append('\n');
        }

        if (picture.Rows.Count > MaxRows)
        {
            text.Append(CultureInfo.InvariantCulture, $"  … {picture.Rows.Count - MaxRows} more state entries\n");
        }
        return text.Append("  █ attempt succeeded (or state ran)  x attempt failed  · waiting (retry back-off or the task running)  ░ Map/Parallel\n").ToString();
    }

    /// <summary>One line: machine, type, status, virtual duration, events, transitions, retries.</summary>
    public static string Summary(ExecutionRows picture)
    {
        var e = picture.Execution;
        return string.Create(CultureInfo.InvariantCulture,
            $"{e.StateMachine.Name} ({e.StateMachine.Type}): {e.StatusText} after {Duration(picture.Span)} of virtual time · {e.History.Count} history events · {picture.Rows.Count} states entered · {e.StateTransitions} state transitions · {picture.Retries} retries");
    }

    private static (string Fill, string Stroke) Color(ExecutionRow row) => row.Outcome switch
    {
        "failed" => ("#f6d6d6", "#d04040"),
        "caught" => ("#fbe8cc", "#e09030"),
        _ when row.Type is "Map" or "Parallel" => ("#ece4f6", "#8a6cc0"),
        _ when row.Type == "Wait" => ("#e8e8e8", "#999"),
        _ => ("#dde8f6", "#5a80c0"),
    };

    private static string Tooltip(ExecutionRows picture, ExecutionRow row)
    {
        var scope = row.Scope.Length > 0 ? $" in {row.Scope}" : "";
        var attempts = row.Attempts.Count > 0 ? $", {row.Attempts.Count} attempt(s)" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{row.Name} ({row.Type}){scope}: entered at +{(row.Start - picture.Execution.StartDate).TotalSeconds:0.000} s, {Duration(row.End - row.Start)}, {row.Outcome}{attempts}");
    }

    private static string AttemptText(Execution execution, ExecutionRow row, int index)
    {
        var a = row.Attempts[index];
        var outcome = a.Failed ? $"failed: {a.Error ?? "error"}" : a.End is null ? "running" : "succeeded";
        return string.Create(CultureInfo.InvariantCulture,
            $"{row.Name} attempt {index + 1} at +{(a.Start - execution.StartDate).TotalSeconds:0.000} s, {Duration((a.End ?? row.End) - a.Start)}: {outcome}");
    }

    private static IEnumerable<(TimeSpan At, string Label)> Ticks(TimeSpan span)
    {
        var seconds = Math.Max(span.TotalSeconds, 0.001);
        var step = new[] { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600, 43_200, 86_400, 604_800, 2_592_000 }
            .FirstOrDefault(s => seconds / s <= 8, 31_536_000);
        for (var t = 0.0; t <= seconds + 1e-9; t += step)
        {
            yield return (TimeSpan.FromSeconds(t), Duration(TimeSpan.FromSeconds(t)));
        }
    }

    internal static string Duration(TimeSpan t) => t.TotalSeconds switch
    {
        0 => "0 s",
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0.#} ms"),
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.##} min"),
        < 172_800 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.##} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{t.TotalDays:0.##} days"),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..Math.Max(1, max - 1)] + "…";
}
