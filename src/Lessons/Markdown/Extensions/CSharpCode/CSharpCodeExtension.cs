using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Extensions.CSharpCode;

/// <summary>Replaces the code block renderer with one that highlights C#.</summary>
internal sealed class CSharpCodeExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.Find<CodeBlockRenderer>() is { } original)
        {
            html.ObjectRenderers.Replace<CodeBlockRenderer>(new CSharpCodeBlockRenderer(original));
        }
    }
}
