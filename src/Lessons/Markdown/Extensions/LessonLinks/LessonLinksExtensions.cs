using Markdig;

namespace Course.Lessons.Markdown.Extensions.LessonLinks;

/// <summary>Adds lesson-to-lesson link rewriting to a Markdig pipeline.</summary>
public static class LessonLinksExtensions
{
    /// <summary>Rewrites relative links to <c>NN-slug.md</c> as links to <c>NN-slug.html</c>, keeping any <c>#anchor</c>.</summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <returns>The same builder.</returns>
    public static MarkdownPipelineBuilder UseLessonLinks(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<LessonLinksExtension>();
        return pipeline;
    }
}
