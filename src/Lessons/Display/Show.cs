using Course.Sandbox;
using Course.Sandbox.Observability;
using Course.Sandbox.Pricing;

namespace Course.Lessons.Display;

/// <summary>
/// Shows a simulation from lesson code: as HTML (tables, SVG timeline) in a notebook once <see cref="Html"/> is
/// set by the notebook's first cell, and as plain text on the console otherwise (the .cs apps).
/// </summary>
public static class Show
{
    /// <summary>Where HTML goes; null (the default) means write text to the console.</summary>
    public static Action<string>? Html { get; set; }

    /// <summary>Shows every invocation attempt: start, cold start, duration, billed duration, outcome.</summary>
    /// <param name="sim">The simulation.</param>
    public static void Invocations(Simulation sim) => Emit(() => SimulationHtml.Invocations(sim), () => SimulationText.Invocations(sim));

    /// <summary>Shows the trace (deployments left out).</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="filter">Which events to keep; null keeps all.</param>
    public static void Trace(Simulation sim, Func<TraceEvent, bool>? filter = null) =>
        Emit(() => SimulationHtml.Trace(sim, filter), () => SimulationText.Trace(sim, filter));

    /// <summary>Shows the CloudWatch-style logs (START, END, REPORT and the handler's own lines).</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="functionName">One function, or null for all.</param>
    public static void Logs(Simulation sim, string? functionName = null) =>
        Emit(() => SimulationHtml.Logs(sim, functionName), () => SimulationText.Logs(sim, functionName));

    /// <summary>Shows a cost summary.</summary>
    /// <param name="cost">The summary from the engine's cost model.</param>
    public static void Cost(CostSummary cost) => Emit(() => SimulationHtml.Cost(cost), () => SimulationText.Cost(cost));

    /// <summary>Shows a timeline of environments, INIT phases, runs and retries.</summary>
    /// <param name="sim">The simulation.</param>
    public static void Timeline(Simulation sim) => Emit(() => SimulationHtml.Timeline(sim), () => SimulationText.Timeline(sim));

    /// <summary>Shows Bedrock's billed calls: tokens in and out, modelled latency and cost per call from the price sheet, with totals.</summary>
    /// <param name="sim">The simulation.</param>
    public static void Tokens(Simulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        Emit(() => TokenTable.Html(sim), () => TokenTable.Text(sim));
    }

    /// <summary>Shows the Lambda vs Fargate crossover chart (<see cref="CostChart"/>); text on the console.</summary>
    /// <param name="durationMs">Average duration per request, ms.</param>
    /// <param name="memoryMB">Lambda memory, MB.</param>
    public static void LambdaVsFargate(double durationMs = 200, int memoryMB = 512) =>
        Emit(() => CostChart.LambdaVsFargate(durationMs: durationMs, memoryMB: memoryMB), () => CostChart.LambdaVsFargateText(durationMs: durationMs, memoryMB: memoryMB));

    /// <summary>Shows a load run: latency of every request over time (cold starts marked) and cold starts per time slice.</summary>
    /// <param name="report">The report from <see cref="Course.Sandbox.Load.LoadGenerator.Run"/>.</param>
    public static void Load(Course.Sandbox.Load.LoadReport report) => Emit(() => LoadChart.Html(report), () => LoadChart.Text(report));

    /// <summary>
    /// Shows a Step Functions execution as a picture drawn from its history: one row per state entered (Map iterations
    /// and Parallel branches indented), virtual time on the x-axis, each task attempt green or red, retry waits dashed.
    /// </summary>
    /// <param name="execution">The execution (<c>sim.StepFunctions.StartExecution(...)</c>, run to its end).</param>
    public static void Execution(Course.Sandbox.StepFunctions.Executions.Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        Emit(() => ExecutionChart.Html(execution), () => ExecutionChart.Text(execution));
    }

    /// <summary>Shows an execution's history in GetExecutionHistory's order: id, previousEventId, time, type and details.</summary>
    /// <param name="execution">The execution.</param>
    /// <param name="filter">Which events to keep; null keeps all.</param>
    public static void History(Course.Sandbox.StepFunctions.Executions.Execution execution, Func<Course.Sandbox.StepFunctions.History.HistoryEvent, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(execution);
        Emit(() => ExecutionHistoryTable.Html(execution, filter), () => ExecutionHistoryTable.Text(execution, filter));
    }

    private static void Emit(Func<string> html, Func<string> text)
    {
        if (Html is { } sink)
        {
            sink(html());
        }
        else
        {
            Console.Write(text());
        }
    }
}
