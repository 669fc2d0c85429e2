using System.Globalization;
using System.Text;
using System.Xml;

namespace Course.Grading.Reports;

/// <summary>Renders a report as JUnit XML for CI systems. Deterministic: no timestamps or durations.</summary>
public static class JUnitReportRenderer
{
    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The XML text, ending with a newline.</returns>
    public static string Render(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            var isError = report.Status == GradeStatus.Error;
            var tests = isError ? 1 : report.Checks.Count;
            var failures = report.Checks.Count(c => c.Status is CheckStatus.Fail or CheckStatus.NotRun);
            var errors = isError ? 1 : report.Checks.Count(c => c.Status == CheckStatus.Error);
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", "course grade");
            writer.WriteAttributeString("tests", Int(tests));
            writer.WriteAttributeString("failures", Int(failures));
            writer.WriteAttributeString("errors", Int(errors));
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", report.ExerciseId);
            writer.WriteAttributeString("tests", Int(tests));
            writer.WriteAttributeString("failures", Int(failures));
            writer.WriteAttributeString("errors", Int(errors));
            writer.WriteAttributeString("skipped", "0");
            writer.WriteStartElement("properties");
            Property(writer, "seed", Int(report.Seed));
            Property(writer, "score", Int(report.Score));
            Property(writer, "maxScore", Int(report.MaxScore));
            Property(writer, "invocations", Int(report.Summary.Invocations));
            Property(writer, "coldStarts", Int(report.Summary.ColdStarts));
            Property(writer, "costUsd", Math.Round(report.Summary.CostUsd, 10).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            if (isError)
            {
                writer.WriteStartElement("testcase");
                writer.WriteAttributeString("classname", report.ExerciseId);
                writer.WriteAttributeString("name", "compile");
                writer.WriteStartElement("error");
                writer.WriteAttributeString("message", FirstLine(report.Message ?? "error"));
                writer.WriteAttributeString("type", "CompileError");
                writer.WriteString(report.Message ?? "");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            foreach (var check in report.Checks)
            {
                writer.WriteStartElement("testcase");
                writer.WriteAttributeString("classname", report.ExerciseId);
                writer.WriteAttributeString("name", $"{check.Spec.Id}: {check.Spec.Title}");
                if (check.Status != CheckStatus.Pass)
                {
                    var message = JsonReportRenderer.WithHint(check);
                    writer.WriteStartElement(check.Status is CheckStatus.Fail or CheckStatus.NotRun ? "failure" : "error");
                    writer.WriteAttributeString("message", FirstLine(message));
                    writer.WriteAttributeString("type", check.Status switch { CheckStatus.Fail => "CheckFailed", CheckStatus.NotRun => "CheckNotRun", _ => "CheckError" });
                    writer.WriteString(message);
                    writer.WriteEndElement();
                }

                if (check.Output.Length > 0)
                {
                    writer.WriteElementString("system-out", check.Output);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return builder.Append('\n').ToString();
    }

    private static void Property(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement("property");
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("value", value);
        writer.WriteEndElement();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FirstLine(string text) => text.Split('\n')[0];

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
