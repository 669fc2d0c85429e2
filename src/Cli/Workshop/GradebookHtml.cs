using System.Globalization;
using System.Net;
using System.Text;
using Course.Cli.Exercises;
using Course.Grading.Reports;

namespace Course.Cli.Workshop;

/// <summary>
/// The instructor's page for a graded class: the scores table (each student linked to their feedback page), the pass
/// rate of every check as a horizontal bar chart (plain HTML and CSS, no script), and the most common failures
/// with their hints and an example of what was observed.
/// </summary>
internal static class GradebookHtml
{
    /// <summary>How many of the most common failures the page lists.</summary>
    public const int TopFailures = 10;

    /// <summary>Renders the page.</summary>
    /// <param name="exercises">The exercises graded.</param>
    /// <param name="results">The results.</param>
    /// <returns>The HTML.</returns>
    public static string Render(IReadOnlyList<CourseExercise> exercises, IReadOnlyList<StudentResult> results)
    {
        var html = new StringBuilder();
        Head(html, "Gradebook");
        html.Append("<h1>Gradebook</h1>\n<p>").Append(results.Count).Append(results.Count == 1 ? " student" : " students")
            .Append(", ").Append(exercises.Count).Append(exercises.Count == 1 ? " exercise" : " exercises").Append(".</p>\n");
        Scores(html, exercises, results);
        PassRates(html, exercises, results);
        Failures(html, results);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>HTML-escapes text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Writes the document head with the shared styles.</summary>
    /// <param name="html">The builder.</param>
    /// <param name="title">The page title.</param>
    public static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Escape(title)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1f2328}\n")
            .Append("table{border-collapse:collapse}td,th{padding:.25rem .6rem;border-bottom:1px solid #d0d7de;text-align:left}\n")
            .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}.bad{color:#b42318}.ok{color:#1a7f37}\n")
            .Append(".bar{background:#eaeef2;width:20rem;height:1rem;display:inline-block;vertical-align:middle}\n")
            .Append(".bar span{display:block;height:100%;background:#2da44e}\npre{background:#f6f8fa;padding:1rem;overflow:auto;white-space:pre-wrap}\n")
            .Append("</style>\n</head>\n<body>\n");
    }

    private static void Scores(StringBuilder html, IReadOnlyList<CourseExercise> exercises, IReadOnlyList<StudentResult> results)
    {
        html.Append("<h2>Scores</h2>\n<table>\n<thead><tr><th>student</th>");
        foreach (var exercise in exercises)
        {
            html.Append("<th>").Append(Escape(exercise.Id)).Append(" <small>/").Append(exercise.MaxScore).Append("</small></th>");
        }

        html.Append("<th>total</th><th>notes</th></tr></thead>\n<tbody>\n");
        foreach (var student in results)
        {
            html.Append("<tr><td><a href=\"students/").Append(Escape(Gradebook.SafeName(student.Student))).Append("/index.html\">")
                .Append(Escape(student.Student)).Append("</a></td>");
            foreach (var (_, report) in student.Exercises)
            {
                var css = report is null ? "" : report.Status == GradeStatus.Pass ? " ok" : report.Status == GradeStatus.Error ? " bad" : "";
                html.Append("<td class=\"n").Append(css).Append("\">").Append(report is null ? "–" : report.Score.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("<td class=\"n\">").Append(student.Score).Append("</td><td>").Append(Escape(Gradebook.Notes(student))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void PassRates(StringBuilder html, IReadOnlyList<CourseExercise> exercises, IReadOnlyList<StudentResult> results)
    {
        html.Append("<h2>Pass rate per check</h2>\n<p>Of the students who submitted the exercise and whose handler compiled.</p>\n<table>\n");
        foreach (var exercise in exercises)
        {
            var reports = results.Select(r => r.Exercises.First(e => e.ExerciseId == exercise.Id).Report)
                .Where(r => r is { Status: not GradeStatus.Error }).Select(r => r!).ToList();
            html.Append("<tr><th colspan=\"3\">").Append(Escape($"{exercise.Id} · {exercise.Title}")).Append(" <small>(")
                .Append(reports.Count).Append(" graded)</small></th></tr>\n");
            var checks = reports.SelectMany(r => r.Checks).GroupBy(c => c.Spec.Id, StringComparer.Ordinal);
            foreach (var check in checks)
            {
                var total = check.Count();
                var passed = check.Count(c => c.Status == CheckStatus.Pass);
                var percent = total == 0 ? 0 : passed * 100 / total;
                html.Append("<tr><td>").Append(Escape(check.First().Spec.Title)).Append("</td><td><span class=\"bar\" role=\"img\" aria-label=\"")
                    .Append(percent).Append(" % passed\"><span style=\"width:").Append(percent).Append("%\"></span></span></td><td class=\"n\">")
                    .Append(passed).Append('/').Append(total).Append(" (").Append(percent).Append(" %)</td></tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void Failures(StringBuilder html, IReadOnlyList<StudentResult> results)
    {
        var failures = results.SelectMany(s => s.Exercises.Where(e => e.Report is not null).SelectMany(e => e.Report!.Checks
                .Where(c => c.Status == CheckStatus.Fail).Select(c => (Exercise: e.ExerciseId, Check: c))))
            .GroupBy(f => (f.Exercise, f.Check.Spec.Id))
            .Select(g => (g.Key.Exercise, Spec: g.First().Check.Spec, Count: g.Count(),
                Example: g.Select(f => FirstLine(f.Check.Message)).GroupBy(m => m, StringComparer.Ordinal)
                    .OrderByDescending(m => m.Count()).ThenBy(m => m.Key, StringComparer.Ordinal).First().Key))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Exercise, StringComparer.Ordinal).ThenBy(f => f.Spec.Id, StringComparer.Ordinal)
            .Take(TopFailures)
            .ToList();
        html.Append("<h2>Most common failures</h2>\n");
        if (failures.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>students</th><th>exercise · check</th><th>most often observed</th><th>hint</th></tr></thead>\n<tbody>\n");
        foreach (var (exercise, spec, count, example) in failures)
        {
            html.Append("<tr><td class=\"n\">").Append(count).Append("</td><td>").Append(Escape($"{exercise} · {spec.Title}"))
                .Append("</td><td>").Append(Escape(example)).Append("</td><td>").Append(Escape(spec.Hint)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string FirstLine(string? message)
    {
        var line = (message ?? "").Split('\n')[0];
        return line.Length > 240 ? line[..240] + "…" : line;
    }
}
