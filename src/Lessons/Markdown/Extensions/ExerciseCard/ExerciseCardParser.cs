using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.ExerciseCard;

/// <summary>Opens <see cref="ExerciseCardBlock"/> on <c>:::exercise</c>.</summary>
internal sealed class ExerciseCardParser() : DirectiveParser<ExerciseCardBlock>("exercise")
{
    /// <inheritdoc />
    protected override ExerciseCardBlock CreateFencedBlock(BlockProcessor processor) => new(this);
}
