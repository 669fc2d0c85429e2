using Markdig;

namespace Course.Lessons.Markdown.Extensions.Chart;

/// <summary>Adds engine-drawn charts to a Markdig pipeline.</summary>
public static class ChartExtensions
{
    /// <summary>Enables <c>:::chart name</c> … <c>:::</c>: an SVG chart drawn from the engine, with a caption.</summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <returns>The same builder.</returns>
    public static MarkdownPipelineBuilder UseCharts(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.Extensions.Contains<ChartExtension>())
        {
            pipeline.Extensions.Add(new ChartExtension());
        }

        return pipeline;
    }
}
