using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Hint;

/// <summary>Opens <see cref="HintBlock"/> on <c>:::hint</c>.</summary>
internal sealed class HintParser() : DirectiveParser<HintBlock>("hint")
{
    /// <inheritdoc />
    protected override HintBlock CreateFencedBlock(BlockProcessor processor) => new(this);
}
