namespace Course.Lessons.Markdown;

/// <summary>How a <see cref="LessonPipeline"/> renders.</summary>
public sealed class LessonPipelineOptions
{
    /// <summary>Whether instructor notes are rendered. Default: false (the learner view).</summary>
    public bool Instructor { get; init; }

    /// <summary>
    /// Maps an exercise id to the href of its page, or to null to render the card without a link.
    /// Default: null, meaning <c>../exercises/{id}/README.md</c>.
    /// </summary>
    public Func<string, string?>? ExerciseLink { get; init; }
}
