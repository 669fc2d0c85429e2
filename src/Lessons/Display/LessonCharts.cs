namespace Course.Lessons.Display;

/// <summary>
/// The charts a lesson can place with <c>:::chart name</c>: each drawn from the engine when the site or the
/// notebooks are built, so a chart cannot drift from the cost model or the simulator.
/// </summary>
public static class LessonCharts
{
    private static readonly Dictionary<string, Func<string>> Charts = new(StringComparer.Ordinal)
    {
        ["cold-start-burst"] = () => LoadCharts.ColdStartBurst(),
        ["cold-start-burst-snapstart"] = () => LoadCharts.ColdStartBurst(o => o.SnapStart = true),
        ["lambda-vs-fargate"] = () => CostChart.LambdaVsFargate(),
        ["sfn-document-pipeline"] = () => ExecutionCharts.DocumentPipeline(),
    };

    /// <summary>The chart names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Charts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Draws a chart.</summary>
    /// <param name="name">The chart's name.</param>
    /// <returns>The SVG markup, or null when no chart has that name.</returns>
    public static string? Render(string name) => Charts.TryGetValue(name, out var draw) ? draw() : null;
}
