using Markdig.Parsers;

namespace Course.Lessons.Markdown.Directives;

/// <summary>Catches every <c>:::</c> line the named parsers declined, so the loader can report it.</summary>
internal sealed class UnknownDirectiveParser : FencedBlockParserBase<UnknownDirectiveBlock>
{
    public UnknownDirectiveParser()
    {
        OpeningCharacters = [':'];
        InfoPrefix = null;
    }

    /// <inheritdoc />
    public override BlockState TryOpen(BlockProcessor processor) =>
        processor.IsCodeIndent || DirectiveSyntax.ReadName(processor.Line) is null ? BlockState.None : base.TryOpen(processor);

    /// <inheritdoc />
    protected override UnknownDirectiveBlock CreateFencedBlock(BlockProcessor processor) => new(this);
}
