using Course.Lessons.Content;
using Markdig.Syntax;

namespace Course.Lessons.Tests.Content;

public sealed class LessonLoaderTests
{
    private const string Valid = """
        ---
        id: 02-sample
        title: Sample
        minutes: 20
        objectives:
          - Do a thing.
        keypoints:
          - A thing was done.
        exercises: [05-sqs-batch]
        ---
        Body text.

        ```csharp run
        var x = 1;
        ```
        """;

    [Fact]
    public void Parse_ValidLesson_ReadsFrontMatterBodyAndBlocks()
    {
        var lesson = LessonLoader.Parse("lessons/02-sample.md", Valid);

        Assert.Equal("02-sample", lesson.Id);
        Assert.Equal(20, lesson.FrontMatter.Minutes);
        Assert.Equal(["05-sqs-batch"], lesson.FrontMatter.Exercises);
        Assert.Empty(lesson.FrontMatter.Questions);
        Assert.Equal(11, lesson.BodyLine);
        var block = Assert.Single(lesson.CodeBlocks);
        Assert.Equal(new LessonCodeBlock(CodeBlockKind.Run, "var x = 1;", 13), block);
    }

    [Theory]
    [InlineData("# no front matter", 1, 1, "starts with YAML front matter")]
    [InlineData("---\nid: 02-sample\n", 3, 1, "never closed")]
    [InlineData("---\nid: 02-sample\ntitle: [unclosed\n---\n", 4, 1, "not valid YAML")]
    [InlineData("---\nid: 02-sample\ntitel: Sample\n---\n", 3, 1, "unknown front matter key 'titel'")]
    [InlineData("---\nid: 02-sample\ntitle: T\nminutes: lots\n---\n", 4, 10, "'minutes' must be a whole number from 1 to 240, not 'lots'")]
    [InlineData("---\nid: 02-sample\ntitle: T\nminutes: 500\n---\n", 4, 10, "not '500'")]
    [InlineData("---\nid: 2-sample\n---\n", 2, 5, "'id' must look like")]
    [InlineData("---\nid: 03-other\n---\n", 2, 5, "the file is '02-sample.md'")]
    [InlineData("---\nid: 02-sample\ntitle: T\nminutes: 5\nobjectives: one\n---\n", 5, 13, "'objectives' must be a list")]
    [InlineData("---\nid: 02-sample\ntitle: T\nminutes: 5\nobjectives: [a]\nkeypoints: [b]\nexercises:\n  - Bad_Id\n---\n", 8, 5, "like '05-sqs-batch', not 'Bad_Id'")]
    [InlineData("---\nid: 02-sample\ntitle: T\nminutes: 5\nkeypoints: [b]\n---\n", 2, 1, "has no 'objectives'")]
    [InlineData("---\ntitle: T\n---\n", 2, 1, "has no 'id'")]
    public void Parse_BadFrontMatter_ThrowsAtFileLineColumn(string text, int line, int column, string fragment)
    {
        var ex = Assert.Throws<LessonFormatException>(() => LessonLoader.Parse("lessons/02-sample.md", text));

        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Contains(fragment, ex.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"lessons/02-sample.md:{line}:{column}: error: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":::solution\nAlone.\n:::\n", 11, "must sit inside a challenge")]
    [InlineData("Text.\n\n:::sidebar\nX\n:::\n", 13, "unknown directive ':::sidebar'")]
    [InlineData(":::callout danger\nX\n:::\n", 11, "':::callout note'")]
    [InlineData("::::challenge\nX\n::::\n", 11, "needs a title")]
    [InlineData(":::exercise\n:::\n", 11, "exercise folder name")]
    [InlineData(":::chart pie\n:::\n", 11, "no chart is called 'pie'; write ':::chart NAME' with one of: cold-start-burst, cold-start-burst-snapstart, lambda-vs-fargate, sfn-document-pipeline")]
    [InlineData("Para.\n\n:::\n", 13, "nothing open to close")]
    [InlineData("```csharp runs\nvar x = 1;\n```\n", 11, "unknown C# block kind")]
    [InlineData(":::hint\n```csharp run\nvar x = 1;\n```\n:::\n", 12, "must stand at the top level")]
    public void Parse_BadDirective_ThrowsAtItsLine(string body, int line, string fragment)
    {
        var text = "---\nid: 02-sample\ntitle: T\nminutes: 5\nobjectives: [a]\nkeypoints: [b]\n---\n\nIntro.\n\n" + body;

        var ex = Assert.Throws<LessonFormatException>(() => LessonLoader.Parse("lessons/02-sample.md", text));

        Assert.Equal(line, ex.Line);
        Assert.Contains(fragment, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_CourseLessons_AllParseInOrder()
    {
        var lessons = LessonLoader.LoadAll(TestPaths.Course.Lessons);

        Assert.NotEmpty(lessons);
        Assert.Equal(lessons.Select(l => l.Id).Order(StringComparer.Ordinal), lessons.Select(l => l.Id));
        Assert.All(lessons, l => Assert.InRange(l.FrontMatter.Minutes, 20, 40));
    }

    [Fact]
    public void LoadAll_CourseLessons_EachHasTwoChallengesWithSolutionsAndInstructorNotes()
    {
        foreach (var lesson in LessonLoader.LoadAll(TestPaths.Course.Lessons))
        {
            var blocks = lesson.Document.Descendants().ToList();
            var challenges = blocks.OfType<Course.Lessons.Markdown.Extensions.Challenge.ChallengeBlock>().ToList();
            Assert.True(challenges.Count(c => c.Descendants().OfType<Course.Lessons.Markdown.Extensions.Challenge.SolutionBlock>().Any()) >= 2,
                $"{lesson.Id} needs at least two challenges with solutions");
            Assert.NotEmpty(blocks.OfType<Course.Lessons.Markdown.Extensions.InstructorNote.InstructorNoteBlock>());
        }
    }
}
