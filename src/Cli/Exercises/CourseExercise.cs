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

    /// <summary>
    /// The other files the learner edits, relative to the folder: the trigger's learner settings
    /// (<c>trigger.learnerSettings</c>, e.g. <c>mapping.yaml</c>) and exercise.yaml's <c>learnerFiles:</c>.
    /// </summary>
    public IReadOnlyList<string> OtherLearnerFiles { get; init; } = [];

    /// <summary>
    /// Every file <c>course reset</c> restores, relative to the folder: the handler, <see cref="OtherLearnerFiles"/>,
    /// then any other file with a pristine copy under <c>.starter/</c>, each once.
    /// </summary>
    public IReadOnlyList<string> StarterFiles
    {
        get
        {
            var files = new List<string> { HandlerFile };
            files.AddRange(OtherLearnerFiles);
            var starter = Path.Combine(Directory, ".starter");
            if (System.IO.Directory.Exists(starter))
            {
                files.AddRange(System.IO.Directory.GetFiles(starter, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(starter, f).Replace('\\', '/'))
                    .Order(StringComparer.Ordinal));
            }

            return files.Select(f => f.Replace('\\', '/')).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The pristine copy of a learner file, <c>.starter/&lt;file&gt;</c>.</summary>
    /// <param name="file">The file relative to the exercise folder.</param>
    /// <returns>The absolute path (it may not exist).</returns>
    public string StarterCopy(string file) => Path.Combine(Directory, ".starter", file);

    /// <summary>The number before the first dash, e.g. <c>01</c>.</summary>
    public string Number => Id.Split('-')[0];
}
