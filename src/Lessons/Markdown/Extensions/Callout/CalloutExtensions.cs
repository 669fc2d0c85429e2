using Markdig;

namespace Course.Lessons.Markdown.Extensions.Callout;

/// <summary>Adds note, warning and tip callouts to a Markdig pipeline.</summary>
public static class CalloutExtensions
{
    /// <summary>
    /// Enables <c>:::callout KIND [title]</c> … <c>:::</c> where KIND is <c>note</c>, <c>warning</c> or
    /// <c>tip</c>; the title defaults to the kind.
    /// </summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <returns>The same builder.</returns>
    public static MarkdownPipelineBuilder UseCallouts(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<CalloutExtension>();
        return pipeline;
    }
}
