using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Lessons.Markdown.Extensions.LessonLinks;

/// <summary>Rewrites links between lesson files (<c>04-handler-anatomy.md#x</c>) to the site's pages (<c>04-handler-anatomy.html#x</c>).</summary>
internal sealed partial class LessonLinksExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Rewrite;

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    internal static void Rewrite(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!link.IsImage && link.Url is { } url && LessonFile().Match(url) is { Success: true } m)
            {
                link.Url = m.Groups["id"].Value + ".html" + m.Groups["anchor"].Value;
            }
        }
    }

    [GeneratedRegex("^(?:\\./)?(?<id>[0-9]{2}-[a-z0-9-]+)\\.md(?<anchor>#.*)?$")]
    private static partial Regex LessonFile();
}
