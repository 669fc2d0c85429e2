namespace Course.Grading.Exercises.Model;

/// <summary>A graded exercise as described by its folder's exercise.yaml.</summary>
/// <param name="Id">The exercise id (e.g. <c>01-hello-api</c>).</param>
/// <param name="Title">The exercise title.</param>
/// <param name="Lesson">The lesson it belongs to (e.g. <c>01-what-is-serverless</c>); may be empty.</param>
/// <param name="Handler">Where the learner's handler is.</param>
/// <param name="Function">The deployed function's configuration.</param>
/// <param name="Trigger">The trigger wiring.</param>
/// <param name="ChecksFiles">The checks' C# files relative to the folder; default <c>Checks.cs</c>.</param>
/// <param name="Checks">The checks, in report order.</param>
/// <param name="Limits">The worker limits.</param>
public sealed record ExerciseDefinition(
    string Id,
    string Title,
    string Lesson,
    HandlerSpec Handler,
    FunctionSpec Function,
    TriggerSpec Trigger,
    IReadOnlyList<string> ChecksFiles,
    IReadOnlyList<CheckSpec> Checks,
    GradingLimits Limits)
{
    /// <summary>
    /// The files besides the handler that the learner edits (exercise.yaml's <c>learnerFiles:</c>), in the order listed;
    /// after grading starts each carries the text that was read (see <see cref="LearnerFile"/>).
    /// </summary>
    public IReadOnlyList<LearnerFile> LearnerFiles { get; init; } = [];

    /// <summary>The sum of all checks' points.</summary>
    public int MaxScore => Checks.Sum(c => c.Points);
}
