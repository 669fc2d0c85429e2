using Markdig.Parsers;

namespace Course.Lessons.Markdown.Directives;

/// <summary>A <c>:::</c> line that no directive parser took: an unknown name or a stray closing fence.</summary>
internal sealed class UnknownDirectiveBlock(BlockParser parser) : DirectiveBlock(parser)
{
    /// <inheritdoc />
    public override string Name => Info ?? string.Empty;

    /// <inheritdoc />
    public override string? Validate() => string.IsNullOrEmpty(Info)
        ? "a ':::' closing line with nothing open to close; remove it, or check that a nested directive uses fewer colons than its parent"
        : $"unknown directive ':::{Info}'; use one of: {DirectiveSyntax.KnownNames}";
}
