using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Extensions.ExerciseCard;

/// <summary>Renders an exercise card: the id (a link when the exercise page exists), the description, the grade command.</summary>
internal sealed class ExerciseCardRenderer(Func<string, string?> linkFor) : HtmlObjectRenderer<ExerciseCardBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, ExerciseCardBlock obj)
    {
        var id = obj.ExerciseId;
        var href = linkFor(id);
        renderer.EnsureLine();
        renderer.WriteLine("<div class=\"exercise-card\">");
        renderer.Write("<p class=\"exercise-title\"><span class=\"label\">Exercise</span> ");
        if (href is null)
        {
            renderer.Write("<span class=\"exercise-id\">").WriteEscape(id).Write("</span>");
        }
        else
        {
            renderer.Write("<a class=\"exercise-id\" href=\"").WriteEscapeUrl(href).Write("\">").WriteEscape(id).Write("</a>");
        }

        renderer.WriteLine("</p>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.Write("<p class=\"exercise-grade\">Check your work: <code>./grade ").WriteEscape(id).WriteLine("</code></p>");
        renderer.WriteLine("</div>");
    }
}
