using Markdig;
using Markdig.Renderers;

namespace Course.Lessons.Markdown.Extensions.Hint;

/// <summary>Adds <c>:::hint</c>.</summary>
internal sealed class HintExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.BlockParsers.AddIfNotAlready<HintParser>();

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<HintRenderer>();
        }
    }
}
