using Course.Grading.Compilation;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Reports;
using Spectre.Console;

namespace Course.Grading.Tests.Reports;

public sealed class ReportRendererTests
{
    private static readonly CheckSpec Ok = new("valid-user", "Valid user_id returns 200", 2, 1, "Return statusCode 200.", 10);
    private static readonly CheckSpec Missing = new("missing-user-id", "Missing user_id returns 400", 3, 2, "Check for user_id before using it.", 15);

    private static GradeReport FailedRun() => new(
        "01-hello-api",
        "Hello API",
        GradeStatus.Fail,
        null,
        Array.Empty<CompileDiagnostic>(),
        new[]
        {
            new CheckReport(Ok, CheckStatus.Pass, null, "START RequestId: r1\nprocessed u-1\n", "[Check(\"valid-user\")]\npublic static void ValidUser(CheckContext ctx) { }"),
            new CheckReport(Missing, CheckStatus.Fail, "observed: status 500 (the handler threw KeyNotFoundException)\nexpected: status 400 with {\"error\":\"user_id required\"}\nnext step: return 400 when user_id is missing", "", "[Check(\"missing-user-id\")]\npublic static void Missing(CheckContext ctx) { }"),
        },
        new RunSummary(4, 2, 1, 0, 0, 12.5, 40.25, 57, 0.0000013123m),
        42,
        1234.5);

    private static GradeReport CompileErrorRun() => new(
        "01-hello-api",
        "Hello API",
        GradeStatus.Error,
        "Function.cs:8:23: error CS1002: ; expected\n        return missing\n                      ^\n\n1 error",
        new[] { new CompileDiagnostic("Function.cs", 8, 23, "error", "CS1002", "; expected", "        return missing") },
        Array.Empty<CheckReport>(),
        RunSummary.Empty,
        1,
        80);

    [Fact]
    public void Json_FailedRun_MatchesExercismV3Golden()
    {
        Fixture.AssertMatches("failed-run.results.json", JsonReportRenderer.Render(FailedRun()));
    }

    [Fact]
    public void Json_CompileError_StatusErrorWithMessageGolden()
    {
        Fixture.AssertMatches("compile-error.results.json", JsonReportRenderer.Render(CompileErrorRun()));
    }

    [Fact]
    public void Json_AnyRun_HasNoWallClockValue()
    {
        var json = JsonReportRenderer.Render(FailedRun());

        Assert.DoesNotContain("1234", json, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(3, doc.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("fail", doc.RootElement.GetProperty("status").GetString());
        var test = doc.RootElement.GetProperty("tests")[1];
        Assert.Equal(2, test.GetProperty("task_id").GetInt32());
        Assert.EndsWith("hint: Check for user_id before using it.", test.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_FailedRun_MatchesGolden()
    {
        Fixture.AssertMatches("failed-run.junit.xml", JUnitReportRenderer.Render(FailedRun()));
    }

    [Fact]
    public void JUnit_CompileError_MatchesGolden()
    {
        Fixture.AssertMatches("compile-error.junit.xml", JUnitReportRenderer.Render(CompileErrorRun()));
    }

    [Fact]
    public void Text_FailedRunWithLogs_MatchesGolden()
    {
        Fixture.AssertMatches("failed-run.txt", RenderText(FailedRun(), showLogs: true));
    }

    [Fact]
    public void Text_CompileError_MatchesGolden()
    {
        Fixture.AssertMatches("compile-error.txt", RenderText(CompileErrorRun(), showLogs: false));
    }

    [Fact]
    public void Text_NarrowConsole_WrappedLinesStayUnderTheirLabel_AndKeepTheLogGutter()
    {
        var longObserved = "observed: " + string.Join(' ', Enumerable.Repeat("word", 30));
        var report = FailedRun() with
        {
            Checks = [new CheckReport(Missing, CheckStatus.Fail, longObserved + "\nexpected: x\nnext step: y", "START " + string.Join(' ', Enumerable.Repeat("log", 30)) + "\n", "")],
        };
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 60;

        TextReportRenderer.Render(report, console, showLogs: true, showMeasured: false);

        var lines = writer.ToString().Split('\n');
        var observed = Array.FindIndex(lines, l => l.StartsWith("      observed:  word", StringComparison.Ordinal));
        Assert.True(observed >= 0, writer.ToString());
        Assert.StartsWith("                 word", lines[observed + 1], StringComparison.Ordinal);   // under the text, not at column 0
        var logs = lines.Where(l => l.Contains("log log", StringComparison.Ordinal)).ToList();
        Assert.True(logs.Count > 1, writer.ToString());
        Assert.All(logs, l => Assert.StartsWith("      │ ", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 60, $"longer than the console: '{l}'"));
    }

    [Fact]
    public void Text_NotRunCheck_SaysWhy_AndShowsNoHint()
    {
        var report = FailedRun() with
        {
            Checks = [new CheckReport(Missing, CheckStatus.NotRun, "not run: the worker was stopped during check 'valid-user', before this check started; fix that one first", "", "")],
        };

        var text = RenderText(report, showLogs: false);

        Assert.Contains("– Missing user_id returns 400", text, StringComparison.Ordinal);
        Assert.Contains("not run: the worker was stopped", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hint:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Measured_LabelledAsRealTime()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });

        TextReportRenderer.Render(FailedRun(), console);

        Assert.Contains("measured: 1235 ms of real time to grade (not part of results.json)", writer.ToString(), StringComparison.Ordinal);
    }

    private static string RenderText(GradeReport report, bool showLogs)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 120;
        TextReportRenderer.Render(report, console, showLogs, showMeasured: false);
        return writer.ToString().ReplaceLineEndings("\n");
    }
}
