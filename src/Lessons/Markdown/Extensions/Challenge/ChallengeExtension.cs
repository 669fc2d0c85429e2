using Markdig;
using Markdig.Renderers;

namespace Course.Lessons.Markdown.Extensions.Challenge;

/// <summary>Adds <c>:::challenge</c> and <c>:::solution</c>.</summary>
internal sealed class ChallengeExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.AddIfNotAlready<ChallengeParser>();
        pipeline.BlockParsers.AddIfNotAlready<SolutionParser>();
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<ChallengeRenderer>();
            html.ObjectRenderers.AddIfNotAlready<SolutionRenderer>();
        }
    }
}
