using Course.Lessons.Markdown;

namespace Course.Lessons.Tests.Markdown.Extensions;

/// <summary>
/// Golden files: each <c>Expectations/Markdown/NAME.md</c> renders to <c>NAME.html</c> (learner view) and
/// <c>NAME.instructor.html</c> (instructor view). Set COURSE_UPDATE_GOLDENS=1 to rewrite the expected files,
/// then review the diff.
/// </summary>
public sealed class ExtensionGoldenTests
{
    private static readonly LessonPipeline Learner = LessonPipeline.Create(new LessonPipelineOptions
    {
        ExerciseLink = id => id == "05-sqs-batch" ? $"exercises/{id}.html" : null,
    });

    private static readonly LessonPipeline Instructor = LessonPipeline.Create(new LessonPipelineOptions
    {
        Instructor = true,
        ExerciseLink = id => id == "05-sqs-batch" ? $"exercises/{id}.html" : null,
    });

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Expectations, "Markdown"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_LearnerView_MatchesGolden(string name) => AssertGolden(name, Learner, ".html");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_InstructorView_MatchesGolden(string name) => AssertGolden(name, Instructor, ".instructor.html");

    [Fact]
    public void Cases_CoverEveryExtension_AtLeastSeven() => Assert.True(Cases().Count >= 7);

    private static void AssertGolden(string name, LessonPipeline pipeline, string suffix)
    {
        var dir = Path.Combine(TestPaths.Expectations, "Markdown");
        var actual = pipeline.ToHtml(File.ReadAllText(Path.Combine(dir, name + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal));
        var expectedPath = Path.Combine(dir, name + suffix);
        if (Environment.GetEnvironmentVariable("COURSE_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.True(File.Exists(expectedPath), $"Missing golden file {expectedPath}; run the tests once with COURSE_UPDATE_GOLDENS=1 and review it.");
        Assert.Equal(File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal), actual);
    }
}
