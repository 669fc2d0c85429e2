using System.Xml.Linq;
using Course.Lessons.Display;
using Course.Lessons.Markdown;
using Course.Sandbox.Pricing;

namespace Course.Lessons.Tests.Display;

public class CostChartTests
{
    [Fact]
    public void LambdaVsFargate_IsWellFormedSvg_WithTheCostModelsCrossovers()
    {
        var svg = XElement.Parse(CostChart.LambdaVsFargate());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Single(svg.Descendants(ns + "polyline"));
        Assert.Equal(2, svg.Descendants(ns + "circle").Count());
        var model = new CostModel(PriceSheet.UsEast1);
        var one = model.Crossover(model.Fargate(0.25, 0.5), TimeSpan.FromMilliseconds(200), 512);
        Assert.Equal(4_826_791, one);
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "1 Fargate task: $9.01; Lambda costs more above 4.83M requests");
        Assert.Contains("Lambda costs more from 4,826,791 requests a month", CostChart.LambdaVsFargateText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ChartDirective_RendersTheSvgInAFigure_WithItsCaption()
    {
        var html = LessonPipeline.Default.ToHtml(":::chart lambda-vs-fargate\nThe *crossover*.\n:::\n");
        Assert.StartsWith("<figure class=\"chart\" data-chart=\"lambda-vs-fargate\">\n<svg ", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>\n<p>The <em>crossover</em>.</p>\n</figcaption>\n</figure>", html, StringComparison.Ordinal);
    }
}
