using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Course.Grading.Reports;

/// <summary>
/// Renders a report as Exercism's test-runner results.json (version 3: status pass|fail|error, message,
/// tests[name, status, message, output, test_code, task_id]) plus an <c>extensions</c> object with points,
/// score, the simulation summary and cost. Deterministic: no wall-clock values, fixed key order, '\n' newlines.
/// </summary>
public static class JsonReportRenderer
{
    /// <summary>Exercism truncates a test's output to this many characters; so do we.</summary>
    public const int MaxOutputChars = 500;

    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Render(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 3);
            json.WriteString("status", Status(report.Status));
            if (report.Message is not null)
            {
                json.WriteString("message", report.Message);
            }

            json.WriteStartArray("tests");
            foreach (var check in report.Checks)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Spec.Title);
                json.WriteString("status", check.Status switch { CheckStatus.Pass => "pass", CheckStatus.Fail or CheckStatus.NotRun => "fail", _ => "error" });
                if (check.Message is null)
                {
                    json.WriteNull("message");
                }
                else
                {
                    json.WriteString("message", WithHint(check));
                }

                if (check.Output.Length == 0)
                {
                    json.WriteNull("output");
                }
                else
                {
                    json.WriteString("output", Truncate(check.Output));
                }

                json.WriteString("test_code", check.TestCode);
                json.WriteNumber("task_id", check.Spec.Task);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("extensions");
            json.WriteString("exercise", report.ExerciseId);
            json.WriteNumber("seed", report.Seed);
            json.WriteNumber("score", report.Score);
            json.WriteNumber("maxScore", report.MaxScore);
            json.WriteStartArray("points");
            foreach (var check in report.Checks)
            {
                json.WriteStartObject();
                json.WriteString("id", check.Spec.Id);
                json.WriteNumber("earned", check.Earned);
                json.WriteNumber("points", check.Spec.Points);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var s = report.Summary;
            json.WriteStartObject("simulation");
            json.WriteNumber("invocations", s.Invocations);
            json.WriteNumber("coldStarts", s.ColdStarts);
            json.WriteNumber("errors", s.Errors);
            json.WriteNumber("retries", s.Retries);
            json.WriteNumber("deadLettered", s.DeadLettered);
            json.WriteNumber("p50Ms", Math.Round(s.P50Ms, 3));
            json.WriteNumber("p99Ms", Math.Round(s.P99Ms, 3));
            json.WriteNumber("billedMs", s.BilledMs);
            json.WriteEndObject();
            json.WriteStartObject("cost");
            json.WriteNumber("usd", Math.Round(s.CostUsd, 10));
            json.WriteEndObject();
            if (report.Diagnostics.Count > 0)
            {
                json.WriteStartArray("diagnostics");
                foreach (var d in report.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("file", d.Path);
                    json.WriteNumber("line", d.Line);
                    json.WriteNumber("column", d.Column);
                    json.WriteString("severity", d.Severity);
                    json.WriteString("id", d.Id);
                    json.WriteString("message", d.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static string Status(GradeStatus status) => status switch
    {
        GradeStatus.Pass => "pass",
        GradeStatus.Fail => "fail",
        _ => "error",
    };

    internal static string WithHint(CheckReport check) =>
        check.Spec.Hint.Length > 0 && check.Status is CheckStatus.Fail or CheckStatus.Error ? $"{check.Message}\nhint: {check.Spec.Hint}" : check.Message ?? "";

    private static string Truncate(string output) =>
        output.Length <= MaxOutputChars ? output : output[..(MaxOutputChars - 40)] + string.Create(CultureInfo.InvariantCulture, $"\n… ({output.Length - MaxOutputChars + 40} more characters)");
}
