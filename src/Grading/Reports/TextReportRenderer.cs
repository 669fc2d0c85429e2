using System.Globalization;
using Spectre.Console;

namespace Course.Grading.Reports;

/// <summary>
/// Renders a report for people with Spectre.Console: each check ✓/✗ with points, the failure (observed,
/// expected, next step) and hint, the score, and a run summary in virtual time. Real elapsed time appears
/// only here, labelled as measured.
/// </summary>
public static class TextReportRenderer
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="showLogs">True to show each check's captured function logs (<c>--logs</c>).</param>
    /// <param name="showMeasured">True to print the measured wall-clock line (off for golden files).</param>
    public static void Render(GradeReport report, IAnsiConsole console, bool showLogs = false, bool showMeasured = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        var title = report.Title.Length > 0 ? $"{report.ExerciseId} · {report.Title}" : report.ExerciseId;
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/] [grey](seed {report.Seed.ToString(CultureInfo.InvariantCulture)})[/]");
        console.WriteLine();
        if (report.Status == GradeStatus.Error)
        {
            console.MarkupLine("[red bold]Could not grade:[/]");
            console.WriteLine(report.Message ?? "");
            console.WriteLine();
            return;
        }

        var width = report.Checks.Select(c => c.Spec.Title.Length).DefaultIfEmpty(0).Max();
        foreach (var check in report.Checks)
        {
            var pass = check.Status == CheckStatus.Pass;
            var mark = pass ? "[green]✓[/]" : check.Status == CheckStatus.Fail ? "[red]✗[/]" : "[yellow]![/]";
            var points = $"{check.Earned}/{check.Spec.Points}";
            console.MarkupLine($"  {mark} {Markup.Escape(check.Spec.Title.PadRight(width))}  [grey]{points}[/]");
            if (!pass)
            {
                foreach (var line in (check.Message ?? "").Split('\n'))
                {
                    console.MarkupLine($"      {Markup.Escape(line)}");
                }

                if (check.Spec.Hint.Length > 0)
                {
                    console.MarkupLine($"      [yellow]hint:[/] {Markup.Escape(check.Spec.Hint)}");
                }
            }

            if (showLogs && check.Output.Length > 0)
            {
                console.MarkupLine("      [grey]logs:[/]");
                foreach (var line in check.Output.TrimEnd('\n').Split('\n'))
                {
                    console.MarkupLine($"      [grey]│ {Markup.Escape(line)}[/]");
                }
            }
        }

        console.WriteLine();
        var passed = report.Checks.Count(c => c.Status == CheckStatus.Pass);
        var percent = report.MaxScore == 0 ? 100 : report.Score * 100 / report.MaxScore;
        var color = report.Status == GradeStatus.Pass ? "green" : "red";
        console.MarkupLine($"[{color} bold]score {report.Score}/{report.MaxScore} ({percent} %)[/]  {passed} of {report.Checks.Count} checks passed");
        var s = report.Summary;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"run   {Count(s.Invocations, "invocation")} · {Count(s.ColdStarts, "cold start")} · {Count(s.Errors, "error")} · {Count(s.Retries, "retry", "retries")} · {s.DeadLettered} to DLQ · p50 {s.P50Ms:0.0} ms · p99 {s.P99Ms:0.0} ms · cost ${Math.Round(s.CostUsd, 10)}")));
        if (showMeasured && report.MeasuredMilliseconds is { } ms)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]measured: {ms:0} ms of real time to grade (not part of results.json)[/]"));
        }
    }

    private static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many ?? one + "s")}");
}
