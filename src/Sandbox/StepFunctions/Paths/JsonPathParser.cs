using System.Globalization;
using System.Text;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>Parses JSONPath text into a <see cref="JsonPath"/> (see its docs for the dialect).</summary>
internal sealed class JsonPathParser(string text, int position = 0)
{
    private int _pos = position;

    /// <summary>Where parsing stopped.</summary>
    public int Position => _pos;

    public JsonPath Parse()
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] != '$')
        {
            throw Error("a path must start with '$'");
        }
        _pos = 1;
        var root = PathRoot.Input;
        string? variable = null;
        if (Peek() == '$') { _pos++; root = PathRoot.Context; }
        else if (Peek() is char c && (char.IsAsciiLetter(c) || c == '_'))
        {
            root = PathRoot.Variable;
            variable = ReadName();
        }
        var segments = ParseSegments(stopAt: null);
        if (_pos < text.Length)
        {
            throw Error($"unexpected '{text[_pos]}'");
        }
        return new JsonPath(text, root, variable, segments);
    }

    /// <summary>Parses segments until the end of the text or a character in <paramref name="stopAt"/> at depth 0 (for filters).</summary>
    internal List<PathSegment> ParseSegments(string? stopAt)
    {
        var segments = new List<PathSegment>();
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (stopAt is not null && (stopAt.Contains(c) || c == ' '))
            {
                break;
            }
            if (c == '.')
            {
                if (Peek(1) == '.')
                {
                    _pos += 2;
                    var inner = Peek() switch
                    {
                        '*' => Advance(new WildcardSegment()),
                        '[' => ParseBracket(),
                        _ => new ChildSegment(ReadName()),
                    };
                    segments.Add(new RecursiveSegment(inner));
                    continue;
                }
                _pos++;
                if (Peek() == '*') { _pos++; segments.Add(new WildcardSegment()); continue; }
                var name = ReadName();
                if (Peek() == '(' && Peek(1) == ')')
                {
                    _pos += 2;
                    segments.Add(new FunctionSegment(name));
                    continue;
                }
                segments.Add(new ChildSegment(name));
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket());
            }
            else
            {
                throw Error($"unexpected '{c}'");
            }
        }
        return segments;
    }

    private PathSegment ParseBracket()
    {
        Expect('[');
        SkipSpaces();
        PathSegment result;
        if (Peek() == '*') { _pos++; result = new WildcardSegment(); }
        else if (Peek() == '?')
        {
            _pos++;
            Expect('(');
            var start = _pos;
            var filter = new FilterParser(text, _pos).ParseFilter(out var end);
            _pos = end;
            var filterText = text[start.._pos];
            Expect(')');
            result = new FilterSegment(filter, filterText);
        }
        else if (Peek() is '\'' or '"')
        {
            var names = new List<PathSegment> { new ChildSegment(ReadQuoted()) };
            while (SkipSpaces() && Peek() == ',')
            {
                _pos++;
                SkipSpaces();
                names.Add(new ChildSegment(ReadQuoted()));
            }
            result = names.Count == 1 ? names[0] : new UnionSegment(names);
        }
        else
        {
            result = ParseIndexOrSlice();
        }
        SkipSpaces();
        Expect(']');
        return result;
    }

    private PathSegment ParseIndexOrSlice()
    {
        var first = ReadInt();
        SkipSpaces();
        if (Peek() == ':')
        {
            _pos++;
            SkipSpaces();
            var end = ReadInt();
            SkipSpaces();
            var step = 1;
            if (Peek() == ':')
            {
                _pos++;
                SkipSpaces();
                step = ReadInt() ?? 1;
                if (step == 0)
                {
                    throw Error("a slice step cannot be 0");
                }
            }
            return new SliceSegment(first, end, step);
        }
        if (first is null)
        {
            throw Error("expected an index, a slice, '*', a quoted name or a filter inside '[ ]'");
        }
        if (Peek() != ',')
        {
            return new IndexSegment(first.Value);
        }
        var indexes = new List<PathSegment> { new IndexSegment(first.Value) };
        while (Peek() == ',')
        {
            _pos++;
            SkipSpaces();
            indexes.Add(new IndexSegment(ReadInt() ?? throw Error("expected an index after ','")));
            SkipSpaces();
        }
        return new UnionSegment(indexes);
    }

    private int? ReadInt()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }
        while (Peek() is char c && char.IsAsciiDigit(c))
        {
            _pos++;
        }
        if (_pos == start || (_pos == start + 1 && text[start] == '-')) { _pos = start; return null; }
        return int.TryParse(text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v : throw Error("index out of range");
    }

    private string ReadName()
    {
        var start = _pos;
        while (Peek() is char c && c is not ('.' or '[' or ']' or '(' or ')' or ' ' or ',' or '=' or '!' or '<' or '>' or '&' or '|'))
        {
            _pos++;
        }
        if (_pos == start)
        {
            throw Error("expected a name");
        }
        return text[start.._pos];
    }

    private string ReadQuoted()
    {
        var quote = text[_pos++];
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
            throw Error("unterminated quoted name");
        }
        _pos++;
        return sb.ToString();
    }

    private bool SkipSpaces()
    {
        while (Peek() == ' ')
        {
            _pos++;
        }
        return true;
    }

    private PathSegment Advance(PathSegment s)
    {
        _pos++;
        return s;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error(_pos < text.Length ? $"expected '{c}' but found '{text[_pos]}'" : $"expected '{c}' at the end");
        }
        _pos++;
    }

    private char? Peek(int ahead = 0) => _pos + ahead < text.Length ? text[_pos + ahead] : null;

    private JsonPathException Error(string what) =>
        new($"The JSONPath '{text}' is invalid: {what} (at character {_pos + 1}).");
}
