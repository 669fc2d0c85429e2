namespace Course.Lessons.Site;

/// <summary>What <see cref="SiteBuilder"/> reads and where it writes.</summary>
public sealed class SiteOptions
{
    /// <summary>The lessons folder (<c>lessons/</c>). Required.</summary>
    public required string LessonsDirectory { get; init; }

    /// <summary>The exercises folder; each <c>NN-slug/README.md</c> in it becomes a page. Missing folder = no exercise pages.</summary>
    public required string ExercisesDirectory { get; init; }

    /// <summary>The output folder. Default: <c>_site</c> under the current directory.</summary>
    public string OutputDirectory { get; init; } = "_site";

    /// <summary>Whether to build the instructor view (instructor notes shown). Default: false.</summary>
    public bool Instructor { get; init; }

    /// <summary>The course title shown on every page. Default: "Serverless in C#".</summary>
    public string CourseTitle { get; init; } = "Serverless in C#";
}
