using Markdig;

namespace Course.Lessons.Markdown.Extensions.CSharpCode;

/// <summary>Adds build-time C# highlighting to a Markdig pipeline.</summary>
public static class CSharpCodeExtensions
{
    /// <summary>
    /// Highlights <c>```csharp</c> blocks with <see cref="CSharpHighlighter"/> (no JavaScript needed) and
    /// labels <c>run</c> blocks; other languages render as Markdig renders them.
    /// </summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <returns>The same builder.</returns>
    public static MarkdownPipelineBuilder UseCSharpCode(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<CSharpCodeExtension>();
        return pipeline;
    }
}
