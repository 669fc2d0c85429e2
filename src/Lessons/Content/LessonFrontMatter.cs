namespace Course.Lessons.Content;

/// <summary>The YAML front matter of a lesson: what it is, how long it takes, what it teaches.</summary>
public sealed class LessonFrontMatter
{
    /// <summary>The lesson id, <c>NN-slug</c>; must equal the file name without <c>.md</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The title shown on the site and as the notebook's first heading.</summary>
    public required string Title { get; init; }

    /// <summary>Planned teaching time in minutes (1–240).</summary>
    public required int Minutes { get; init; }

    /// <summary>What a learner can do after the lesson; at least one.</summary>
    public required IReadOnlyList<string> Objectives { get; init; }

    /// <summary>Questions the lesson answers; may be empty.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Points to remember, shown in a box at the end; at least one.</summary>
    public required IReadOnlyList<string> KeyPoints { get; init; }

    /// <summary>Ids of the graded exercises that go with this lesson (folders under exercises/); may be empty.</summary>
    public IReadOnlyList<string> Exercises { get; init; } = [];

    /// <summary>Ids of the lessons to read first; may be empty.</summary>
    public IReadOnlyList<string> Prerequisites { get; init; } = [];
}
