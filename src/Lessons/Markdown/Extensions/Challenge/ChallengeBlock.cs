using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.Challenge;

/// <summary><c>::::challenge Title</c>: a task for the learner, usually holding a <c>:::solution</c>.</summary>
internal sealed class ChallengeBlock(BlockParser parser) : DirectiveBlock(parser)
{
    /// <inheritdoc />
    public override string Name => "challenge";

    /// <inheritdoc />
    public override string? Validate() => Args.Length == 0
        ? "a challenge needs a title: write '::::challenge Your title'"
        : null;
}
