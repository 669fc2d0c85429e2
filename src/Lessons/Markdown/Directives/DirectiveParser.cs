using Markdig.Parsers;

namespace Course.Lessons.Markdown.Directives;

/// <summary>
/// Parses one named directive (<c>:::name</c>). A directive nested in another must use fewer colons than
/// its parent (<c>::::challenge</c> around <c>:::solution</c>), since the outer fence is checked first.
/// </summary>
/// <typeparam name="TBlock">The block type of the directive.</typeparam>
internal abstract class DirectiveParser<TBlock> : FencedBlockParserBase<TBlock>
    where TBlock : DirectiveBlock
{
    protected DirectiveParser(string name)
    {
        Name = name;
        OpeningCharacters = [':'];
        InfoPrefix = null;
    }

    /// <summary>The directive name this parser opens.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent || !string.Equals(DirectiveSyntax.ReadName(processor.Line), Name, StringComparison.Ordinal))
        {
            return BlockState.None;
        }

        return base.TryOpen(processor);
    }
}
