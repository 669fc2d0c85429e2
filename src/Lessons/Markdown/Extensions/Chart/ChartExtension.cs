using Markdig;
using Markdig.Renderers;

namespace Course.Lessons.Markdown.Extensions.Chart;

/// <summary>Adds <c>:::chart</c>.</summary>
internal sealed class ChartExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.BlockParsers.AddIfNotAlready<ChartParser>();

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ChartRenderer>())
        {
            html.ObjectRenderers.Add(new ChartRenderer());
        }
    }
}
