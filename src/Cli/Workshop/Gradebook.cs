using System.Globalization;
using System.Text;
using Course.Cli.Exercises;
using Course.Grading.Reports;
using Spectre.Console;

namespace Course.Cli.Workshop;

/// <summary>
/// Writes a graded class to a folder: <c>gradebook.csv</c> (a row per student, a column per exercise),
/// <c>gradebook.html</c> (scores, per-check pass rates as a bar chart, the most common failures with their hints),
/// and per student <c>students/&lt;name&gt;/index.html</c> (feedback) and <c>&lt;exercise&gt;.results.json</c>
/// (Exercism v3). Nothing depends on timing or the machine: the same submissions give the same bytes.
/// </summary>
internal static class Gradebook
{
    /// <summary>Writes everything.</summary>
    /// <param name="output">The output folder (created).</param>
    /// <param name="exercises">The exercises graded, in course order.</param>
    /// <param name="results">The students' results, in order.</param>
    public static void Write(string output, IReadOnlyList<CourseExercise> exercises, IReadOnlyList<StudentResult> results)
    {
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "gradebook.csv"), Csv(exercises, results));
        File.WriteAllText(Path.Combine(output, "gradebook.html"), GradebookHtml.Render(exercises, results));
        foreach (var student in results)
        {
            var folder = Path.Combine(output, "students", SafeName(student.Student));
            Directory.CreateDirectory(folder);
            foreach (var (id, report) in student.Exercises)
            {
                if (report is not null)
                {
                    File.WriteAllText(Path.Combine(folder, id + ".results.json"), JsonReportRenderer.Render(report));
                }
            }

            File.WriteAllText(Path.Combine(folder, "index.html"), FeedbackPage(student, exercises));
        }
    }

    /// <summary>The CSV: student, one column per exercise (points, empty when not submitted), total, max, notes.</summary>
    /// <param name="exercises">The exercises.</param>
    /// <param name="results">The results.</param>
    /// <returns>The CSV text (RFC 4180 quoting, \n line ends).</returns>
    public static string Csv(IReadOnlyList<CourseExercise> exercises, IReadOnlyList<StudentResult> results)
    {
        var csv = new StringBuilder();
        csv.Append("student,").Append(string.Join(',', exercises.Select(e => Quote(e.Id)))).Append(",total,max,notes\n");
        var max = exercises.Sum(e => e.MaxScore);
        foreach (var student in results)
        {
            csv.Append(Quote(student.Student));
            foreach (var (_, report) in student.Exercises)
            {
                csv.Append(',').Append(report is null ? "" : report.Score.ToString(CultureInfo.InvariantCulture));
            }

            csv.Append(',').Append(student.Score.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(max.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(Quote(Notes(student))).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>What the score alone does not say: a submission that did not open, files missing, compile errors.</summary>
    /// <param name="student">The student.</param>
    /// <returns>The notes ("" when none).</returns>
    public static string Notes(StudentResult student)
    {
        if (student.Problem is { } problem)
        {
            return $"submission not opened: {problem}";
        }

        var notes = student.Exercises
            .Select(e => e.Report is null ? $"{e.ExerciseId}: not submitted" : e.Report.Status == GradeStatus.Error ? $"{e.ExerciseId}: does not compile" : null)
            .Where(n => n is not null);
        return string.Join("; ", notes);
    }

    /// <summary>A name safe as a folder name (letters, digits, '.', '-', '_'; anything else becomes '_').</summary>
    /// <param name="name">The student's name.</param>
    /// <returns>The safe name.</returns>
    public static string SafeName(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).TrimStart('.');
        return safe.Length == 0 ? "_" : safe;
    }

    /// <summary>The text report as a learner sees it in the terminal (no colours, no measured time).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string ReportText(GradeReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 110;
        TextReportRenderer.Render(report, console, showLogs: false, showMeasured: false);
        return writer.ToString();
    }

    private static string FeedbackPage(StudentResult student, IReadOnlyList<CourseExercise> exercises)
    {
        var html = new StringBuilder();
        GradebookHtml.Head(html, $"Feedback for {student.Student}");
        html.Append("<p><a href=\"../../gradebook.html\">← gradebook</a></p>\n");
        html.Append("<h1>Feedback for ").Append(GradebookHtml.Escape(student.Student)).Append("</h1>\n");
        if (student.Problem is { } problem)
        {
            html.Append("<p class=\"bad\">Your submission could not be opened: ").Append(GradebookHtml.Escape(problem)).Append("</p>\n");
        }

        foreach (var (id, report) in student.Exercises)
        {
            var exercise = exercises.First(e => e.Id == id);
            html.Append("<h2>").Append(GradebookHtml.Escape($"{exercise.Id} · {exercise.Title}")).Append("</h2>\n");
            if (report is null)
            {
                html.Append("<p>Not submitted: no <code>exercises/").Append(GradebookHtml.Escape($"{id}/{exercise.HandlerFile}")).Append("</code> in your copy.</p>\n");
                continue;
            }

            html.Append("<p><strong>").Append(report.Score).Append('/').Append(report.MaxScore).Append("</strong> · <a href=\"")
                .Append(GradebookHtml.Escape(id)).Append(".results.json\">results.json</a></p>\n<pre>")
                .Append(GradebookHtml.Escape(ReportText(report))).Append("</pre>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
