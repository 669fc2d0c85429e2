using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Extensions.InstructorNote;

/// <summary>Renders an instructor note as an aside in the instructor view, and as nothing otherwise.</summary>
internal sealed class InstructorNoteRenderer(bool visible) : HtmlObjectRenderer<InstructorNoteBlock>
{
    /// <summary>Whether notes are written (instructor view) or dropped (learner view).</summary>
    public bool Visible { get; } = visible;

    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, InstructorNoteBlock obj)
    {
        if (!Visible)
        {
            return;
        }

        renderer.EnsureLine();
        renderer.WriteLine("<aside class=\"instructor-note\">");
        renderer.Write("<p class=\"callout-title\">").WriteEscape(obj.Args.Length == 0 ? "Instructor note" : obj.Args).WriteLine("</p>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine("</aside>");
    }
}
