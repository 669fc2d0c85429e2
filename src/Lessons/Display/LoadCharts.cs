using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Load;

namespace Course.Lessons.Display;

/// <summary>
/// Load-run charts drawn from the engine when the site is built, for lesson 08: the same function and traffic as the
/// lesson's baseline run (500 ms of INIT work at 1 vCPU, 40 ms per request, 512 MB, burst at a mean 20/s for 3
/// minutes, seed 8), so the page's chart and the notebook's output are one run. Placed with the lesson chart
/// directive: <c>:::chart cold-start-burst</c> and <c>:::chart cold-start-burst-snapstart</c>.
/// </summary>
public static class LoadCharts
{
    /// <summary>Latency of every request over the run (cold starts in orange) and cold starts per time slice, as SVG.</summary>
    /// <param name="configure">Changes to the function's options (e.g. SnapStart); null for the baseline.</param>
    /// <returns>The SVG markup.</returns>
    public static string ColdStartBurst(Action<FunctionOptions>? configure = null) => LoadChart.Svg(BaselineRun(configure));

    /// <summary>The lesson's baseline run, for charts and tests.</summary>
    /// <param name="configure">Changes to the function's options; null for the baseline.</param>
    /// <returns>The load report.</returns>
    public static LoadReport BaselineRun(Action<FunctionOptions>? configure = null)
    {
        var sim = new Simulation(new SimulationOptions { Seed = 8, Recording = Course.Sandbox.Observability.RecordingLevel.Summary });
        var options = new FunctionOptions { FunctionName = "api", MemorySize = 512 };
        configure?.Invoke(options);
        sim.Lambda.Deploy(options, HandlerFactory.FromDelegate<int, Dictionary<string, object>, string>(
            () =>
            {
                SimulatedWork.Spend(500);
                return 0;
            },
            (_, request, _) =>
            {
                if (request.ContainsKey("ping"))
                {
                    return "pong";
                }
                SimulatedWork.Spend(40);
                return "hello";
            }));
        return LoadGenerator.Run(sim, "api", new LoadProfile { RatePerSecond = 20, Duration = TimeSpan.FromMinutes(3), Pattern = LoadPattern.Burst });
    }
}
