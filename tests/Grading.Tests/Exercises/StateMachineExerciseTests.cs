using System.Runtime.CompilerServices;
using Course.Grading.Exercises;
using Course.Grading.Reports;

namespace Course.Grading.Tests.Exercises;

/// <summary>
/// Exercise 13-state-machine beyond what <see cref="CourseExerciseTests"/> covers for every exercise: a definition the
/// validator refuses (or that is not JSON) fails each check with the diagnostic at file:line:col — never a crash.
/// </summary>
public sealed class StateMachineExerciseTests : IDisposable
{
    private static readonly Grader Grader = new();

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("state-machine-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Grade_InvalidDefinition_FailsEveryCheckWithTheDiagnosticAtItsLine()
    {
        var solution = await File.ReadAllTextAsync(Path.Combine(ExerciseDir(), "solution", "statemachine.asl.json"));
        var broken = solution.Replace("\"Next\": \"Store\"", "\"Next\": \"Stroe\"", StringComparison.Ordinal);
        Assert.NotEqual(solution, broken);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("\"Stroe\"", StringComparison.Ordinal)) + 1;

        var report = await GradeWith(broken);

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.All(report.Checks, c =>
        {
            Assert.Equal(CheckStatus.Fail, c.Status);
            Assert.Contains($"Bad.statemachine.asl.json:{line}:7: MISSING_TRANSITION_TARGET: ", c.Message, StringComparison.Ordinal);
            Assert.Contains("(at /States/SummarizeChunks/Next)", c.Message, StringComparison.Ordinal);
            Assert.Contains("./course states validate Bad.statemachine.asl.json", c.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Grade_DefinitionThatIsNotJson_FailsWithTheLineAndColumn()
    {
        var report = await GradeWith("{\n  \"StartAt\": \"Extract\",\n  \"States\": {,\n}\n");

        Assert.All(report.Checks, c =>
        {
            Assert.Equal(CheckStatus.Fail, c.Status);
            Assert.Contains("Bad.statemachine.asl.json:3:14: the definition is not valid JSON", c.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Grade_RetryWithFullJitter_PassesTheBackoffCheck()
    {
        // With "JitterStrategy": "FULL" single waits are random below their cap; the check judges the caps' growth.
        var solution = await File.ReadAllTextAsync(Path.Combine(ExerciseDir(), "solution", "statemachine.asl.json"));
        var jitter = solution.Replace("\"MaxDelaySeconds\": 20", "\"MaxDelaySeconds\": 20,\n                \"JitterStrategy\": \"FULL\"", StringComparison.Ordinal);
        Assert.NotEqual(solution, jitter);

        var report = await GradeWith(jitter);

        Assert.Equal(CheckStatus.Pass, report.Checks.Single(c => c.Spec.Id == "retries-with-backoff").Status);
    }

    [Theory]
    [InlineData("statemachine.asl.json")]
    [InlineData("workflow.yaml")]
    public void StarterCopy_HasEveryLearnerFile(string file) =>
        Assert.Equal(File.ReadAllText(Path.Combine(ExerciseDir(), file)), File.ReadAllText(Path.Combine(ExerciseDir(), ".starter", file)));

    private async Task<GradeReport> GradeWith(string definition)
    {
        var handler = Path.Combine(_dir.FullName, "Bad.cs");
        File.Copy(Path.Combine(ExerciseDir(), "solution", "Function.cs"), handler);
        await File.WriteAllTextAsync(Path.Combine(_dir.FullName, "Bad.statemachine.asl.json"), definition);
        return await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = ExerciseDir(), HandlerFile = handler, DisplayRoot = _dir.FullName });
    }

    private static string ExerciseDir([CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller)!;
        while (!File.Exists(Path.Combine(dir, "Course.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Course.sln not found above " + caller);
        }

        return Path.Combine(dir, "exercises", "13-state-machine");
    }
}
