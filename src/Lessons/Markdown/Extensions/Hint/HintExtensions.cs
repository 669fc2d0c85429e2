using Markdig;

namespace Course.Lessons.Markdown.Extensions.Hint;

/// <summary>Adds collapsible hints to a Markdig pipeline.</summary>
public static class HintExtensions
{
    /// <summary>Enables <c>:::hint [summary]</c> … <c>:::</c>, rendered as a closed <c>&lt;details&gt;</c> (summary defaults to "Hint").</summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <returns>The same builder.</returns>
    public static MarkdownPipelineBuilder UseHints(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<HintExtension>();
        return pipeline;
    }
}
