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
            var mark = check.Status switch
            {
                CheckStatus.Pass => "[green]✓[/]",
                CheckStatus.Fail => "[red]✗[/]",
                CheckStatus.NotRun => "[grey]–[/]",
                _ => "[yellow]![/]",
            };
            var points = $"{check.Earned}/{check.Spec.Points}";
            console.MarkupLine($"  {mark} {Markup.Escape(check.Spec.Title.PadRight(width))}  [grey]{points}[/]");
            if (!pass)
            {
                var rows = Labelled(check.Message ?? "").ToList();
                if (check.Spec.Hint.Length > 0 && check.Status is CheckStatus.Fail or CheckStatus.Error)
                {
                    rows.Add(("[yellow]hint:[/]", check.Spec.Hint));
                }

                WriteRows(console, rows, gutter: null);
            }

            if (showLogs && check.Output.Length > 0)
            {
                console.MarkupLine("      [grey]logs:[/]");
                WriteRows(console, check.Output.TrimEnd('\n').Split('\n').Select(l => ("", l)).ToList(), gutter: "│");
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

    private static readonly string[] Labels = ["observed:", "expected:", "next step:", "process stderr:"];

    /// <summary>Splits a check message into (label markup, text) rows: "observed: …" becomes ("observed:", "…").</summary>
    private static IEnumerable<(string Label, string Text)> Labelled(string message)
    {
        foreach (var line in message.Split('\n'))
        {
            var label = Labels.FirstOrDefault(l => line.StartsWith(l, StringComparison.Ordinal));
            yield return label is null ? ("", line) : ($"[grey]{label}[/]", line[label.Length..].TrimStart());
        }
    }

    /// <summary>
    /// Writes rows indented under the check: a label column and a text column, wrapped by words so that a wrapped
    /// line continues under its text, not at column 0 (under --logs every wrapped line keeps the │ gutter).
    /// </summary>
    private static void WriteRows(IAnsiConsole console, IReadOnlyList<(string Label, string Text)> rows, string? gutter)
    {
        const int indent = 6;
        var labelWidth = gutter is not null ? gutter.Length + 1 : rows.Max(r => Markup.Remove(r.Label).Length) is var w and > 0 ? w + 1 : 0;
        var width = Math.Max(30, console.Profile.Width - indent - labelWidth);
        foreach (var (label, text) in rows)
        {
            var first = true;
            foreach (var line in Wrap(text, width))
            {
                var left = gutter is not null ? $"[grey]{gutter}[/] " : first ? label + new string(' ', labelWidth - Markup.Remove(label).Length) : new string(' ', labelWidth);
                var right = gutter is not null ? $"[grey]{Markup.Escape(line)}[/]" : Markup.Escape(line);
                console.MarkupLine($"{new string(' ', indent)}{left}{right}".TrimEnd());
                first = false;
            }
        }
    }

    /// <summary>Word-wraps a line to a width (a word longer than the width is cut).</summary>
    internal static IEnumerable<string> Wrap(string text, int width)
    {
        if (text.Length <= width)
        {
            yield return text;
            yield break;
        }

        var rest = text;
        while (rest.Length > width)
        {
            var cut = rest.LastIndexOf(' ', width);
            if (cut <= 0)
            {
                cut = width;
            }

            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    private static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many ?? one + "s")}");
}
