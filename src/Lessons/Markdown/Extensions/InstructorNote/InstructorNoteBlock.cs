using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.InstructorNote;

/// <summary><c>:::instructor</c>: a note for whoever teaches the lesson; hidden from learners.</summary>
internal sealed class InstructorNoteBlock(BlockParser parser) : DirectiveBlock(parser)
{
    /// <inheritdoc />
    public override string Name => "instructor";
}
