using System.Globalization;
using System.Net;
using System.Text;
using Course.Sandbox;
using Course.Sandbox.Pricing;

namespace Course.Lessons.Display;

/// <summary>
/// Bedrock's billed calls in a simulation, one row each (time, request, model, input and output tokens, modelled
/// latency, cost from the price sheet), with totals: as HTML for notebooks and as text for the console.
/// </summary>
internal static class TokenTable
{
    private const string Table = "<table style=\"border-collapse:collapse;font:12px ui-monospace,monospace\">";
    private const string Cell = "<td style=\"border-bottom:1px solid #ddd;padding:2px 8px;text-align:left\">";

    private static readonly string[] Columns = ["start s", "request", "operation", "price key", "input tok", "output tok", "latency ms", "cost (USD)"];

    public static string Text(Simulation sim)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Columns[0],9}  {Columns[1],-8}  {Columns[2],-11}  {Columns[3],-26}  {Columns[4],9}  {Columns[5],10}  {Columns[6],10}  {Columns[7],12}\n");
        foreach (var row in Rows(sim))
        {
            text.Append(CultureInfo.InvariantCulture, $"{row[0],9}  {row[1],-8}  {row[2],-11}  {row[3],-26}  {row[4],9}  {row[5],10}  {row[6],10}  {row[7],12}\n");
        }
        return text.Append(Footer(sim)).Append('\n').ToString();
    }

    public static string Html(Simulation sim)
    {
        var html = new StringBuilder(Table).Append("<tr>");
        foreach (var c in Columns)
        {
            html.Append("<th style=\"border-bottom:2px solid #999;padding:2px 8px;text-align:left\">").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        }
        html.Append("</tr>");
        foreach (var row in Rows(sim))
        {
            html.Append("<tr>").Append(string.Concat(row.Select(c => Cell + WebUtility.HtmlEncode(c) + "</td>"))).Append("</tr>");
        }
        return html.Append("</table><p style=\"font-size:11px\">").Append(WebUtility.HtmlEncode(Footer(sim))).Append("</p>").ToString();
    }

    private static IEnumerable<string[]> Rows(Simulation sim)
    {
        var costs = new CostModel(PriceSheet.UsEast1);
        var usage = sim.Services.Bedrock.Usage;
        foreach (var u in usage)
        {
            yield return
            [
                SimulationView.Seconds(sim, u.At), u.RequestId is { } id ? id[..Math.Min(8, id.Length)] : "-", u.Operation, u.PriceKey,
                u.InputTokens.ToString("N0", CultureInfo.InvariantCulture), u.OutputTokens.ToString("N0", CultureInfo.InvariantCulture),
                SimulationView.Ms(u.Latency), costs.Bedrock(u.PriceKey, u.InputTokens, u.OutputTokens).ToString("0.000000", CultureInfo.InvariantCulture),
            ];
        }

        yield return
        [
            "total", string.Empty, $"{usage.Count} calls", string.Empty,
            usage.Sum(u => u.InputTokens).ToString("N0", CultureInfo.InvariantCulture), usage.Sum(u => u.OutputTokens).ToString("N0", CultureInfo.InvariantCulture),
            SimulationView.Ms(TimeSpan.FromTicks(usage.Sum(u => u.Latency.Ticks))), sim.Services.Bedrock.Cost(costs).ToString("0.000000", CultureInfo.InvariantCulture),
        ];
    }

    private static string Footer(Simulation sim)
    {
        var throttled = sim.Services.Bedrock.Attempts.Count(a => a.Outcome == "ThrottlingException");
        return string.Create(CultureInfo.InvariantCulture,
            $"Prices as of {PriceSheet.UsEast1.AsOf:yyyy-MM-dd} (on-demand, us-east-1); tokens ≈ characters / 4 and latency = the simulator's model; {throttled} throttled call(s) not billed.");
    }
}
