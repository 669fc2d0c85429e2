using Course.Lessons.Markdown.Directives;
using Course.Lessons.Markdown.Extensions.Callout;
using Course.Lessons.Markdown.Extensions.Challenge;
using Course.Lessons.Markdown.Extensions.Chart;
using Course.Lessons.Markdown.Extensions.CSharpCode;
using Course.Lessons.Markdown.Extensions.ExerciseCard;
using Course.Lessons.Markdown.Extensions.Hint;
using Course.Lessons.Markdown.Extensions.InstructorNote;
using Course.Lessons.Markdown.Extensions.LessonLinks;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Course.Lessons.Markdown;

/// <summary>
/// The lesson Markdown pipeline, built once and frozen: CommonMark + pipe tables + heading ids + the lesson
/// directives (challenge, solution, hint, callout, instructor, exercise) + C# highlighting + lesson links.
/// Thread-safe; reuse one instance per view.
/// </summary>
public sealed class LessonPipeline
{
    private LessonPipeline(MarkdownPipeline markdown, bool instructor)
    {
        Markdown = markdown;
        Instructor = instructor;
    }

    /// <summary>The learner view with default exercise links, built on first use.</summary>
    public static LessonPipeline Default => DefaultHolder.Instance;

    /// <summary>The frozen Markdig pipeline.</summary>
    public MarkdownPipeline Markdown { get; }

    /// <summary>Whether this pipeline renders instructor notes.</summary>
    public bool Instructor { get; }

    /// <summary>Builds a pipeline.</summary>
    /// <param name="options">Rendering options; null for the defaults.</param>
    /// <returns>The frozen pipeline.</returns>
    public static LessonPipeline Create(LessonPipelineOptions? options = null)
    {
        options ??= new LessonPipelineOptions();
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseChallenges()
            .UseHints()
            .UseCallouts()
            .UseInstructorNotes(options.Instructor)
            .UseExerciseCards(options.ExerciseLink)
            .UseCharts()
            .UseCSharpCode()
            .UseLessonLinks();
        builder.Extensions.Add(new DirectiveFallbackExtension());
        return new LessonPipeline(builder.Build(), options.Instructor);
    }

    /// <summary>Parses Markdown into a document (the same for every view).</summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <returns>The document.</returns>
    public MarkdownDocument Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Markdig.Markdown.Parse(markdown, Markdown);
    }

    /// <summary>Renders a parsed document to HTML with this pipeline's view.</summary>
    /// <param name="document">A document from <see cref="Parse"/>.</param>
    /// <returns>The HTML, with <c>\n</c> line endings.</returns>
    public string Render(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer);
        Markdown.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Parses and renders Markdown.</summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <returns>The HTML.</returns>
    public string ToHtml(string markdown) => Render(Parse(markdown));

    private static class DefaultHolder
    {
        public static readonly LessonPipeline Instance = Create();
    }
}
