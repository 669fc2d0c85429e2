using Course.Grading.Reports;

namespace Course.Grading.Tests.Isolation;

/// <summary>Each hostile handler yields a clear failed report: never a hang, never a crash of the grader.</summary>
public sealed class HostileCodeTests
{
    private static readonly Grader Grader = new();

    private static Task<GradeReport> GradeHostile(string name, double seconds = 20, bool skipSafety = false) =>
        Grader.GradeAsync(new GradeOptions
        {
            ExerciseDirectory = Fixture.Hello,
            HandlerFile = Fixture.Hostile(name),
            WallClockSeconds = seconds,
            SkipSafetyRules = skipSafety,
        });

    [Fact]
    public async Task Grade_InfiniteLoop_KilledAfterWallClockLimitWithClearMessage()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var report = await GradeHostile("InfiniteLoop", seconds: 5);

        Assert.InRange(watch.Elapsed.TotalSeconds, 5, 30);
        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.Equal(1, report.ExitCode);
        var first = report.Checks[0];
        Assert.Equal(CheckStatus.Fail, first.Status);
        Assert.StartsWith("observed: the function was still running after 5 s of real time and was stopped", first.Message, StringComparison.Ordinal);
        Assert.Contains("next step: look for a loop", first.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.NotRun, report.Checks[1].Status);
        Assert.Equal("not run: the worker was stopped during check 'greets-by-name', before this check started; fix that one first", report.Checks[1].Message);
        Assert.Equal(report.Checks.Sum(c => c.Spec.Points), report.MaxScore);
        Assert.DoesNotContain("hint:", JsonReportRenderer.Render(report).Split("\"name\"")[^1], StringComparison.Ordinal);   // the last check never ran: no hint
    }

    [Fact]
    public async Task TIME_01_Grade_SleepPastTheTimeout_TimesOutInsteadOfPassing()
    {
        var report = await GradeHostile("SleepPastTimeout");

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.Equal(CheckStatus.Fail, report.Checks[0].Status);
        Assert.Contains("Task timed out after 5.00 seconds", report.Checks[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_HandlerReadingTheEnvironment_SeesNothingOfTheGradingMachine()
    {
        System.Environment.SetEnvironmentVariable("COURSE_TEST_MACHINE_TOKEN", "tok-never-leaks");
        try
        {
            var report = await GradeHostile("ReadsMachineSecret");

            var text = string.Join("\n", report.Checks.Select(c => c.Message + c.Output));
            Assert.DoesNotContain("tok-never-leaks", text, StringComparison.Ordinal);
            Assert.DoesNotContain("COURSE_TEST_MACHINE_TOKEN", text, StringComparison.Ordinal);
            Assert.Contains("AWS_LAMBDA_FUNCTION_NAME=", text, StringComparison.Ordinal);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("COURSE_TEST_MACHINE_TOKEN", null);
        }
    }

    [Fact]
    public async Task Grade_StackOverflow_ReportsRecursion()
    {
        var report = await GradeHostile("StackOverflow");

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.StartsWith("observed: the process crashed with a stack overflow", report.Checks[0].Message, StringComparison.Ordinal);
        Assert.Contains("recursion without a base case", report.Checks[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_OutOfMemory_ReportsHeapLimit()
    {
        var report = await GradeHostile("OutOfMemory");

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.Equal(CheckStatus.Fail, report.Checks[0].Status);
        Assert.All(report.Checks.Skip(1), c => Assert.True(c.Status is CheckStatus.Fail or CheckStatus.NotRun, $"{c.Spec.Id}: {c.Status}"));
        Assert.Contains("ran out of memory (the worker's heap limit is 128 MB)", report.Checks[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_EnvironmentExit_RejectedAtCompileTime()
    {
        var report = await GradeHostile("EnvironmentExit");

        Assert.Equal(GradeStatus.Error, report.Status);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains(report.Diagnostics, d => d.Id == "SBX003" && d.Line == 11);
    }

    [Fact]
    public async Task Grade_EnvironmentExitSlippingPastRules_ContainedAsFailure()
    {
        var report = await GradeHostile("EnvironmentExit", skipSafety: true);

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.StartsWith("observed: the function's process exited with code 3 in the middle of the check", report.Checks[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("not run:", report.Checks[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_ThrowingBackgroundThread_ReportsUnhandledException()
    {
        var report = await GradeHostile("BackgroundThrow");

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.StartsWith("observed: an unhandled System.InvalidOperationException crashed the function's process: background boom", report.Checks[0].Message, StringComparison.Ordinal);
        Assert.Contains("BackgroundThrow.cs:", report.Checks[0].Message, StringComparison.Ordinal);
    }
}
