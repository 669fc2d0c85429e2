using System.Text;
using System.Text.RegularExpressions;
using Course.Lessons.Markdown.Directives;

namespace Course.Lessons.Notebooks;

/// <summary>
/// Turns lesson prose into plain Markdown a notebook renders: directives become bold labels and
/// <c>&lt;details&gt;</c> blocks, instructor notes are dropped, links to lessons point at their notebooks.
/// </summary>
internal static partial class NotebookMarkdown
{
    /// <summary>Transforms a stretch of lesson prose.</summary>
    /// <param name="prose">Lesson Markdown without run blocks.</param>
    /// <param name="linkExtension">The extension lesson links get: ".ipynb" in notebooks; null to keep them.</param>
    /// <returns>Plain Markdown, trimmed of blank lines at both ends.</returns>
    public static string Transform(string prose, string? linkExtension = ".ipynb")
    {
        var output = new List<string>();
        var closers = new Stack<(int Colons, string Closer, bool Drop)>();
        string? fence = null;
        foreach (var line in prose.Split('\n'))
        {
            var dropping = closers.Any(c => c.Drop);
            if (fence is not null)
            {
                if (line.TrimStart().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }

                if (!dropping)
                {
                    output.Add(line);
                }

                continue;
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = new string(trimmed[0], trimmed.TakeWhile(c => c == trimmed[0]).Count());
                if (!dropping)
                {
                    output.Add(line);
                }

                continue;
            }

            var colons = line.TakeWhile(c => c == ':').Count();
            if (colons >= 3 && DirectiveSyntax.ReadName(new Markdig.Helpers.StringSlice(line)) is { } name)
            {
                if (name.Length == 0)
                {
                    if (closers.Count > 0)
                    {
                        var (_, closer, drop) = closers.Pop();
                        if (!drop && !closers.Any(c => c.Drop) && closer.Length > 0)
                        {
                            output.Add(string.Empty);
                            output.Add(closer);
                            output.Add(string.Empty);
                        }
                    }

                    continue;
                }

                var args = line[colons..].Trim()[name.Length..].Trim();
                var (open, close, dropIt) = Open(name, args);
                closers.Push((colons, close, dropIt));
                if (!dropping && !dropIt)
                {
                    output.Add(string.Empty);
                    output.Add(open);
                    output.Add(string.Empty);
                }

                continue;
            }

            if (!dropping)
            {
                output.Add(linkExtension is null ? line : LessonLink().Replace(line, m => $"]({m.Groups["id"].Value}{linkExtension}{m.Groups["anchor"].Value})"));
            }
        }

        return Tidy(output);
    }

    private static (string Open, string Close, bool Drop) Open(string name, string args) => name switch
    {
        "challenge" => ($"**Challenge — {args}**", string.Empty, false),
        "solution" => ($"<details><summary>{(args.Length == 0 ? "Solution" : args)}</summary>", "</details>", false),
        "hint" => ($"<details><summary>{(args.Length == 0 ? "Hint" : args)}</summary>", "</details>", false),
        "callout" => ($"**{CalloutTitle(args)}.**", string.Empty, false),
        "exercise" => ($"**Exercise [{args.Split(' ')[0]}](../exercises/{args.Split(' ')[0]}/README.md)** — check it with `./grade {args.Split(' ')[0]}`.", string.Empty, false),
        "instructor" => (string.Empty, string.Empty, true),
        "chart" => (Course.Lessons.Display.LessonCharts.Render(args.Split(' ')[0]) ?? string.Empty, string.Empty, false),
        _ => (string.Empty, string.Empty, false),
    };

    private static string CalloutTitle(string args)
    {
        var parts = args.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length > 1 && parts[1].Length > 0)
        {
            return parts[1];
        }

        return parts[0].Length == 0 ? "Note" : char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
    }

    private static string Tidy(List<string> lines)
    {
        var text = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                blank++;
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('\n', blank > 0 ? 2 : 1);
            }

            blank = 0;
            text.Append(line.TrimEnd());
        }

        return text.ToString();
    }

    [GeneratedRegex("\\]\\((?:\\./)?(?<id>[0-9]{2}-[a-z0-9-]+)\\.md(?<anchor>#[^)]*)?\\)")]
    private static partial Regex LessonLink();
}
