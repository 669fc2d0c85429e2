using System.Runtime.CompilerServices;
using Course.Cli.Exercises;
using Course.Cli.Workshop;

namespace Course.Cli.Tests.Workshop;

/// <summary><c>course workshop release</c> and <c>course workshop plan</c> over the course's own content.</summary>
public sealed class WorkshopReleaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("workshop-release-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string RepoRoot([CallerFilePath] string caller = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", ".."));

    [Fact]
    public void Release_HasNoSolutionsNoWrongHandlersNoInstructorNotes_ButKeepsStartersAndTheTool()
    {
        var output = Path.Combine(_dir, "release");
        ReleaseBuilder.Write(RepoRoot(), output);

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).ToList();
        Assert.DoesNotContain(files, f => f.Contains("/solution/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("tests/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("/Wrong/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("/obj/", StringComparison.Ordinal) || f.StartsWith(".git/", StringComparison.Ordinal));
        foreach (var lesson in Directory.GetFiles(Path.Combine(output, "lessons"), "??-*.md"))
        {
            Assert.DoesNotContain(":::instructor", File.ReadAllText(lesson), StringComparison.Ordinal);
        }

        Assert.Contains("exercises/01-hello-api/Function.cs", files);
        Assert.Contains("exercises/01-hello-api/.starter/Function.cs", files);
        Assert.Contains("exercises/01-hello-api/Checks.cs", files);
        Assert.Contains("src/Cli/Cli.csproj", files);
        Assert.Contains("course", files);
        Assert.Contains("grade", files);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(output, "course")).HasFlag(UnixFileMode.UserExecute));
        }

        Assert.Throws<ArgumentException>(() => ReleaseBuilder.Write(RepoRoot(), output));   // not empty any more
    }

    [Fact]
    public void StripInstructorNotes_RemovesNestedBlocks_KeepsEverythingElse()
    {
        const string lesson = "a\n:::instructor Timing\nsay this\n:::hint\nnested\n:::\n```\n:::\n```\nstill note\n:::\nb\n:::solution\nkept\n:::\n";
        Assert.Equal("a\nb\n:::solution\nkept\n:::\n", ReleaseBuilder.StripInstructorNotes(lesson));
    }

    [Fact]
    public void Plan_FollowsTheLessonsMinutes_PutsExercisesAfterTheirLesson_AndBreaks()
    {
        var layout = CourseLayout.Find(RepoRoot())!;
        var items = WorkshopPlan.Build(layout, new TimeOnly(9, 0), exerciseMinutes: 25, breakEvery: 90, breakMinutes: 15);

        Assert.StartsWith("Lesson 01-what-is-serverless", items[0].What, StringComparison.Ordinal);
        Assert.Equal(30, items[0].Minutes);   // the lesson's front matter
        Assert.StartsWith("Exercise 01-hello-api", items[1].What, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(9, 30), items[1].Start);
        Assert.Contains(items, i => i.What == "Break");
        for (var i = 1; i < items.Count; i++)
        {
            Assert.Equal(items[i - 1].Start.AddMinutes(items[i - 1].Minutes), items[i].Start);
        }

        Assert.Contains("| 09:00 | 30 |", WorkshopPlan.Render(items), StringComparison.Ordinal);
    }
}
