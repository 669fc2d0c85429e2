using System.Net;
using System.Text;

namespace Course.Lessons.Markdown.Extensions.CSharpCode;

/// <summary>Turns C# source into HTML with <c>&lt;span class="…"&gt;</c> around each highlighted token.</summary>
public static class CSharpHighlighter
{
    /// <summary>
    /// Highlights C# source. Classes: <c>com</c> comment, <c>str</c> string or char, <c>num</c> number,
    /// <c>kw</c> keyword, <c>pre</c> directive, <c>typ</c> capitalised identifier, <c>fn</c> call. Everything is
    /// HTML-escaped; the text content of the result equals the input.
    /// </summary>
    /// <param name="code">The source.</param>
    /// <returns>The HTML fragment (no surrounding <c>pre</c>/<c>code</c>).</returns>
    public static string ToHtml(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var html = new StringBuilder(code.Length * 2);
        foreach (var token in CSharpTokenizer.Tokenize(code))
        {
            var text = WebUtility.HtmlEncode(code.Substring(token.Start, token.Length));
            var css = token.Kind switch
            {
                CSharpTokenKind.Comment => "com",
                CSharpTokenKind.String => "str",
                CSharpTokenKind.Number => "num",
                CSharpTokenKind.Keyword => "kw",
                CSharpTokenKind.Preprocessor => "pre",
                CSharpTokenKind.TypeName => "typ",
                CSharpTokenKind.Method => "fn",
                _ => null,
            };
            if (css is null)
            {
                html.Append(text);
            }
            else
            {
                html.Append("<span class=\"").Append(css).Append("\">").Append(text).Append("</span>");
            }
        }

        return html.ToString();
    }
}
