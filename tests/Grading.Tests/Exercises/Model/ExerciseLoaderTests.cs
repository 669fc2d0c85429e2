using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Tests.Exercises.Model;

public sealed class ExerciseLoaderTests
{
    private const string Valid = """
        id: 05-sqs-batch
        title: SQS batch
        lesson: 05-event-sources
        handler:
          file: Function.cs
          type: Orders.Function
          method: FunctionHandler
        function:
          memory: 256
          timeout: 30
          environment:
            TABLE: orders
        trigger:
          kind: sqs
          settings:
            batchSize: 10
            maxReceiveCount: 3
        checks:
          - id: partial-batch
            title: Reports only the failed message
            points: 3
            task: 2
            hint: Return SQSBatchResponse with the failed ids.
          - id: idempotent
            title: Writes once per message
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var exercise = ExerciseLoader.Parse(Valid, "exercise.yaml");

        Assert.Equal("05-sqs-batch", exercise.Id);
        Assert.Equal(new HandlerSpec("Function.cs", "Orders.Function", "FunctionHandler"), exercise.Handler);
        Assert.Equal(256, exercise.Function.MemorySize);
        Assert.Equal(30, exercise.Function.TimeoutSeconds);
        Assert.Equal("05-sqs-batch", exercise.Function.Name);
        Assert.Equal("orders", exercise.Function.Environment["TABLE"]);
        Assert.Equal(TriggerKind.Sqs, exercise.Trigger.Kind);
        Assert.Equal("3", exercise.Trigger.Settings["maxReceiveCount"]);
        Assert.Equal(new[] { "Checks.cs" }, exercise.ChecksFiles);
        Assert.Equal(2, exercise.Checks.Count);
        Assert.Equal(new CheckSpec("partial-batch", "Reports only the failed message", 3, 2, "Return SQSBatchResponse with the failed ids.", 19), exercise.Checks[0]);
        Assert.Equal(1, exercise.Checks[1].Points);
        Assert.Equal(1, exercise.Checks[1].Task);
        Assert.Equal(4, exercise.MaxScore);
        Assert.Equal(new GradingLimits(), exercise.Limits);
    }

    [Theory]
    [InlineData("  timeout: 30", "  timout: 30", "exercise.yaml:10:3: error: unknown key 'timout' in function; allowed keys: name, memory, timeout, environment, reservedConcurrency")]
    [InlineData("lesson: 05-event-sources", "Lesson: x", "exercise.yaml:3:1: error: unknown key 'Lesson' in the top level (did you mean 'lesson'?); allowed keys: id, title, lesson, handler, function, trigger, checks, checksFiles, learnerFiles, limits")]
    [InlineData("  memory: 256", "  memory: 64", "exercise.yaml:9:11: error: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240 (MB)")]
    [InlineData("  timeout: 30", "  timeout: 901", "exercise.yaml:10:12: error: Value '901' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900 (seconds)")]
    [InlineData("  kind: sqs", "  kind: kafka", "exercise.yaml:14:9: error: unknown trigger kind 'kafka'; use one of: apigw, sqs, s3, dynamodb, direct")]
    [InlineData("    points: 3", "    points: three", "exercise.yaml:21:13: error: 'points' must be a whole number, got 'three'")]
    [InlineData("  - id: idempotent", "  - id: partial-batch", "exercise.yaml:24:9: error: duplicate check id 'partial-batch': every check needs its own id")]
    [InlineData("  - id: idempotent", "  - id: Idempotent", "exercise.yaml:24:9: error: check id 'Idempotent' must be lower-case letters, digits and '-' (e.g. missing-user-id)")]
    [InlineData("  type: Orders.Function\n", "", "exercise.yaml:5:3: error: missing key 'type'")]
    public void Parse_BadValue_ErrorNamesFileLineColumnAndFix(string find, string replace, string expected)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);

        var error = Assert.Throws<ExerciseFormatException>(() => ExerciseLoader.Parse(yaml, "exercise.yaml"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsPosition()
    {
        var error = Assert.Throws<ExerciseFormatException>(() => ExerciseLoader.Parse("id: x\ntitle: [unclosed\nchecks: []\n", "ex/exercise.yaml"));

        Assert.StartsWith("ex/exercise.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains(": error: invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoChecks_ExplainsWhatToAdd()
    {
        var yaml = Valid[..Valid.IndexOf("checks:", StringComparison.Ordinal)];

        var error = Assert.Throws<ExerciseFormatException>(() => ExerciseLoader.Parse(yaml, "exercise.yaml"));

        Assert.Equal("exercise.yaml:1:1: error: missing key 'checks': list the graded checks (id, title, points, task, hint)", error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysWhatToPass()
    {
        var error = Assert.Throws<ExerciseFormatException>(() => ExerciseLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-exercise-dir"), "nowhere/exercise.yaml"));

        Assert.Equal("nowhere/exercise.yaml: error: file not found. An exercise folder needs an exercise.yaml; check the folder you passed to `grade`.", error.Message);
    }
}
