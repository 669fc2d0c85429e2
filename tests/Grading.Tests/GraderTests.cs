using Course.Grading.Reports;

namespace Course.Grading.Tests;

public sealed class GraderTests
{
    private static readonly Grader Grader = new();

    [Fact]
    public async Task Grade_CorrectHandler_AllChecksPassWithSummary()
    {
        var report = await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = Fixture.Hello });

        Assert.True(report.Status == GradeStatus.Pass, string.Join("\n", report.Checks.Select(c => c.Message)) + report.Message);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(3, report.Score);
        Assert.Equal(3, report.MaxScore);
        Assert.Equal(3, report.Summary.Invocations);
        Assert.Equal(2, report.Summary.ColdStarts);
        Assert.Contains("INIT: prefix ready", report.Checks[0].Output, StringComparison.Ordinal);
        Assert.Contains("greeting ada", report.Checks[0].Output, StringComparison.Ordinal);
        Assert.Contains("two invocations, one cold start", report.Checks[1].Output, StringComparison.Ordinal);
        Assert.StartsWith("[Check(\"greets-by-name\")]", report.Checks[0].TestCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_WrongGreeting_FailsWithObservedExpectedAndHint()
    {
        var report = await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = Fixture.Hello, HandlerFile = Path.Combine(Fixture.Hello, "WrongGreeting.cs") });

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(CheckStatus.Fail, report.Checks[0].Status);
        Assert.Equal("observed: the function returned \"hi ada\"\nexpected: \"hello ada\" for {\"name\":\"ada\"}\nnext step: return \"hello \" + request.Name", report.Checks[0].Message);
        Assert.Equal(CheckStatus.Pass, report.Checks[1].Status);
        Assert.Equal(1, report.Score);
    }

    [Fact]
    public async Task Grade_TwiceSameSeed_ByteIdenticalResultsJson()
    {
        var options = new GradeOptions { ExerciseDirectory = Fixture.Hello, Seed = 7 };

        var first = JsonReportRenderer.Render(await Grader.GradeAsync(options));
        var second = JsonReportRenderer.Render(await new Grader().GradeAsync(options));

        Assert.Equal(first, second);
        Assert.DoesNotContain("measured", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_DiskCache_SecondProcessReusesCompilesWithIdenticalResults()
    {
        var cache = Directory.CreateTempSubdirectory("grade-cache-test-");
        try
        {
            var options = new GradeOptions { ExerciseDirectory = Fixture.Hello, CacheDirectory = cache.FullName };
            var exerciseFiles = Directory.GetFiles(Fixture.Hello).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();

            var first = JsonReportRenderer.Render(await new Grader().GradeAsync(options));
            var entries = cache.GetFiles("*.bin", SearchOption.AllDirectories);
            var second = JsonReportRenderer.Render(await new Grader().GradeAsync(options));

            Assert.Equal(2, entries.Length);   // the learner's handler and the checks
            Assert.Equal(first, second);
            Assert.Equal(exerciseFiles, Directory.GetFiles(Fixture.Hello).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList());
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Grade_CompileError_StatusErrorExitCode2WithRenderedDiagnostics()
    {
        var dir = Directory.CreateTempSubdirectory("grade-test-");
        try
        {
            var bad = Path.Combine(dir.FullName, "Broken.cs");
            await File.WriteAllTextAsync(bad, "namespace Hello;\npublic class Function\n{\n    public string FunctionHandler(string s) => s\n}\n");
            var before = await File.ReadAllTextAsync(bad);

            var report = await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = Fixture.Hello, HandlerFile = bad, DisplayRoot = dir.FullName });

            Assert.Equal(GradeStatus.Error, report.Status);
            Assert.Equal(2, report.ExitCode);
            Assert.StartsWith("Broken.cs:4:49: error CS1002: ; expected\n    ", report.Message, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllTextAsync(bad));
            Assert.Single(dir.GetFiles());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Grade_HandlerClassRenamed_ExplainsExpectedType()
    {
        var dir = Directory.CreateTempSubdirectory("grade-test-");
        try
        {
            var file = Path.Combine(dir.FullName, "Function.cs");
            await File.WriteAllTextAsync(file, "namespace Hello;\npublic class Handler { public string FunctionHandler(string s) => s; }\n");

            var report = await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = Fixture.Hello, HandlerFile = file, DisplayRoot = dir.FullName });

            Assert.Equal(GradeStatus.Error, report.Status);
            Assert.Equal("Function.cs:1:1: error: exercise.yaml expects the handler class 'Hello.Function', but Function.cs declares no such class. Keep the namespace and class name from the starter file.", report.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Grade_MissingFolder_ErrorWithUsage()
    {
        var report = await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = "/nonexistent/exercise", DisplayRoot = "/tmp" });

        Assert.Equal(2, report.ExitCode);
        Assert.Equal("/nonexistent/exercise: error: exercise folder not found. Pass a folder that holds an exercise.yaml, e.g. ./grade exercises/01-hello-api", report.Message);
    }
}
