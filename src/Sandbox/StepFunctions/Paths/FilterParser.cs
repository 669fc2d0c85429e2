using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>Parses a filter body: <c>||</c>, <c>&amp;&amp;</c>, <c>!</c>, parentheses, comparisons, <c>@</c>/<c>$</c> paths and literals.</summary>
internal sealed class FilterParser(string text, int position)
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "=~", "<", ">", " nin ", " in "];
    private int _pos = position;

    /// <summary>Parses up to (not including) the closing <c>)</c> of <c>[?( … )]</c>.</summary>
    public FilterExpression ParseFilter(out int end)
    {
        var e = ParseOr();
        SkipSpaces();
        end = _pos;
        return e;
    }

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (SkipSpaces() && Match("||"))
        {
            left = new LogicalFilter(left, ParseAnd(), and: false);
        }
        return left;
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (SkipSpaces() && Match("&&"))
        {
            left = new LogicalFilter(left, ParseUnary(), and: true);
        }
        return left;
    }

    private FilterExpression ParseUnary()
    {
        SkipSpaces();
        if (Peek() == '!' && Peek(1) != '=')
        {
            _pos++;
            return new NotFilter(ParseUnary());
        }
        if (Peek() == '(')
        {
            _pos++;
            var inner = ParseOr();
            SkipSpaces();
            if (Peek() != ')')
            {
                throw Error("expected ')'");
            }
            _pos++;
            return inner;
        }
        var left = ParseOperand();
        var save = _pos;
        foreach (var op in Operators)
        {
            if (!op.StartsWith(' '))
            {
                SkipSpaces();
            }
            if (Match(op))
            {
                SkipSpaces();
                return new ComparisonFilter(left, op.Trim(), ParseOperand());
            }
            _pos = save;
        }
        return new ExistsFilter(left);
    }

    private FilterOperand ParseOperand()
    {
        SkipSpaces();
        var c = Peek() ?? throw Error("expected a value");
        if (c is '@' or '$')
        {
            var fromCurrent = c == '@';
            var start = _pos;
            var parser = new JsonPathParser(text, _pos + 1);
            var segments = parser.ParseSegments(stopAt: " )=!<>&|,");
            _pos = parser.Position;
            return FilterOperand.Path(new JsonPath(text[start.._pos], PathRoot.Input, null, segments), fromCurrent);
        }
        if (c is '\'' or '"')
        {
            return FilterOperand.Literal(JsonValue.Create(ReadQuoted(c)));
        }
        if (c == '/')
        {
            var endSlash = text.IndexOf('/', _pos + 1);
            if (endSlash < 0)
            {
                throw Error("unterminated regular expression");
            }
            var pattern = text[(_pos + 1)..endSlash];
            _pos = endSlash + 1;
            if (Peek() == 'i') { _pos++; pattern = "(?i)" + pattern; }
            return FilterOperand.Literal(JsonValue.Create(pattern));
        }
        if (c == '[')
        {
            var close = text.IndexOf(']', _pos);
            if (close < 0)
            {
                throw Error("unterminated array literal");
            }
            var json = text[_pos..(close + 1)].Replace('\'', '"');
            _pos = close + 1;
            return FilterOperand.Literal(JsonNode.Parse(json));
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
                throw Error("bad number");
            }
            return FilterOperand.Literal(JsonValues.Number(n));
        }
        foreach (var (word, value) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (Match(word))
            {
                return FilterOperand.Literal(value);
            }
        }
        throw Error($"unexpected '{c}'");
    }

    private string ReadQuoted(char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (_pos < text.Length && text[_pos] != quote)
        {
            if (text[_pos] == '\\' && _pos + 1 < text.Length)
            {
                _pos++;
            }
            sb.Append(text[_pos++]);
        }
        if (_pos >= text.Length)
        {
            throw Error("unterminated string");
        }
        _pos++;
        return sb.ToString();
    }

    private bool Match(string s)
    {
        if (string.CompareOrdinal(text, _pos, s, 0, s.Length) != 0)
        {
            return false;
        }
        _pos += s.Length;
        return true;
    }

    private bool SkipSpaces()
    {
        while (Peek() == ' ')
        {
            _pos++;
        }
        return true;
    }

    private char? Peek(int ahead = 0) => _pos + ahead < text.Length ? text[_pos + ahead] : null;

    private JsonPathException Error(string what) =>
        new($"The JSONPath '{text}' is invalid: {what} in a filter (at character {_pos + 1}).");
}
