using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Extensions.Challenge;

/// <summary>Renders a solution as a closed <c>&lt;details class="solution"&gt;</c>.</summary>
internal sealed class SolutionRenderer : HtmlObjectRenderer<SolutionBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, SolutionBlock obj)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<details class=\"solution\">");
        renderer.Write("<summary>").WriteEscape(obj.Args.Length == 0 ? "Solution" : obj.Args).WriteLine("</summary>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine("</details>");
    }
}
