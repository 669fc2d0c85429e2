using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Chart;

/// <summary>Opens <see cref="ChartBlock"/> on <c>:::chart</c>.</summary>
internal sealed class ChartParser() : DirectiveParser<ChartBlock>("chart")
{
    /// <inheritdoc />
    protected override ChartBlock CreateFencedBlock(BlockProcessor processor) => new(this);
}
