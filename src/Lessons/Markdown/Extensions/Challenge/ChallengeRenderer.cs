using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Extensions.Challenge;

/// <summary>Renders a challenge as a titled <c>&lt;section class="challenge"&gt;</c>.</summary>
internal sealed class ChallengeRenderer : HtmlObjectRenderer<ChallengeBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, ChallengeBlock obj)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<section class=\"challenge\">");
        renderer.Write("<h3 class=\"challenge-title\"><span class=\"label\">Challenge</span> ").WriteEscape(obj.Args).WriteLine("</h3>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine("</section>");
    }
}
