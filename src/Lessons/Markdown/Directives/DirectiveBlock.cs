using Markdig.Extensions.CustomContainers;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Directives;

/// <summary>
/// A fenced lesson directive (<c>:::name arguments</c> … <c>:::</c>). Each extension derives its own block
/// type, so that each has its own renderer.
/// </summary>
internal abstract class DirectiveBlock(BlockParser parser) : CustomContainer(parser)
{
    /// <summary>The directive name (<c>challenge</c>, <c>hint</c>, …).</summary>
    public abstract string Name { get; }

    /// <summary>The trimmed arguments after the name, or an empty string.</summary>
    public string Args => (Arguments ?? string.Empty).Trim();

    /// <summary>What is wrong with this directive where it stands, or <see langword="null"/> when it is fine.</summary>
    public virtual string? Validate() => null;
}
