using Course.Cli.Commands;
using Course.Cli.Exercises;

namespace Course.Cli.Tests.Exercises;

/// <summary>A throw-away course (two exercises copied from the grader's fixture, one lesson) for the exercise-list tests.</summary>
public sealed class CourseLayoutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("course-layout-tests").FullName;

    public CourseLayoutTests()
    {
        foreach (var id in new[] { "01-hello", "02-hello-again" })
        {
            var dir = Path.Combine(_root, "exercises", id);
            Directory.CreateDirectory(Path.Combine(dir, ".starter"));
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hello")))
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }

            File.Copy(Path.Combine(dir, "Function.cs"), Path.Combine(dir, ".starter", "Function.cs"));
        }

        Directory.CreateDirectory(Path.Combine(_root, "lessons"));
        File.WriteAllText(Path.Combine(_root, "lessons", "04-handler-anatomy.md"), "---\nid: 04-handler-anatomy\ntitle: \"Anatomy of a handler\"\n---\n# x\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CourseLayout Layout => CourseLayout.Find(Path.Combine(_root, "exercises", "01-hello"))!;

    [Theory]
    [InlineData("01", "01-hello")]
    [InlineData("1", "01-hello")]
    [InlineData("01-hello", "01-hello")]
    [InlineData("exercises/02-hello-again", "02-hello-again")]
    [InlineData("exercises/02-hello-again/", "02-hello-again")]
    [InlineData("hello-again", "02-hello-again")]
    public void Resolve_NumberIdOrName_FindsTheExercise(string typed, string expected)
    {
        var found = Layout.Resolve(typed, out var error);
        Assert.Equal(Path.Combine(_root, "exercises", expected), found);
        Assert.Equal("", error);
    }

    [Fact]
    public void Resolve_Unknown_ListsTheExercises()
    {
        Assert.Null(Layout.Resolve("07", out var error));
        Assert.Contains("no exercise '07'", error, StringComparison.Ordinal);
        Assert.Contains("01-hello, 02-hello-again", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_FromInsideAnExercise_FindsTheRoot_AndLessonTitlesLoseTheirQuotes()
    {
        Assert.Equal(_root, Layout.Root);
        Assert.Equal("Anatomy of a handler", Layout.LessonTitle("04-handler-anatomy"));
        Assert.Null(CourseLayout.Find(Path.GetTempPath()) is { } other && other.Root == _root ? other : null);
    }

    [Fact]
    public void State_NotStarted_Edited_Graded_Passed()
    {
        var exercise = Layout.Exercises()[0];
        var progress = new ProgressStore(Layout);
        Assert.Equal("not started", ExerciseState.Of(exercise, progress).Label);

        File.AppendAllText(exercise.HandlerPath, "\n// edited\n");
        Assert.Equal("edited, not graded yet", ExerciseState.Of(exercise, progress).Label);

        progress.Put(exercise.Id, new ProgressRecord(1, 3, "fail", ProgressStore.Hash(exercise.HandlerPath)));
        Assert.Equal("1/3", ExerciseState.Of(exercise, progress).Label);

        progress.Put(exercise.Id, new ProgressRecord(3, 3, "pass", ProgressStore.Hash(exercise.HandlerPath)));
        var passed = ExerciseState.Of(exercise, progress);
        Assert.True(passed.Passed);
        Assert.Equal("passed", passed.Label);

        File.AppendAllText(exercise.HandlerPath, "// again\n");
        Assert.Equal("3/3 (edited since)", ExerciseState.Of(exercise, progress).Label);
        Assert.True(File.Exists(Path.Combine(_root, ".build", "progress", "01-hello.json")));   // the tool's state, not in the exercise
    }

    [Fact]
    public void Reset_RestoresTheStarter_KeepsTheLearnersFileAsBackup_AndForgetsTheGrade()
    {
        var exercise = Layout.Exercises()[0];
        var starter = File.ReadAllText(exercise.HandlerPath);
        File.WriteAllText(exercise.HandlerPath, "// my work\n");
        new ProgressStore(Layout).Put(exercise.Id, new ProgressRecord(0, 3, "error", ""));
        var stdout = new StringWriter();

        var exit = ResetCommand.Run("01", _root, stdout, new StringWriter(), new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Local));

        Assert.Equal(0, exit);
        Assert.Equal(starter, File.ReadAllText(exercise.HandlerPath));
        Assert.Equal("// my work\n", File.ReadAllText(exercise.HandlerPath + ".bak-20261201-093000"));
        Assert.Null(new ProgressStore(Layout).Get(exercise.Id));
        Assert.Contains("restored the starter", stdout.ToString(), StringComparison.Ordinal);

        var again = new StringWriter();
        Assert.Equal(0, ResetCommand.Run("01", _root, again, new StringWriter(), DateTime.Now));
        Assert.Contains("already the starter", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_WithoutAStarterCopy_Exits2_AndSaysWhatIsMissing()
    {
        File.Delete(Path.Combine(_root, "exercises", "02-hello-again", ".starter", "Function.cs"));
        var stderr = new StringWriter();
        Assert.Equal(2, ResetCommand.Run("02", _root, new StringWriter(), stderr, DateTime.Now));
        Assert.Contains(".starter/Function.cs is missing", stderr.ToString().Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_RestoresEveryLearnerFile_SettingsLearnerFilesAndOtherStarterCopies_EachChangedOneKept()
    {
        var dir = Path.Combine(_root, "exercises", "02-hello-again");
        var yaml = Path.Combine(dir, "exercise.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("trigger:\n  kind: direct\n", "trigger:\n  kind: direct\n  settings: { batchSize: \"10\" }\n  learnerSettings: mapping.yaml\n", StringComparison.Ordinal)
            + "learnerFiles: [template.yaml, definition.asl.json]\n");
        foreach (var (file, text) in new[] { ("mapping.yaml", "batchSize: 10\n"), ("template.yaml", "Resources: {}\n"), ("notes/hints.md", "# hints\n") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, ".starter", file))!);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, file))!);
            File.WriteAllText(Path.Combine(dir, ".starter", file), text);
            File.WriteAllText(Path.Combine(dir, file), text);
        }

        File.WriteAllText(Path.Combine(dir, "Function.cs"), "// my handler\n");
        File.WriteAllText(Path.Combine(dir, "mapping.yaml"), "batchSize: 1\n");
        File.WriteAllText(Path.Combine(dir, "template.yaml"), "Resources: { Mine: {} }\n");
        File.WriteAllText(Path.Combine(dir, "definition.asl.json"), "{}");   // listed, but no starter copy
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = ResetCommand.Run("02", _root, stdout, stderr, new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Local));

        Assert.Equal(0, exit);
        foreach (var file in new[] { "Function.cs", "mapping.yaml", "template.yaml", "notes/hints.md" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(dir, ".starter", file)), File.ReadAllText(Path.Combine(dir, file)));
        }

        Assert.Equal("// my handler\n", File.ReadAllText(Path.Combine(dir, "Function.cs.bak-20261201-093000")));
        Assert.Equal("batchSize: 1\n", File.ReadAllText(Path.Combine(dir, "mapping.yaml.bak-20261201-093000")));
        Assert.Equal("Resources: { Mine: {} }\n", File.ReadAllText(Path.Combine(dir, "template.yaml.bak-20261201-093000")));
        Assert.False(File.Exists(Path.Combine(dir, "notes", "hints.md.bak-20261201-093000")));   // unchanged: left alone, no backup
        Assert.Equal("{}", File.ReadAllText(Path.Combine(dir, "definition.asl.json")));
        Assert.Contains("definition.asl.json has no starter copy", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("restored the starter", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("mapping.yaml", stdout.ToString().Split("restored the starter")[1], StringComparison.Ordinal);
        Assert.Contains("template.yaml", stdout.ToString().Split("restored the starter")[1], StringComparison.Ordinal);
        Assert.Equal(["Function.cs", "mapping.yaml", "template.yaml", "definition.asl.json", "notes/hints.md"], CourseLayout.Describe(dir).StarterFiles);
    }

    [Fact]
    public void State_EditingALearnerSettingsFile_CountsAsAnEdit()
    {
        var dir = Path.Combine(_root, "exercises", "02-hello-again");
        var yaml = Path.Combine(dir, "exercise.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("trigger:\n  kind: direct\n", "trigger:\n  kind: direct\n  settings: { batchSize: \"10\" }\n  learnerSettings: mapping.yaml\n", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir, "mapping.yaml"), "batchSize: 10\n");
        File.WriteAllText(Path.Combine(dir, ".starter", "mapping.yaml"), "batchSize: 10\n");
        var exercise = CourseLayout.Describe(dir);
        var progress = new ProgressStore(Layout);

        Assert.Equal("not started", ExerciseState.Of(exercise, progress).Label);
        File.WriteAllText(Path.Combine(dir, "mapping.yaml"), "batchSize: 1\n");
        Assert.Equal("edited, not graded yet", ExerciseState.Of(exercise, progress).Label);

        progress.Put(exercise.Id, new ProgressRecord(2, 3, "fail", ProgressStore.LearnerHash(exercise)));
        Assert.Equal("2/3", ExerciseState.Of(exercise, progress).Label);
        File.WriteAllText(Path.Combine(dir, "mapping.yaml"), "batchSize: 5\n");   // the handler is unchanged
        Assert.Equal("2/3 (edited since)", ExerciseState.Of(exercise, progress).Label);
        Assert.Equal(ProgressStore.Hash(exercise.HandlerPath), ProgressStore.LearnerHash(CourseLayout.Describe(Path.Combine(_root, "exercises", "01-hello"))));
    }
}
