using Course.Lessons.Display;
using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Chart;

/// <summary><c>:::chart name</c>: a chart drawn from the engine (<see cref="LessonCharts"/>), its content the caption.</summary>
internal sealed class ChartBlock(BlockParser parser) : DirectiveBlock(parser)
{
    /// <inheritdoc />
    public override string Name => "chart";

    /// <summary>The chart's name.</summary>
    public string ChartName => Args.Split(' ', 2)[0];

    /// <inheritdoc />
    public override string? Validate() => LessonCharts.Render(ChartName) is null
        ? $"no chart is called '{ChartName}'; write ':::chart NAME' with one of: {string.Join(", ", LessonCharts.Names)}"
        : null;
}
