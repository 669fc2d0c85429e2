using Markdig;

namespace Course.Lessons.Markdown.Extensions.Challenge;

/// <summary>Adds challenges with collapsible solutions to a Markdig pipeline.</summary>
public static class ChallengeExtensions
{
    /// <summary>
    /// Enables <c>::::challenge Title</c> … <c>::::</c> (rendered as a section) and, inside it,
    /// <c>:::solution</c> … <c>:::</c> (rendered as a closed <c>&lt;details&gt;</c>).
    /// </summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <returns>The same builder.</returns>
    public static MarkdownPipelineBuilder UseChallenges(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<ChallengeExtension>();
        return pipeline;
    }
}
