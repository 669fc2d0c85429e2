using Course.Lessons.Markdown;
using Course.Lessons.Markdown.Directives;
using Course.Lessons.Markdown.Extensions.CSharpCode;
using Markdig.Syntax;

namespace Course.Lessons.Content;

/// <summary>Reads lesson files: front matter, body, parsed document and C# blocks, with located errors.</summary>
public static class LessonLoader
{
    /// <summary>Loads every <c>NN-*.md</c> file of a folder, ordered by file name.</summary>
    /// <param name="directory">The lessons folder.</param>
    /// <param name="pipeline">The pipeline to parse with; default <see cref="LessonPipeline.Default"/>.</param>
    /// <returns>The lessons in course order.</returns>
    /// <exception cref="LessonFormatException">A lesson is malformed, or two lessons share an id.</exception>
    public static IReadOnlyList<Lesson> LoadAll(string directory, LessonPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = Directory.GetFiles(directory, "*.md")
            .Where(f => char.IsAsciiDigit(Path.GetFileName(f)[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Select(f => Load(f, pipeline)).ToList();
    }

    /// <summary>Loads one lesson file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="pipeline">The pipeline to parse with; default <see cref="LessonPipeline.Default"/>.</param>
    /// <returns>The lesson.</returns>
    /// <exception cref="LessonFormatException">The lesson is malformed.</exception>
    public static Lesson Load(string path, LessonPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(path, File.ReadAllText(path), pipeline);
    }

    /// <summary>Parses lesson text.</summary>
    /// <param name="path">The file name to report in errors (and to check the id against).</param>
    /// <param name="text">The full file text.</param>
    /// <param name="pipeline">The pipeline to parse with; default <see cref="LessonPipeline.Default"/>.</param>
    /// <returns>The lesson.</returns>
    /// <exception cref="LessonFormatException">The lesson is malformed.</exception>
    public static Lesson Parse(string path, string text, LessonPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        pipeline ??= LessonPipeline.Default;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            throw LessonFormatException.At(path, 1, 1,
                "a lesson starts with YAML front matter between two '---' lines; add '---' as the first line");
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            throw LessonFormatException.At(path, lines.Length, 1,
                "the front matter is never closed; add a line '---' after the last front matter key");
        }

        var frontMatter = FrontMatterReader.Read(path, string.Join('\n', lines[1..close]), 2);
        var bodyLine = close + 2;
        var body = string.Join('\n', lines[(close + 1)..]);
        var document = pipeline.Parse(body);
        var blocks = new List<LessonCodeBlock>();
        foreach (var block in document.Descendants())
        {
            var line = bodyLine + block.Line;
            if (block is DirectiveBlock directive && directive.Validate() is { } problem)
            {
                throw LessonFormatException.At(path, line, block.Column + 1, problem);
            }

            if (block is FencedCodeBlock fenced && CSharpInfo.IsCSharp(fenced.Info))
            {
                var kind = CSharpInfo.KindOf(fenced.Arguments)
                    ?? throw LessonFormatException.At(path, line, block.Column + 1,
                        $"unknown C# block kind '```csharp {fenced.Arguments}'; use {CSharpInfo.Forms}");
                if (kind != CodeBlockKind.Display && fenced.Parent is not MarkdownDocument)
                {
                    throw LessonFormatException.At(path, line, block.Column + 1,
                        "a '```csharp run' block must stand at the top level of the lesson, not inside a directive or list (a notebook cannot hide a code cell); use '```csharp' to show code there");
                }

                blocks.Add(new LessonCodeBlock(kind, fenced.Lines.ToString().TrimEnd('\n'), line));
            }
        }

        return new Lesson(path, frontMatter, body, bodyLine, document, blocks);
    }
}
