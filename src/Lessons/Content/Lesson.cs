using Markdig.Syntax;

namespace Course.Lessons.Content;

/// <summary>One lesson: its front matter, its Markdown body, and the parsed document.</summary>
public sealed class Lesson
{
    internal Lesson(string path, LessonFrontMatter frontMatter, string body, int bodyLine, MarkdownDocument document,
        IReadOnlyList<LessonCodeBlock> codeBlocks)
    {
        Path = path;
        FrontMatter = frontMatter;
        Body = body;
        BodyLine = bodyLine;
        Document = document;
        CodeBlocks = codeBlocks;
    }

    /// <summary>The file the lesson was read from.</summary>
    public string Path { get; }

    /// <summary>The lesson id (<c>NN-slug</c>).</summary>
    public string Id => FrontMatter.Id;

    /// <summary>The lesson's own number, the digits before the id's first dash (<c>04</c> for <c>04-handler-anatomy</c>); empty when there are none.</summary>
    public string Number
    {
        get
        {
            var digits = Id.TakeWhile(char.IsAsciiDigit).Count();
            return digits > 0 && (digits == Id.Length || Id[digits] == '-') ? Id[..digits] : string.Empty;
        }
    }

    /// <summary>The parsed front matter.</summary>
    public LessonFrontMatter FrontMatter { get; }

    /// <summary>The Markdown after the front matter, with <c>\n</c> line endings.</summary>
    public string Body { get; }

    /// <summary>1-based line in the file where <see cref="Body"/> starts.</summary>
    public int BodyLine { get; }

    /// <summary>The body parsed with <see cref="Markdown.LessonPipeline"/>; do not mutate it.</summary>
    public MarkdownDocument Document { get; }

    /// <summary>The C# blocks, in document order.</summary>
    public IReadOnlyList<LessonCodeBlock> CodeBlocks { get; }
}
