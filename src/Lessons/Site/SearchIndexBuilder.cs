using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Course.Lessons.Markdown.Extensions.Challenge;
using Course.Lessons.Markdown.Extensions.InstructorNote;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Lessons.Site;

/// <summary>Collects page sections into the client-side search index (<c>assets/search-index.js</c>).</summary>
internal sealed class SearchIndexBuilder
{
    private readonly List<SearchEntry> _entries = [];

    /// <summary>Adds a page's sections (split at level-2 headings). Solutions and instructor notes are left out.</summary>
    public void Add(string pageTitle, string url, MarkdownDocument document, string preamble)
    {
        var section = string.Empty;
        var anchor = string.Empty;
        var text = new StringBuilder(preamble);
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                Flush();
                section = InlineText(heading.Inline);
                anchor = heading.GetAttributes().Id is { } id ? "#" + id : string.Empty;
                continue;
            }

            AppendText(block, text);
        }

        Flush();

        void Flush()
        {
            var body = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (body.Length > 0 || section.Length > 0)
            {
                _entries.Add(new SearchEntry(pageTitle, section, url + anchor, body));
            }

            text.Clear();
        }
    }

    /// <summary>The index as a script that sets <c>window.COURSE_SEARCH</c> (works from file:// too).</summary>
    public string ToScript()
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartArray();
            foreach (var entry in _entries)
            {
                json.WriteStartObject();
                json.WriteString("page", entry.Page);
                json.WriteString("section", entry.Section);
                json.WriteString("url", entry.Url);
                json.WriteString("text", entry.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return "window.COURSE_SEARCH = " + Encoding.UTF8.GetString(buffer.ToArray()) + ";\n";
    }

    private static void AppendText(Block block, StringBuilder text)
    {
        switch (block)
        {
            case SolutionBlock or InstructorNoteBlock:
                return;
            case LeafBlock { Inline: { } inline }:
                text.Append(InlineText(inline)).Append(' ');
                break;
            case CodeBlock code:
                text.Append(code.Lines.ToString()).Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendText(child, text);
                }

                break;
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var node in inline.Descendants())
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString();
    }
}
