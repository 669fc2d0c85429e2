using System.Diagnostics;
using Course.Lessons.Content;
using Course.Lessons.Site;

namespace Course.Lessons.Tests.Site;

public sealed class SiteBuilderTests
{
    private static readonly string Fixture = Path.Combine(TestPaths.Expectations, "Site", "input");

    private static readonly string[] GoldenFiles =
    [
        "index.html", "01-alpha.html", "02-beta.html", "exercises/02-first-task.html", "exercises/02-first-task/Function.cs", "assets/search-index.js",
    ];

    public static TheoryData<string, bool> Views() => new() { { "learner", false }, { "instructor", true } };

    [Theory]
    [MemberData(nameof(Views))]
    public void Build_FixtureCourse_MatchesGoldenPages(string view, bool instructor)
    {
        var result = BuildFixture(instructor);
        var expectedDir = Path.Combine(TestPaths.Expectations, "Site", view);
        foreach (var file in GoldenFiles)
        {
            var actual = File.ReadAllText(Path.Combine(result.OutputDirectory, file));
            var expected = Path.Combine(expectedDir, file);
            if (Environment.GetEnvironmentVariable("COURSE_UPDATE_GOLDENS") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(expected)!);
                File.WriteAllText(expected, actual);
            }

            Assert.True(File.Exists(expected), $"Missing golden file {expected}; run with COURSE_UPDATE_GOLDENS=1 and review it.");
            Assert.Equal(File.ReadAllText(expected), actual);
        }
    }

    [Fact]
    public void Build_FixtureCourse_WritesPagesAssetsAndNoSolution()
    {
        var result = BuildFixture(instructor: false);

        Assert.Equal(2, result.LessonCount);
        Assert.Equal(1, result.ExerciseCount);
        Assert.Contains("assets/site.css", result.Files);
        Assert.Contains("assets/site.js", result.Files);
        Assert.DoesNotContain(result.Files, f => f.Contains("solution", StringComparison.Ordinal));
        var exercise = File.ReadAllText(Path.Combine(result.OutputDirectory, "exercises", "02-first-task.html"));
        Assert.Contains("the solution", exercise, StringComparison.Ordinal);
        Assert.DoesNotContain("solution/Function.cs", exercise, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../01-alpha.html\">alpha</a>", exercise, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LearnerAndInstructorViews_DifferOnlyInInstructorNotes()
    {
        var learner = File.ReadAllText(Path.Combine(BuildFixture(false).OutputDirectory, "01-alpha.html"));
        var instructor = File.ReadAllText(Path.Combine(BuildFixture(true).OutputDirectory, "01-alpha.html"));

        Assert.DoesNotContain("Only for teachers", learner, StringComparison.Ordinal);
        Assert.Contains("Only for teachers", instructor, StringComparison.Ordinal);
        Assert.Contains("Instructor view", instructor, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Twice_IsByteIdentical()
    {
        var a = BuildFixture(false);
        var b = BuildFixture(false);

        Assert.Equal(a.Files, b.Files);
        foreach (var file in a.Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.OutputDirectory, file)), File.ReadAllBytes(Path.Combine(b.OutputDirectory, file)));
        }
    }

    [Fact]
    public void Build_IntoPreviousBuild_ReplacesIt()
    {
        var output = TestPaths.NewTempDirectory("site-rebuild");
        var options = new SiteOptions { LessonsDirectory = Path.Combine(Fixture, "lessons"), ExercisesDirectory = Path.Combine(Fixture, "exercises"), OutputDirectory = output };
        new SiteBuilder(options).Build();
        File.WriteAllText(Path.Combine(output, "stale.html"), "old");

        new SiteBuilder(options).Build();

        Assert.False(File.Exists(Path.Combine(output, "stale.html")));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void Build_IntoForeignNonEmptyFolder_RefusesWithAClearMessage()
    {
        var output = TestPaths.NewTempDirectory("site-foreign");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        var ex = Assert.Throws<SiteBuildException>(() => new SiteBuilder(new SiteOptions
        {
            LessonsDirectory = Path.Combine(Fixture, "lessons"), ExercisesDirectory = Path.Combine(Fixture, "exercises"), OutputDirectory = output,
        }).Build());

        Assert.Contains("--out", ex.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "notes.txt")));
    }

    [Fact]
    public void Build_Sidebar_NumbersLessonsByTheirOwnNumbers_AsTheCourseMapDoes()
    {
        // Lessons 01 and 04 (02 and 03 not written yet): the sidebar says 01, 04 — not the list positions 1, 2.
        var input = TestPaths.NewTempDirectory("site-numbers");
        Directory.CreateDirectory(Path.Combine(input, "lessons"));
        File.Copy(Path.Combine(Fixture, "lessons", "01-alpha.md"), Path.Combine(input, "lessons", "01-alpha.md"));
        File.WriteAllText(Path.Combine(input, "lessons", "04-delta.md"),
            File.ReadAllText(Path.Combine(Fixture, "lessons", "02-beta.md")).Replace("id: 02-beta", "id: 04-delta", StringComparison.Ordinal));
        var output = TestPaths.NewTempDirectory("site-numbers-out");
        new SiteBuilder(new SiteOptions { LessonsDirectory = Path.Combine(input, "lessons"), ExercisesDirectory = Path.Combine(input, "exercises"), OutputDirectory = output }).Build();

        foreach (var page in new[] { "index.html", "01-alpha.html", "04-delta.html" })
        {
            var html = File.ReadAllText(Path.Combine(output, page));
            var sidebar = html[html.IndexOf("<nav class=\"sidebar\"", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
            Assert.Equal(["01", "04"], System.Text.RegularExpressions.Regex.Matches(sidebar, "<span class=\"lesson-number\">(\\d+)</span>").Select(m => m.Groups[1].Value));
        }

        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        var map = index[index.IndexOf("class=\"course-map\"", StringComparison.Ordinal)..index.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(["01", "04"], System.Text.RegularExpressions.Regex.Matches(map, "<tr><td>(\\d+)</td>").Select(m => m.Groups[1].Value));
        Assert.Contains(".sidebar ol { padding-left: 0; margin: 0; position: sticky; top: 4rem; list-style: none; }", File.ReadAllText(Path.Combine(output, "assets", "site.css")), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AllCourseLessons_WithinTwoSeconds()
    {
        var options = new SiteOptions { LessonsDirectory = TestPaths.Course.Lessons, ExercisesDirectory = TestPaths.Course.Exercises, OutputDirectory = TestPaths.NewTempDirectory("site-timed") };
        var first = Stopwatch.StartNew();
        var result = new SiteBuilder(options).Build();
        first.Stop();
        var second = Stopwatch.StartNew();
        new SiteBuilder(options).Build();
        second.Stop();

        Assert.Equal(LessonLoader.LoadAll(TestPaths.Course.Lessons).Count, result.LessonCount);
        Assert.True(second.Elapsed < TimeSpan.FromSeconds(2), $"site build took {second.ElapsedMilliseconds} ms (first, with JIT: {first.ElapsedMilliseconds} ms); the target is 2 s");
    }

    [Fact]
    public void TimePlan_LongCourse_InsertsBreaksAfterNinetyMinutes()
    {
        var lessons = LessonLoader.LoadAll(Path.Combine(Fixture, "lessons"));

        var plan = TimePlan.For([.. lessons, .. lessons]);

        Assert.Equal(["0:00 Alpha lesson", "1:00 Beta lesson", "1:45 Break", "2:00 Alpha lesson", "3:00 Beta lesson"],
            plan.Select(s => $"{TimePlan.Format(s.Start)} {s.Title}"));
    }

    private static SiteBuildResult BuildFixture(bool instructor) => new SiteBuilder(new SiteOptions
    {
        LessonsDirectory = Path.Combine(Fixture, "lessons"),
        ExercisesDirectory = Path.Combine(Fixture, "exercises"),
        OutputDirectory = TestPaths.NewTempDirectory("site-fixture"),
        Instructor = instructor,
        CourseTitle = "Fixture course",
    }).Build();
}
