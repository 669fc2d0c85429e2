using System.Text.RegularExpressions;
using Course.Lessons.Display;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Load;

namespace Course.Lessons.Tests.Display;

[Collection(ShowCollection.Name)]
public sealed partial class LoadChartTests
{
    private static LoadReport Burst()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 5 });
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "api", MemorySize = 1769 },
            HandlerFactory.FromDelegate<int, Dictionary<string, object>, string>(
                () =>
                {
                    SimulatedWork.Spend(400);
                    return 0;
                },
                (_, _, _) =>
                {
                    SimulatedWork.Spend(20);
                    return "ok";
                }));
        return LoadGenerator.Run(sim, "api", new LoadProfile { RatePerSecond = 15, Duration = TimeSpan.FromMinutes(2), Pattern = LoadPattern.Burst });
    }

    [Fact]
    public void Html_OnePointPerRequest_ColdStartsInOrange_AndTheirCountPerSlice()
    {
        var report = Burst();

        var html = LoadChart.Html(report);

        Assert.StartsWith("<figure class=\"load-run\"><svg", html, StringComparison.Ordinal);
        Assert.StartsWith("<svg", LoadChart.Svg(report), StringComparison.Ordinal);
        Assert.Equal(report.Requests - report.Throttles, Circle().Count(html));
        Assert.Equal(report.ColdStarts, Regex.Count(html, "<circle [^>]*fill=\"#f0a030\""));
        var perSlice = Regex.Matches(html, @"<title>(\d+) cold starts</title>").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(30, perSlice.Count);
        Assert.Equal(report.ColdStarts, perSlice.Sum());
        Assert.Contains($"p99 {report.P99.TotalMilliseconds:0.0} ms", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_SummaryAndColdStartsPerSlice()
    {
        var report = Burst();

        var text = LoadChart.Text(report);

        Assert.Contains($"{report.Requests} requests (Burst, mean 15/s for 120 s)", text, StringComparison.Ordinal);
        var slices = text.Split('\n')[1]["cold starts per 4 s: ".Length..].Split(' ').Select(int.Parse).ToList();
        Assert.Equal(report.ColdStarts, slices.Sum());
    }

    [Fact]
    public void ColdStartBurst_IsTheLessonsBaselineRun_AndSnapStartShortensItsTail()
    {
        var baseline = LoadCharts.BaselineRun();
        var snap = LoadCharts.BaselineRun(o => o.SnapStart = true);

        // lessons/08-cold-starts.md quotes these figures from its own run of the same function and traffic.
        Assert.Equal(3634, baseline.Requests);
        Assert.Equal(24, baseline.ColdStarts);
        Assert.Equal(2101.2, Math.Round(baseline.Max.TotalMilliseconds, 1));
        Assert.Equal(288.7, Math.Round(snap.Max.TotalMilliseconds, 1));
        Assert.Equal(LoadCharts.ColdStartBurst(), LoadCharts.ColdStartBurst());
        Assert.Contains("max 2101.2 ms", LoadCharts.ColdStartBurst(), StringComparison.Ordinal);
        var page = Course.Lessons.Markdown.LessonPipeline.Default.ToHtml(":::chart cold-start-burst\nThe burst.\n:::\n");
        Assert.StartsWith("<figure class=\"chart\" data-chart=\"cold-start-burst\">\n<svg ", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<circle ")]
    private static partial Regex Circle();
}
