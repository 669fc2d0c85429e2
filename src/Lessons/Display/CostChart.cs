using System.Globalization;
using System.Net;
using System.Text;
using Course.Sandbox.Pricing;

namespace Course.Lessons.Display;

/// <summary>
/// The Lambda vs Fargate crossover drawn from the engine's cost model: the monthly Lambda bill of a workload
/// (requests × average duration × memory, no free tier) against always-on Fargate fleets, on log–log axes.
/// The same figures as <see cref="CostModel.Estimate"/>, <see cref="CostModel.Fargate"/> and <see cref="CostModel.Crossover"/>.
/// </summary>
public static class CostChart
{
    private const int Width = 680, Height = 380, Left = 70, Right = 30, Top = 30, Bottom = 50;
    private const double MinRequests = 1e5, MaxRequests = 1e9, MinUsd = 0.01, MaxUsd = 10_000;

    /// <summary>An SVG chart of Lambda's monthly cost against 1 and 10 always-on Fargate tasks, crossovers marked.</summary>
    /// <param name="model">The cost model; null for the course's us-east-1 sheet.</param>
    /// <param name="durationMs">Average duration per request, ms.</param>
    /// <param name="memoryMB">Lambda memory, MB.</param>
    /// <param name="vcpu">vCPU per Fargate task.</param>
    /// <param name="memoryGB">Memory per Fargate task, GB.</param>
    /// <returns>The SVG markup.</returns>
    public static string LambdaVsFargate(CostModel? model = null, double durationMs = 200, int memoryMB = 512, double vcpu = 0.25, double memoryGB = 0.5)
    {
        model ??= new CostModel(PriceSheet.UsEast1);
        var duration = TimeSpan.FromMilliseconds(durationMs);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>Monthly cost: Lambda ({memoryMB} MB, {durationMs} ms) vs always-on Fargate ({vcpu} vCPU, {memoryGB} GB)</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#999\"/>");
        for (var e = 5; e <= 9; e++)
        {
            var x = X(Math.Pow(10, e));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{Top}\" x2=\"{x:0.#}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/><text x=\"{x:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{RequestsLabel(Math.Pow(10, e))}</text>");
        }

        for (var e = -2; e <= 4; e++)
        {
            var y = Y(Math.Pow(10, e));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#eee\"/><text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{UsdLabel(Math.Pow(10, e))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">requests a month</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2})\">USD a month</text>");

        var points = Enumerable.Range(0, 81).Select(i => Math.Pow(10, 5 + (i / 20.0)))
            .Select(n => (X: X(n), Y: Y((double)model.Estimate((long)n, duration, memoryMB).Total)));
        svg.Append("<polyline fill=\"none\" stroke=\"#e07b00\" stroke-width=\"2\" points=\"")
            .AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")))
            .Append("\"><title>Lambda</title></polyline>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 8}\" y=\"{Top + 16}\" fill=\"#e07b00\">Lambda, {memoryMB} MB × {durationMs} ms (no free tier)</text>");

        var row = 0;
        foreach (var tasks in new[] { 1, 10 })
        {
            var fargate = model.Fargate(vcpu, memoryGB, tasks: tasks);
            var y = Y((double)fargate);
            var n = model.Crossover(fargate, duration, memoryMB);
            var label = WebUtility.HtmlEncode($"{tasks} Fargate task{(tasks == 1 ? "" : "s")}: ${fargate:0.00}; Lambda costs more above {RequestsLabel(n)} requests");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#2a6fb0\" stroke-width=\"2\" stroke-dasharray=\"{(tasks == 1 ? "6 3" : "2 2")}\"><title>{label}</title></line>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(n):0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"#2a6fb0\"><title>{label}</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 8}\" y=\"{Top + 32 + (row++ * 16)}\" fill=\"#2a6fb0\">{label}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The same comparison as text: Lambda's monthly cost at each power of ten, and the crossovers.</summary>
    /// <param name="model">The cost model; null for the course's us-east-1 sheet.</param>
    /// <param name="durationMs">Average duration per request, ms.</param>
    /// <param name="memoryMB">Lambda memory, MB.</param>
    /// <param name="vcpu">vCPU per Fargate task.</param>
    /// <param name="memoryGB">Memory per Fargate task, GB.</param>
    /// <returns>The lines, ending in <c>\n</c>.</returns>
    public static string LambdaVsFargateText(CostModel? model = null, double durationMs = 200, int memoryMB = 512, double vcpu = 0.25, double memoryGB = 0.5)
    {
        model ??= new CostModel(PriceSheet.UsEast1);
        var duration = TimeSpan.FromMilliseconds(durationMs);
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"requests/month  Lambda ({memoryMB} MB, {durationMs} ms, no free tier)\n"));
        for (var e = 5; e <= 9; e++)
        {
            var n = (long)Math.Pow(10, e);
            text.Append(CultureInfo.InvariantCulture, $"{RequestsLabel(n),14}  ${model.Estimate(n, duration, memoryMB).Total,12:N2}\n");
        }

        foreach (var tasks in new[] { 1, 10 })
        {
            var fargate = model.Fargate(vcpu, memoryGB, tasks: tasks);
            text.Append(CultureInfo.InvariantCulture, $"{tasks} Fargate task(s) at ${fargate:N2}: Lambda costs more from {model.Crossover(fargate, duration, memoryMB):N0} requests a month\n");
        }

        return text.ToString();
    }

    private static double X(double requests) =>
        Left + ((Math.Log10(Math.Clamp(requests, MinRequests, MaxRequests)) - 5) / 4 * (Width - Left - Right));

    private static double Y(double usd) =>
        Height - Bottom - ((Math.Log10(Math.Clamp(usd, MinUsd, MaxUsd)) + 2) / 6 * (Height - Top - Bottom));

    private static string RequestsLabel(double n) => n switch
    {
        >= 1e9 => (n / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B",
        >= 1e6 => (n / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        _ => (n / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "K",
    };

    private static string UsdLabel(double usd) => usd < 1 ? "$" + usd.ToString("0.##", CultureInfo.InvariantCulture) : "$" + usd.ToString("N0", CultureInfo.InvariantCulture);
}
