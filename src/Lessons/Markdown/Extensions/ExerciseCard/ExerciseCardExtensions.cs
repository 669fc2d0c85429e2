using Markdig;

namespace Course.Lessons.Markdown.Extensions.ExerciseCard;

/// <summary>Adds exercise cards to a Markdig pipeline.</summary>
public static class ExerciseCardExtensions
{
    /// <summary>
    /// Enables <c>:::exercise NN-slug</c> … <c>:::</c>: a card naming the exercise, its description and the
    /// <c>./grade</c> command.
    /// </summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <param name="linkFor">
    /// Maps an exercise id to the link target, or to <see langword="null"/> for no link (e.g. when the
    /// exercise has no page yet). Default: <c>../exercises/{id}/README.md</c>.
    /// </param>
    /// <returns>The same builder.</returns>
    public static MarkdownPipelineBuilder UseExerciseCards(this MarkdownPipelineBuilder pipeline, Func<string, string?>? linkFor = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.Extensions.Contains<ExerciseCardExtension>())
        {
            pipeline.Extensions.Add(new ExerciseCardExtension(linkFor ?? (id => $"../exercises/{id}/README.md")));
        }

        return pipeline;
    }
}
