using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.InstructorNote;

/// <summary>Opens <see cref="InstructorNoteBlock"/> on <c>:::instructor</c>.</summary>
internal sealed class InstructorNoteParser() : DirectiveParser<InstructorNoteBlock>("instructor")
{
    /// <inheritdoc />
    protected override InstructorNoteBlock CreateFencedBlock(BlockProcessor processor) => new(this);
}
