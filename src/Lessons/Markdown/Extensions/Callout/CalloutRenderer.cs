using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Extensions.Callout;

/// <summary>Renders a callout as <c>&lt;aside class="callout callout-KIND"&gt;</c> with a title line.</summary>
internal sealed class CalloutRenderer : HtmlObjectRenderer<CalloutBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CalloutBlock obj)
    {
        var kind = obj.Validate() is null ? obj.Kind : "note";
        renderer.EnsureLine();
        renderer.Write("<aside class=\"callout callout-").Write(kind).WriteLine("\">");
        renderer.Write("<p class=\"callout-title\">").WriteEscape(obj.Validate() is null ? obj.Title : "Note").WriteLine("</p>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine("</aside>");
    }
}
