using System.Runtime.CompilerServices;
using Course.Grading.Exercises;
using Course.Grading.Reports;
using Spectre.Console;

namespace Course.Grading.Tests.Exercises;

/// <summary>
/// The course's graded exercises (exercises/ at the repository root): every solution scores 100 %, every starter
/// fails with its hint, every deliberately wrong handler (Wrong/&lt;exercise&gt;/*.cs, first line
/// <c>// expect-fail: &lt;check-id&gt;</c>) fails exactly the check meant to catch it, and a run is reproducible.
/// </summary>
public sealed class CourseExerciseTests
{
    private static readonly Grader Grader = new();

    public static TheoryData<string> ExerciseIds => new() { "01-hello-api", "02-remaining-time", "04-init-once", "05-sqs-batch", "11-cold-start-tuning" };

    public static TheoryData<string, string> WrongHandlers()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(WrongRoot()).OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(dir), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public async Task Solution_AllChecks_Pass(string exercise)
    {
        var report = await Grade(exercise, Path.Combine(ExerciseDir(exercise), "solution", "Function.cs"));

        Assert.True(report.Status == GradeStatus.Pass, Describe(report));
        Assert.Equal(report.MaxScore, report.Score);
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public async Task Starter_FailsAtLeastOneCheck_WithItsHint(string exercise)
    {
        var report = await Grade(exercise, null);

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.Equal(1, report.ExitCode);
        var failed = report.Checks.Where(c => c.Status == CheckStatus.Fail).ToList();
        Assert.NotEmpty(failed);
        Assert.DoesNotContain(report.Checks, c => c.Status == CheckStatus.Error);
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 2000;
        TextReportRenderer.Render(report, console, showLogs: false, showMeasured: false);
        var text = writer.ToString();
        foreach (var check in failed)
        {
            Assert.False(string.IsNullOrWhiteSpace(check.Spec.Hint), $"check {check.Spec.Id} has no hint");
            Assert.Contains(check.Spec.Hint, text, StringComparison.Ordinal);
            Assert.Contains("observed: ", check.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(WrongHandlers))]
    public async Task WrongHandler_FailsExactlyTheCheckMeantToCatchIt(string exercise, string file)
    {
        var path = Path.Combine(WrongRoot(), exercise, file);
        var first = File.ReadLines(path).First();
        Assert.StartsWith("// expect-fail: ", first, StringComparison.Ordinal);
        var expected = first["// expect-fail: ".Length..].Trim();

        var report = await Grade(exercise, path);

        var failed = report.Checks.Where(c => c.Status != CheckStatus.Pass).Select(c => c.Spec.Id).ToList();
        Assert.True(failed.SequenceEqual(new[] { expected }), $"{file}: expected only {expected} to fail, got [{string.Join(", ", failed)}]\n{Describe(report)}");
        Assert.Equal(CheckStatus.Fail, report.Checks.Single(c => c.Spec.Id == expected).Status);
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public void Readme_HasATaskHeadingForEveryCheckTask(string exercise)
    {
        var definition = ExerciseLoader.Load(ExerciseDir(exercise));
        var readme = File.ReadAllText(Path.Combine(ExerciseDir(exercise), "README.md"));

        Assert.Equal(exercise, definition.Id);
        foreach (var task in definition.Checks.Select(c => c.Task).Distinct())
        {
            Assert.Contains($"\n## Task {task} — ", readme, StringComparison.Ordinal);
        }

        Assert.DoesNotContain($"\n## Task {definition.Checks.Max(c => c.Task) + 1} ", readme, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public async Task Grade_SameFileAndSeed_ByteIdenticalResultsJson(string exercise)
    {
        var options = new GradeOptions { ExerciseDirectory = ExerciseDir(exercise), Seed = 11, DisplayRoot = RepoRoot() };

        var first = JsonReportRenderer.Render(await Grader.GradeAsync(options));
        var second = JsonReportRenderer.Render(await new Grader().GradeAsync(options));

        Assert.Equal(first, second);
    }

    private static Task<GradeReport> Grade(string exercise, string? file) =>
        Grader.GradeAsync(new GradeOptions { ExerciseDirectory = ExerciseDir(exercise), HandlerFile = file, DisplayRoot = RepoRoot() });

    private static string Describe(GradeReport report) =>
        $"{report.Status} {report.Score}/{report.MaxScore} {report.Message}\n"
        + string.Join("\n", report.Checks.Select(c => $"[{c.Status}] {c.Spec.Id}: {c.Message}\n{c.Output}"));

    private static string ExerciseDir(string exercise) => Path.Combine(RepoRoot(), "exercises", exercise);

    private static string WrongRoot([CallerFilePath] string caller = "") => Path.Combine(Path.GetDirectoryName(caller)!, "Wrong");

    private static string RepoRoot([CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller)!;
        while (!File.Exists(Path.Combine(dir, "Course.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Course.sln not found above " + caller);
        }

        return dir;
    }
}
