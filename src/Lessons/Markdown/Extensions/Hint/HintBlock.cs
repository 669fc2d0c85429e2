using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Hint;

/// <summary><c>:::hint</c>: a nudge, shown collapsed.</summary>
internal sealed class HintBlock(BlockParser parser) : DirectiveBlock(parser)
{
    /// <inheritdoc />
    public override string Name => "hint";
}
