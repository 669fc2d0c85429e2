using Markdig;
using Markdig.Renderers;

namespace Course.Lessons.Markdown.Extensions.InstructorNote;

/// <summary>Adds <c>:::instructor</c>, shown or dropped depending on the view.</summary>
internal sealed class InstructorNoteExtension(bool visible) : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.BlockParsers.AddIfNotAlready<InstructorNoteParser>();

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<InstructorNoteRenderer>())
        {
            html.ObjectRenderers.Add(new InstructorNoteRenderer(visible));
        }
    }
}
