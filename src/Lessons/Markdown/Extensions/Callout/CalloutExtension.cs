using Markdig;
using Markdig.Renderers;

namespace Course.Lessons.Markdown.Extensions.Callout;

/// <summary>Adds <c>:::callout</c>.</summary>
internal sealed class CalloutExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.BlockParsers.AddIfNotAlready<CalloutParser>();

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<CalloutRenderer>();
        }
    }
}
