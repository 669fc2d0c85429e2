using Markdig.Helpers;

namespace Course.Lessons.Markdown.Directives;

/// <summary>Recognises the opening line of a directive: three or more colons, optional spaces, a name.</summary>
internal static class DirectiveSyntax
{
    /// <summary>All directive names the lesson pipeline knows, for error messages.</summary>
    public const string KnownNames = "challenge, solution, hint, callout, instructor, exercise";

    /// <summary>Reads the directive name of a line starting with <c>:::</c>, or returns <see langword="null"/>.</summary>
    public static string? ReadName(StringSlice line)
    {
        var text = line.Text;
        var i = line.Start;
        var end = line.End;
        var colons = 0;
        while (i <= end && text[i] == ':')
        {
            colons++;
            i++;
        }

        if (colons < 3)
        {
            return null;
        }

        while (i <= end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        var start = i;
        while (i <= end && text[i] != ' ' && text[i] != '\t')
        {
            i++;
        }

        return text.Substring(start, i - start);
    }
}
