namespace Course.Cli.Exercises;

/// <summary>One exercise of the course as found on disk.</summary>
/// <param name="Id">The folder name, e.g. <c>01-hello-api</c>.</param>
/// <param name="Directory">The exercise folder (absolute).</param>
/// <param name="Title">The title from exercise.yaml (empty when it cannot be read).</param>
/// <param name="Lesson">The lesson id from exercise.yaml, e.g. <c>01-what-is-serverless</c> (may be empty).</param>
/// <param name="HandlerFile">The learner's handler file relative to the folder (handler.file), e.g. <c>Function.cs</c>.</param>
/// <param name="MaxScore">The exercise's total points.</param>
internal sealed record CourseExercise(string Id, string Directory, string Title, string Lesson, string HandlerFile, int MaxScore)
{
    /// <summary>The learner's handler file (absolute).</summary>
    public string HandlerPath => Path.Combine(Directory, HandlerFile);

    /// <summary>The pristine starter kept beside the exercise (<c>.starter/&lt;handler file&gt;</c>), the copy <c>course reset</c> restores.</summary>
    public string StarterPath => Path.Combine(Directory, ".starter", HandlerFile);

    /// <summary>The number before the first dash, e.g. <c>01</c>.</summary>
    public string Number => Id.Split('-')[0];
}
