using Markdig;
using Markdig.Renderers;

namespace Course.Lessons.Markdown.Directives;

/// <summary>Registers <see cref="UnknownDirectiveParser"/> after every named directive, so stray <c>:::</c> lines are caught.</summary>
internal sealed class DirectiveFallbackExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.TryRemove<UnknownDirectiveParser>();
        pipeline.BlockParsers.Add(new UnknownDirectiveParser());
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<UnknownDirectiveRenderer>();
        }
    }
}
