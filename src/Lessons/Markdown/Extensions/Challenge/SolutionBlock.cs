using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Challenge;

/// <summary><c>:::solution</c> inside a challenge: shown collapsed.</summary>
internal sealed class SolutionBlock(BlockParser parser) : DirectiveBlock(parser)
{
    /// <inheritdoc />
    public override string Name => "solution";

    /// <inheritdoc />
    public override string? Validate() => Parent is ChallengeBlock
        ? null
        : "a ':::solution' must sit inside a challenge; open the challenge with more colons than the solution ('::::challenge Title' … ':::solution' … ':::' … '::::')";
}
