using System.Text.RegularExpressions;
using Course.Lambda.Core;
using Course.Lessons.Display;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;
using Course.Sandbox.Pricing;

namespace Course.Lessons.Tests.Display;

[Collection(ShowCollection.Name)]
public sealed partial class SimulationViewsTests
{
    [Fact]
    public void Timeline_AsyncRetries_DrawsOneInitAndThreeFailedRuns()
    {
        var sim = FailingAsync();

        var svg = SimulationHtml.Timeline(sim);

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Equal(1, Count(svg, "fill=\"#f0a030\""));
        Assert.Equal(3, Count(svg, "fill=\"#d04040\""));
        Assert.Equal(0, Count(svg, "fill=\"#3a9a4a\""));
        Assert.Contains("attempt 3", svg, StringComparison.Ordinal);
        var xs = RectX().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.True(xs[^1] - xs[1] > 100, "minute-long retry gaps are compressed but still visible");
    }

    [Fact]
    public void Text_AsyncRetries_ListsEachAttemptWithItsTime()
    {
        var sim = FailingAsync();

        var text = SimulationText.Timeline(sim);

        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("0.235 s  f attempt 1 on env-1: cold start (235 ms INIT)", text, StringComparison.Ordinal);
        Assert.Contains("60.236 s  f attempt 2", text, StringComparison.Ordinal);
        Assert.Contains("180.236 s  f attempt 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_WarmAndCold_ShowInitDurationAndReportLines()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 3 });
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "echo" }, HandlerFactory.FromDelegate((string s, ILambdaContext c) => s));
        sim.Lambda.Invoke("echo", "\"a\"");
        sim.Lambda.Invoke("echo", "\"b\"");

        var invocations = SimulationHtml.Invocations(sim);
        var logs = SimulationText.Logs(sim, "echo");

        Assert.Equal(3, Count(invocations, "<tr>"));
        Assert.Contains("<td style=\"border-bottom:1px solid #ddd;padding:2px 8px;text-align:left\">235</td>", invocations, StringComparison.Ordinal);
        Assert.Equal(2, Count(logs, "REPORT RequestId:"));
        Assert.Equal(1, Count(logs, "Init Duration:"));
        Assert.Contains("InvokeStart", SimulationText.Trace(sim), StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_Summary_ShowsBothPartsAndTotal()
    {
        var cost = new CostModel(PriceSheet.UsEast1).Estimate(1_000_000, TimeSpan.FromMilliseconds(200), 512);

        var html = SimulationHtml.Cost(cost);
        var text = SimulationText.Cost(cost);

        Assert.Contains("1,000,000", html, StringComparison.Ordinal);
        Assert.Contains(cost.Total.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("GB-seconds", text, StringComparison.Ordinal);
        Assert.DoesNotContain("provisioned", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_ProvisionedConcurrencyAndSnapStart_GetTheirOwnLines()
    {
        var cost = new CostModel(PriceSheet.UsEast1).Estimate(1_000, TimeSpan.FromMilliseconds(20), 1024) with
        {
            ProvisionedConcurrencyCost = 0.03m,
            SnapStartCost = 0.0056m,
        };

        var text = SimulationText.Cost(cost);
        var html = SimulationHtml.Cost(cost);

        Assert.Contains("provisioned concurrency     $    0.030000", text, StringComparison.Ordinal);
        Assert.Contains("SnapStart cache + restores  $    0.005600", text, StringComparison.Ordinal);
        Assert.Contains(">provisioned concurrency<", html, StringComparison.Ordinal);
        Assert.Contains(cost.Total.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_WithHtmlSink_SendsHtml_OtherwiseWritesText()
    {
        var sim = FailingAsync();
        var sent = new List<string>();
        var console = Console.Out;
        var captured = new StringWriter();
        try
        {
            Show.Html = sent.Add;
            Show.Timeline(sim);
            Show.Html = null;
            Console.SetOut(captured);
            Show.Timeline(sim);
        }
        finally
        {
            Show.Html = null;
            Console.SetOut(console);
        }

        Assert.StartsWith("<svg", Assert.Single(sent), StringComparison.Ordinal);
        Assert.Contains("attempt 3", captured.ToString(), StringComparison.Ordinal);
    }

    private static Simulation FailingAsync()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 1 });
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" },
            HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) => Fail()));
        _ = sim.Lambda.InvokeAsync("f", "{}", InvocationType.Event);
        sim.Run();
        return sim;
    }

    private static string Fail() => throw new InvalidOperationException("boom");

    private static int Count(string text, string fragment) => Regex.Count(text, Regex.Escape(fragment));

    [GeneratedRegex("<rect x=\"([0-9.]+)\"")]
    private static partial Regex RectX();
}
