using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Callout;

/// <summary><c>:::callout note|warning|tip [title]</c>: an aside that stands out from the prose.</summary>
internal sealed class CalloutBlock(BlockParser parser) : DirectiveBlock(parser)
{
    private static readonly string[] Kinds = ["note", "warning", "tip"];

    /// <inheritdoc />
    public override string Name => "callout";

    /// <summary>The kind: the first argument (<c>note</c>, <c>warning</c> or <c>tip</c>).</summary>
    public string Kind => Args.Split(' ', 2)[0];

    /// <summary>The title: the words after the kind, or the kind capitalised.</summary>
    public string Title
    {
        get
        {
            var parts = Args.Split(' ', 2, StringSplitOptions.TrimEntries);
            return parts.Length > 1 && parts[1].Length > 0 ? parts[1] : char.ToUpperInvariant(Kind[0]) + Kind[1..];
        }
    }

    /// <inheritdoc />
    public override string? Validate() => Array.IndexOf(Kinds, Kind) >= 0
        ? null
        : $"a callout needs a kind: write ':::callout note', ':::callout warning' or ':::callout tip' (found '{Args}')";
}
