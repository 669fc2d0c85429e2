using Course.Lessons.Content;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Course.Lessons.Markdown.Extensions.CSharpCode;

/// <summary>
/// Renders <c>```csharp</c> blocks highlighted, labelled when they run, and hands every other code block to
/// Markdig's own renderer.
/// </summary>
internal sealed class CSharpCodeBlockRenderer(CodeBlockRenderer fallback) : HtmlObjectRenderer<CodeBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is not FencedCodeBlock fenced || !CSharpInfo.IsCSharp(fenced.Info) || !renderer.EnableHtmlForBlock)
        {
            fallback.Write(renderer, obj);
            return;
        }

        var kind = CSharpInfo.KindOf(fenced.Arguments) ?? CodeBlockKind.Display;
        var code = obj.Lines.ToString();
        renderer.EnsureLine();
        renderer.Write(kind == CodeBlockKind.Display ? "<div class=\"code\">" : "<div class=\"code code-run\">");
        if (kind != CodeBlockKind.Display)
        {
            renderer.Write("<span class=\"code-label\">runs in the notebook</span>");
        }

        renderer.Write("<pre><code class=\"language-csharp\">").Write(CSharpHighlighter.ToHtml(code)).WriteLine("</code></pre></div>");
    }
}
