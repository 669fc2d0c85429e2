using System.Runtime.CompilerServices;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
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

    public static TheoryData<string> ExerciseIds => new() { "01-hello-api", "02-remaining-time", "03-compute-advisor", "04-init-once", "05-sqs-batch", "06-s3-async", "07-stream-poison", "08-eventbridge-rules", "09-summarize-pipeline", "10-sam-template", "11-cold-start-tuning", "12-cost-estimate", "13-state-machine" };

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
            AssertHintDoesNotRepeatTheNextStep(check);
        }
    }

    private static void AssertHintDoesNotRepeatTheNextStep(CheckReport check)
    {
        var next = (check.Message ?? "").Split('\n').FirstOrDefault(l => l.StartsWith("next step: ", StringComparison.Ordinal))?["next step: ".Length..];
        Assert.False(next is not null && (check.Spec.Hint.Contains(next, StringComparison.OrdinalIgnoreCase) || next.Contains(check.Spec.Hint, StringComparison.OrdinalIgnoreCase)),
            $"{check.Spec.Id}: the hint repeats the next step ('{next}')");
        Assert.DoesNotContain("catch (JsonReaderException", check.Message ?? "", StringComparison.Ordinal);   // advice names public types
    }

    [Theory]
    [MemberData(nameof(WrongHandlers))]
    public async Task WrongHandler_FailsExactlyTheCheckMeantToCatchIt(string exercise, string file)
    {
        var path = Path.Combine(WrongRoot(), exercise, file);
        var first = File.ReadLines(path).First();
        Assert.StartsWith("// expect-fail: ", first, StringComparison.Ordinal);
        var expected = first["// expect-fail: ".Length..].Trim();

        var report = await Grade(exercise, WrongFixture.HandlerToGrade(ExerciseDir(exercise), path));

        var failed = report.Checks.Where(c => c.Status != CheckStatus.Pass).Select(c => c.Spec.Id).ToList();
        Assert.True(failed.SequenceEqual(new[] { expected }), $"{file}: expected only {expected} to fail, got [{string.Join(", ", failed)}]\n{Describe(report)}");
        Assert.Equal(CheckStatus.Fail, report.Checks.Single(c => c.Spec.Id == expected).Status);
        AssertHintDoesNotRepeatTheNextStep(report.Checks.Single(c => c.Spec.Id == expected));
    }

    [Fact]
    public async Task HelloApi_Starter_AdviceFollowsTheObservation_AndNamesCatchableTypes()
    {
        var report = await Grade("01-hello-api", null);
        string Message(string id) => report.Checks.Single(c => c.Spec.Id == id).Message ?? "";

        // JsonNode.Parse throws System.Text.Json's internal JsonReaderException: the advice names JsonException.
        Assert.Contains("an internal type; catch its public base type JsonException", Message("invalid-json"), StringComparison.Ordinal);
        Assert.Contains("next step: wrap the parsing in try { … } catch (JsonException)", Message("invalid-json"), StringComparison.Ordinal);
        Assert.Contains("API Gateway answered 500", Message("invalid-json"), StringComparison.Ordinal);
        // The starter parses base64 text as JSON and throws: the advice is to decode, because that is what happened.
        Assert.Contains("next step: the body is base64 text, not JSON", Message("base64-body"), StringComparison.Ordinal);
        // The starter answers 200 without user_id: the advice is the check, not a status code change.
        Assert.Contains("next step: check for user_id before answering 200", Message("missing-user-id"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public void StarterCopy_IsTheStarter(string exercise)
    {
        // `course reset` restores every learner file from .starter/ (the handler, the learner settings, learnerFiles:):
        // in the course's repository each must have a copy there equal to the shipped starter, and nothing else is there.
        var definition = ExerciseLoader.Load(ExerciseDir(exercise));
        var learnerFiles = new[] { definition.Handler.File }
            .Concat(definition.Trigger.LearnerSettingsFile is { } settings ? [settings] : [])
            .Concat(definition.LearnerFiles.Select(f => f.Name))
            .ToList();
        foreach (var file in learnerFiles)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(ExerciseDir(exercise), file)),
                File.ReadAllText(Path.Combine(ExerciseDir(exercise), ".starter", file)));
        }

        var starter = Path.Combine(ExerciseDir(exercise), ".starter");
        Assert.Equal(learnerFiles.Order(StringComparer.Ordinal),
            Directory.GetFiles(starter, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(starter, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CompileError_MaxScore_IsTheExercisesTotal()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Environment.ProcessId}.cs");
        await File.WriteAllTextAsync(broken, "namespace HelloApi; public class Function { public int FunctionHandler() => nope; }");
        try
        {
            var report = await Grade("01-hello-api", broken);
            Assert.Equal(GradeStatus.Error, report.Status);
            Assert.Equal(ExerciseLoader.Load(ExerciseDir("01-hello-api")).MaxScore, report.MaxScore);
            Assert.Contains("\"maxScore\": 10", JsonReportRenderer.Render(report).Replace("\"maxScore\":10", "\"maxScore\": 10", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
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
