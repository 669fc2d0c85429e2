using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Challenge;

/// <summary>Opens <see cref="SolutionBlock"/> on <c>:::solution</c>.</summary>
internal sealed class SolutionParser() : DirectiveParser<SolutionBlock>("solution")
{
    /// <inheritdoc />
    protected override SolutionBlock CreateFencedBlock(BlockProcessor processor) => new(this);
}
