using Markdig;
using Markdig.Renderers;

namespace Course.Lessons.Markdown.Extensions.ExerciseCard;

/// <summary>Adds <c>:::exercise</c>.</summary>
internal sealed class ExerciseCardExtension(Func<string, string?> linkFor) : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.BlockParsers.AddIfNotAlready<ExerciseCardParser>();

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ExerciseCardRenderer>())
        {
            html.ObjectRenderers.Add(new ExerciseCardRenderer(linkFor));
        }
    }
}
