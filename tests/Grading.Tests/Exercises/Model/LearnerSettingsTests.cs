using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Tests.Exercises.Model;

public sealed class LearnerSettingsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "learner-settings-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));

    public LearnerSettingsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ExerciseDefinition Exercise(string? file = "mapping.yaml") => ExerciseLoader.Parse(
        "id: x\n" +
        "title: X\n" +
        "handler: { file: Function.cs, type: A.Function, method: Handle }\n" +
        "trigger:\n" +
        "  kind: dynamodb\n" +
        (file is null ? "" : $"  learnerSettings: {file}\n") +
        "  settings: { batchSize: \"100\", maximumRetryAttempts: \"-1\" }\n" +
        "checks:\n" +
        "  - id: one\n" +
        "    title: One\n",
        "exercise.yaml");

    [Fact]
    public void Apply_WithoutAFile_KeepsTheExercisesSettings()
    {
        var (exercise, file) = LearnerSettings.Apply(Exercise(), Path.Combine(_dir, "Function.cs"), p => p);

        Assert.Null(file);
        Assert.Equal("-1", exercise.Trigger.Settings["maximumRetryAttempts"]);
        Assert.Equal("mapping.yaml", exercise.Trigger.LearnerSettingsFile);
    }

    [Fact]
    public void Apply_HandlerSpecificFileWins_OverTheSharedOne()
    {
        File.WriteAllText(Path.Combine(_dir, "mapping.yaml"), "maximumRetryAttempts: 3\n");
        File.WriteAllText(Path.Combine(_dir, "Other.mapping.yaml"), "maximumRetryAttempts: 7\nbatchSize: 10\n");

        var shared = LearnerSettings.Apply(Exercise(), Path.Combine(_dir, "Function.cs"), p => p).Exercise;
        var specific = LearnerSettings.Apply(Exercise(), Path.Combine(_dir, "Other.cs"), p => p).Exercise;

        Assert.Equal(("3", "100"), (shared.Trigger.Settings["maximumRetryAttempts"], shared.Trigger.Settings["batchSize"]));
        Assert.Equal(("7", "10"), (specific.Trigger.Settings["maximumRetryAttempts"], specific.Trigger.Settings["batchSize"]));
    }

    [Fact]
    public void Apply_UnknownKey_IsAnErrorWithFileLineColumnAndTheAllowedKeys()
    {
        File.WriteAllText(Path.Combine(_dir, "mapping.yaml"), "batchSize: 10\nmaxRetries: 3\n");

        var error = Assert.Throws<ExerciseFormatException>(() => LearnerSettings.Apply(Exercise(), Path.Combine(_dir, "Function.cs"), _ => "mapping.yaml"));

        Assert.Equal("mapping.yaml:2:1: error: unknown setting 'maxRetries'; this exercise lets you set: batchSize, maximumRetryAttempts", error.Message);
    }

    [Fact]
    public void Apply_ExerciseWithoutLearnerSettings_IgnoresFiles()
    {
        File.WriteAllText(Path.Combine(_dir, "mapping.yaml"), "maximumRetryAttempts: 3\n");

        var (exercise, file) = LearnerSettings.Apply(Exercise(null), Path.Combine(_dir, "Function.cs"), p => p);

        Assert.Null(file);
        Assert.Equal("-1", exercise.Trigger.Settings["maximumRetryAttempts"]);
    }
}
