using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Reports;

namespace Course.Grading.Tests.Exercises.Model;

public sealed class LearnerFileTests : IDisposable
{
    private const string Yaml =
        "id: files\n" +
        "title: Files\n" +
        "handler: { file: Function.cs, type: Hello.Function, method: FunctionHandler }\n" +
        "learnerFiles: [greeting.txt]\n" +
        "checks:\n" +
        "  - id: greeting\n" +
        "    title: The greeting file says hi\n" +
        "    points: 2\n" +
        "    hint: Write hi.\n";

    private const string Checks =
        "using Course.Grading.Exercises;\n" +
        "namespace Files.Checks;\n" +
        "public static class FileChecks\n" +
        "{\n" +
        "    [Check(\"greeting\")]\n" +
        "    public static Task Greeting(CheckContext ctx)\n" +
        "    {\n" +
        "        var file = ctx.GetLearnerFile(\"greeting.txt\");\n" +
        "        CheckContext.Require(file.Text!.Trim() == \"hi\", $\"{file.DisplayPath} says '{file.Text.Trim()}'\", \"hi\", \"write hi\");\n" +
        "        return Task.CompletedTask;\n" +
        "    }\n" +
        "}\n";

    private static readonly Grader Grader = new();

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("learner-files-");

    public LearnerFileTests()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "exercise.yaml"), Yaml);
        File.WriteAllText(Path.Combine(_dir.FullName, "Checks.cs"), Checks);
        File.Copy(Path.Combine(Fixture.Hello, "Function.cs"), Path.Combine(_dir.FullName, "Function.cs"));
        File.Copy(Path.Combine(Fixture.Hello, "Function.cs"), Path.Combine(_dir.FullName, "Other.cs"));
    }

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Load_LearnerFiles_AreListedInOrderWithoutText()
    {
        var exercise = ExerciseLoader.Parse(Yaml.Replace("[greeting.txt]", "[greeting.txt, template.yaml]", StringComparison.Ordinal), "exercise.yaml");

        Assert.Equal(new[] { "greeting.txt", "template.yaml" }, exercise.LearnerFiles.Select(f => f.Name));
        Assert.All(exercise.LearnerFiles, f => Assert.Null(f.Text));
    }

    [Theory]
    [InlineData("learnerFiles: []", "exercise.yaml:4:15: error: learnerFiles must be a non-empty list")]
    [InlineData("learnerFiles: [../secret.txt]", "exercise.yaml:4:16: error: learnerFiles entry '../secret.txt' must be a plain file name")]
    public void Load_BadLearnerFiles_IsAnErrorWithFileLineColumn(string line, string expected)
    {
        var error = Assert.Throws<ExerciseFormatException>(() => ExerciseLoader.Parse(Yaml.Replace("learnerFiles: [greeting.txt]", line, StringComparison.Ordinal), "exercise.yaml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_ChecksReadTheLearnersFile_HandlerSpecificCopyFirst()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "greeting.txt"), "hi\n");
        File.WriteAllText(Path.Combine(_dir.FullName, "Other.greeting.txt"), "hello\n");

        var shared = await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = _dir.FullName, DisplayRoot = _dir.FullName });
        var specific = await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = _dir.FullName, HandlerFile = Path.Combine(_dir.FullName, "Other.cs"), DisplayRoot = _dir.FullName });

        Assert.Equal((GradeStatus.Pass, 2), (shared.Status, shared.Score));
        Assert.Equal(CheckStatus.Fail, specific.Checks.Single().Status);
        Assert.Contains("Other.greeting.txt says 'hello'", specific.Checks.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_MissingLearnerFile_FailsTheCheckAndSaysHowToRestoreIt()
    {
        var report = await Grader.GradeAsync(new GradeOptions { ExerciseDirectory = _dir.FullName, DisplayRoot = _dir.FullName });

        var check = report.Checks.Single();
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("greeting.txt is missing beside Function.cs", check.Message, StringComparison.Ordinal);
        Assert.Contains("./course reset files", check.Message, StringComparison.Ordinal);
    }
}
