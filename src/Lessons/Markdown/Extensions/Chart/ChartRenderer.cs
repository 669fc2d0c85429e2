using Course.Lessons.Display;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Extensions.Chart;

/// <summary>Renders a chart as a figure: the inline SVG, then the directive's content as the caption.</summary>
internal sealed class ChartRenderer : HtmlObjectRenderer<ChartBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, ChartBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<figure class=\"chart\" data-chart=\"").WriteEscape(obj.ChartName).WriteLine("\">");
        renderer.WriteLine(LessonCharts.Render(obj.ChartName) ?? string.Empty);
        if (obj.Count > 0)
        {
            renderer.WriteLine("<figcaption>");
            renderer.WriteChildren(obj);
            renderer.EnsureLine();
            renderer.WriteLine("</figcaption>");
        }

        renderer.WriteLine("</figure>");
    }
}
