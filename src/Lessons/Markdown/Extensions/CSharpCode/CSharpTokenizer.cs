using System.Collections.Frozen;

namespace Course.Lessons.Markdown.Extensions.CSharpCode;

/// <summary>
/// A small lexical C# tokenizer for highlighting at build time: comments, literals, keywords, directives and
/// identifiers. It never fails: text it does not recognise is <see cref="CSharpTokenKind.Plain"/>, and the
/// tokens always cover the whole input in order.
/// </summary>
internal static class CSharpTokenizer
{
    private static readonly FrozenSet<string> Keywords = FrozenSet.ToFrozenSet(
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "add", "and", "async", "await", "by", "dynamic", "equals", "field", "from", "get", "global", "group", "init",
        "into", "join", "let", "nameof", "nint", "not", "notnull", "nuint", "on", "or", "orderby", "partial",
        "record", "remove", "required", "scoped", "select", "set", "value", "var", "when", "where", "with", "yield",
    ], StringComparer.Ordinal);

    /// <summary>Splits <paramref name="code"/> into tokens that cover it completely.</summary>
    public static IReadOnlyList<CSharpToken> Tokenize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tokens = new List<CSharpToken>();
        var plainStart = -1;
        var i = 0;
        var lineStart = true;
        while (i < code.Length)
        {
            var c = code[i];
            var kind = CSharpTokenKind.Plain;
            var end = i + 1;
            if (c == '/' && At(code, i + 1, '/'))
            {
                kind = CSharpTokenKind.Comment;
                end = LineEnd(code, i);
            }
            else if (c == '/' && At(code, i + 1, '*'))
            {
                kind = CSharpTokenKind.Comment;
                var close = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = close < 0 ? code.Length : close + 2;
            }
            else if (c == '#' && lineStart)
            {
                kind = CSharpTokenKind.Preprocessor;
                end = LineEnd(code, i);
            }
            else if (c == '"' || ((c == '$' || c == '@') && StringAhead(code, i)))
            {
                kind = CSharpTokenKind.String;
                end = StringEnd(code, i);
            }
            else if (c == '\'')
            {
                kind = CSharpTokenKind.String;
                end = CharEnd(code, i);
            }
            else if (char.IsAsciiDigit(c))
            {
                kind = CSharpTokenKind.Number;
                while (end < code.Length && (char.IsAsciiLetterOrDigit(code[end]) || code[end] == '_' ||
                       (code[end] == '.' && end + 1 < code.Length && char.IsAsciiDigit(code[end + 1]))))
                {
                    end++;
                }
            }
            else if (char.IsLetter(c) || c == '_' || (c == '@' && i + 1 < code.Length && char.IsLetter(code[i + 1])))
            {
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_'))
                {
                    end++;
                }

                var word = code[i..end];
                kind = Keywords.Contains(word) ? CSharpTokenKind.Keyword
                    : IsCall(code, end) ? CSharpTokenKind.Method
                    : char.IsUpper(word.TrimStart('@')[0]) ? CSharpTokenKind.TypeName
                    : CSharpTokenKind.Plain;
            }

            if (kind == CSharpTokenKind.Plain)
            {
                if (plainStart < 0)
                {
                    plainStart = i;
                }
            }
            else
            {
                if (plainStart >= 0)
                {
                    tokens.Add(new CSharpToken(CSharpTokenKind.Plain, plainStart, i - plainStart));
                    plainStart = -1;
                }

                tokens.Add(new CSharpToken(kind, i, end - i));
            }

            for (var k = i; k < end; k++)
            {
                if (code[k] == '\n')
                {
                    lineStart = true;
                }
                else if (!char.IsWhiteSpace(code[k]))
                {
                    lineStart = false;
                }
            }

            i = end;
        }

        if (plainStart >= 0)
        {
            tokens.Add(new CSharpToken(CSharpTokenKind.Plain, plainStart, code.Length - plainStart));
        }

        return tokens;
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static int LineEnd(string s, int i)
    {
        var nl = s.IndexOf('\n', i);
        return nl < 0 ? s.Length : nl;
    }

    private static bool StringAhead(string s, int i)
    {
        while (i < s.Length && (s[i] == '$' || s[i] == '@'))
        {
            i++;
        }

        return At(s, i, '"');
    }

    private static int StringEnd(string s, int i)
    {
        var verbatim = false;
        while (s[i] == '$' || s[i] == '@')
        {
            verbatim |= s[i] == '@';
            i++;
        }

        var quotes = 0;
        while (At(s, i + quotes, '"'))
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            var fence = new string('"', quotes);
            var close = s.IndexOf(fence, i + quotes, StringComparison.Ordinal);
            return close < 0 ? s.Length : close + quotes;
        }

        var j = i + 1;
        while (j < s.Length)
        {
            if (verbatim && s[j] == '"' && At(s, j + 1, '"'))
            {
                j += 2;
            }
            else if (!verbatim && s[j] == '\\')
            {
                j += 2;
            }
            else if (s[j] == '"')
            {
                return j + 1;
            }
            else if (s[j] == '\n' && !verbatim)
            {
                return j;
            }
            else
            {
                j++;
            }
        }

        return s.Length;
    }

    private static int CharEnd(string s, int i)
    {
        var j = i + 1;
        while (j < s.Length && s[j] != '\'' && s[j] != '\n')
        {
            j += s[j] == '\\' ? 2 : 1;
        }

        return Math.Min(s.Length, j + 1);
    }

    private static bool IsCall(string s, int i)
    {
        if (At(s, i, '('))
        {
            return true;
        }

        if (!At(s, i, '<'))
        {
            return false;
        }

        var depth = 0;
        for (var j = i; j < s.Length; j++)
        {
            var c = s[j];
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>' && --depth == 0)
            {
                return At(s, j + 1, '(');
            }
            else if (!(char.IsLetterOrDigit(c) || c is ' ' or ',' or '.' or '_' or '?' or '[' or ']'))
            {
                return false;
            }
        }

        return false;
    }
}
