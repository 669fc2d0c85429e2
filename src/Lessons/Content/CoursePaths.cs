namespace Course.Lessons.Content;

/// <summary>The folders of a course checkout, found from its root (the folder holding <c>Course.sln</c>).</summary>
/// <param name="Root">The repository root.</param>
public sealed record CoursePaths(string Root)
{
    /// <summary>The lessons folder: <c>lessons/</c>.</summary>
    public string Lessons => Path.Combine(Root, "lessons");

    /// <summary>The exercises folder: <c>exercises/</c>.</summary>
    public string Exercises => Path.Combine(Root, "exercises");

    /// <summary>The generated notebooks folder: <c>notebooks/</c>.</summary>
    public string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>Walks up from <paramref name="start"/> to the first folder that holds <c>Course.sln</c>.</summary>
    /// <param name="start">Where to start; usually the current directory.</param>
    /// <returns>The paths.</returns>
    /// <exception cref="DirectoryNotFoundException">No folder above holds Course.sln.</exception>
    public static CoursePaths Find(string start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            {
                return new CoursePaths(dir.FullName);
            }
        }

        throw new DirectoryNotFoundException($"No Course.sln in '{start}' or any folder above it; run the command from inside the course checkout.");
    }
}
