using Markdig;

namespace Course.Lessons.Markdown.Extensions.InstructorNote;

/// <summary>Adds instructor notes to a Markdig pipeline.</summary>
public static class InstructorNoteExtensions
{
    /// <summary>
    /// Enables <c>:::instructor [title]</c> … <c>:::</c>. The notes are parsed in every view and written only
    /// when <paramref name="visible"/> is true (the instructor view); the learner view drops them.
    /// </summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <param name="visible">Whether to render the notes. Default: false (learner view).</param>
    /// <returns>The same builder.</returns>
    public static MarkdownPipelineBuilder UseInstructorNotes(this MarkdownPipelineBuilder pipeline, bool visible = false)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.Extensions.Contains<InstructorNoteExtension>())
        {
            pipeline.Extensions.Add(new InstructorNoteExtension(visible));
        }

        return pipeline;
    }
}
