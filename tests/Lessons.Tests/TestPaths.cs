using Course.Lessons.Content;

namespace Course.Lessons.Tests;

/// <summary>Locations in the checkout the tests run from.</summary>
internal static class TestPaths
{
    public static CoursePaths Course { get; } = CoursePaths.Find(AppContext.BaseDirectory);

    public static string Expectations => Path.Combine(Course.Root, "tests", "Lessons.Tests", "Expectations");

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewTempDirectory(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "course-lessons-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
