using System.Net;
using System.Text.RegularExpressions;
using Course.Lessons.Markdown.Extensions.CSharpCode;
using CsCheck;

namespace Course.Lessons.Tests.Markdown.Extensions.CSharpCode;

public sealed partial class CSharpHighlighterTests
{
    [Fact]
    public void Tokenize_AnyText_TokensCoverInputInOrder()
    {
        Gen.String[Gen.Char["abcXYZ019 \n\"'@$/*#_(){}<>.;=\\"], 0, 80].Sample(code =>
        {
            var position = 0;
            foreach (var token in CSharpTokenizer.Tokenize(code))
            {
                Assert.Equal(position, token.Start);
                Assert.True(token.Length > 0);
                position += token.Length;
            }

            Assert.Equal(code.Length, position);
        });
    }

    [Fact]
    public void ToHtml_AnyText_TextContentEqualsInput()
    {
        Gen.String[Gen.Char["abcXYZ019 \n\"'@$/*#_(){}<>&.;="], 0, 80].Sample(code =>
            Assert.Equal(code, WebUtility.HtmlDecode(Tags().Replace(CSharpHighlighter.ToHtml(code), string.Empty))));
    }

    [Theory]
    [InlineData("public", "kw")]
    [InlineData("// note", "com")]
    [InlineData("\"text\"", "str")]
    [InlineData("$\"{x}\"", "str")]
    [InlineData("\"\"\"raw\"\"\"", "str")]
    [InlineData("'c'", "str")]
    [InlineData("42", "num")]
    [InlineData("#r \"x.dll\"", "pre")]
    [InlineData("Simulation", "typ")]
    public void ToHtml_SingleToken_GetsItsClass(string code, string css) =>
        Assert.Equal($"<span class=\"{css}\">{WebUtility.HtmlEncode(code)}</span>", CSharpHighlighter.ToHtml(code));

    [Fact]
    public void ToHtml_GenericCall_IsMethod() =>
        Assert.Contains("<span class=\"fn\">Parse</span>&lt;", CSharpHighlighter.ToHtml("Parse<int>(s)"), StringComparison.Ordinal);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
