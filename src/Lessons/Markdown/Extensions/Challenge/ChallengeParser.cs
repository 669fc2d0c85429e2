using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Challenge;

/// <summary>Opens <see cref="ChallengeBlock"/> on <c>:::challenge</c> (use four or more colons when it holds a solution).</summary>
internal sealed class ChallengeParser() : DirectiveParser<ChallengeBlock>("challenge")
{
    /// <inheritdoc />
    protected override ChallengeBlock CreateFencedBlock(BlockProcessor processor) => new(this);
}
