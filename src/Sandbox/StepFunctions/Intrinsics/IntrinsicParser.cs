using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Intrinsics;

/// <summary>
/// Parses an intrinsic invocation such as <c>States.Format('{} {}', $.a, States.ArrayLength($.b))</c>: string literals
/// in single quotes with the reserved characters <c>' { } \</c> escaped by a backslash, numbers, <c>true</c>/<c>false</c>/<c>null</c>,
/// paths and nested calls, at most 10 deep.
/// </summary>
internal sealed class IntrinsicParser(string text)
{
    /// <summary>AWS's limit on nested intrinsic functions in one field.</summary>
    public const int MaxNesting = 10;

    private int _pos;

    /// <summary>True when the text looks like an intrinsic invocation (starts with <c>States.</c>).</summary>
    public static bool IsIntrinsic(string value) => value.StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Parses the whole text as one call.</summary>
    /// <exception cref="JsonPathException">Malformed; the message says where.</exception>
    public IntrinsicCall Parse()
    {
        var call = ParseCall(1);
        SkipSpaces();
        if (_pos < text.Length)
        {
            throw Error($"unexpected '{text[_pos]}' after the closing ')'");
        }
        return call;
    }

    private IntrinsicCall ParseCall(int depth)
    {
        if (depth > MaxNesting)
        {
            throw Error($"more than {MaxNesting} nested intrinsic functions");
        }
        var start = _pos;
        while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '.'))
        {
            _pos++;
        }
        var name = text[start.._pos];
        if (!IntrinsicFunctions.Names.Contains(name))
        {
            throw Error($"'{name}' is not an intrinsic function (known: {string.Join(", ", IntrinsicFunctions.Names)})");
        }
        SkipSpaces();
        if (Peek() != '(')
        {
            throw Error($"expected '(' after {name}");
        }
        _pos++;
        var args = new List<IntrinsicExpression>();
        SkipSpaces();
        if (Peek() == ')') { _pos++; return new IntrinsicCall(name, args); }
        while (true)
        {
            SkipSpaces();
            args.Add(ParseArgument(depth));
            SkipSpaces();
            if (Peek() == ',') { _pos++; continue; }
            if (Peek() == ')') { _pos++; return new IntrinsicCall(name, args); }
            throw Error(_pos < text.Length ? $"expected ',' or ')' but found '{text[_pos]}'" : "missing ')'");
        }
    }

    private IntrinsicExpression ParseArgument(int depth)
    {
        var c = Peek() ?? throw Error("missing argument");
        if (c == '\'')
        {
            var raw = ReadString();
            return new StringLiteralArgument(Unescape(raw), raw);
        }
        if (c == '$')
        {
            return new PathArgument(ReadPath());
        }
        if (IsIntrinsic(text[_pos..]))
        {
            return ParseCall(depth + 1);
        }
        if (char.IsAsciiDigit(c) || c == '-')
        {
            var start = _pos++;
            while (Peek() is char d && (char.IsAsciiDigit(d) || d is '.' or 'e' or 'E' or '+' or '-'))
            {
                _pos++;
            }
            if (!decimal.TryParse(text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                throw Error($"'{text[start.._pos]}' is not a number");
            }
            return new LiteralArgument(JsonValues.Number(n));
        }
        foreach (var (word, value) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0)
            {
                _pos += word.Length;
                return new LiteralArgument(value);
            }
        }
        throw Error($"unexpected '{c}': an argument is a 'string', a number, true, false, null, a path or an intrinsic");
    }

    private string ReadString()
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= text.Length)
            {
                throw Error("unterminated string literal (a ' inside a string is written \\')");
            }
            var c = text[_pos++];
            if (c == '\'')
            {
                return sb.ToString();
            }
            if (c == '\\')
            {
                if (_pos >= text.Length || text[_pos] is not ('\'' or '{' or '}' or '\\'))
                {
                    throw Error("an open escape backslash: only \\' \\{ \\} and \\\\ are escapes");
                }
                sb.Append('\\').Append(text[_pos++]);   // kept escaped: States.Format tells \{ from {
                continue;
            }
            sb.Append(c);
        }
    }

    private static string Unescape(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
            {
                i++;
            }
            sb.Append(raw[i]);
        }
        return sb.ToString();
    }

    private JsonPath ReadPath()
    {
        var start = _pos;
        var depth = 0;
        char? quote = null;
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (quote is not null) { if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '[' or '(')
            {
                depth++;
            }
            else if (c is ']' || (c == ')' && depth > 0))
            {
                depth--;
            }
            else if (depth == 0 && c is ',' or ')' or ' ')
            {
                break;
            }
            _pos++;
        }
        return JsonPath.Parse(text[start.._pos]);
    }

    private void SkipSpaces()
    {
        while (Peek() == ' ')
        {
            _pos++;
        }
    }

    private char? Peek() => _pos < text.Length ? text[_pos] : null;

    private JsonPathException Error(string what) =>
        new($"The intrinsic function '{text}' is invalid: {what} (at character {_pos + 1}).");
}
