using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Callout;

/// <summary>Opens <see cref="CalloutBlock"/> on <c>:::callout</c>.</summary>
internal sealed class CalloutParser() : DirectiveParser<CalloutBlock>("callout")
{
    /// <inheritdoc />
    protected override CalloutBlock CreateFencedBlock(BlockProcessor processor) => new(this);
}
