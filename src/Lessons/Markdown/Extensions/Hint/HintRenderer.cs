using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Extensions.Hint;

/// <summary>Renders a hint as a closed <c>&lt;details class="hint"&gt;</c>.</summary>
internal sealed class HintRenderer : HtmlObjectRenderer<HintBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, HintBlock obj)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<details class=\"hint\">");
        renderer.Write("<summary>").WriteEscape(obj.Args.Length == 0 ? "Hint" : obj.Args).WriteLine("</summary>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine("</details>");
    }
}
