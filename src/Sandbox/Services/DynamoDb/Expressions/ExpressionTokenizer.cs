namespace Course.Sandbox.Services.DynamoDb.Expressions;

/// <summary>Kinds of tokens in DynamoDB's expression language.</summary>
internal enum TokenKind
{
    Identifier, NameRef, ValueRef, Integer,
    LParen, RParen, LBracket, RBracket, Comma, Dot,
    Eq, Ne, Lt, Le, Gt, Ge, Plus, Minus,
    End,
}

/// <summary>One token: its kind, its text and where it starts in the expression.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start)
{
    public int End => Start + Text.Length;

    /// <summary>Whether this is the bare keyword <paramref name="keyword"/> (case-insensitive, as DynamoDB reads them).</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Splits an expression into tokens; reports a bad character the way DynamoDB does (token and nearby text).</summary>
internal static class ExpressionTokenizer
{
    public static List<Token> Tokenize(string source, string expressionKind)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c is '#' or ':')
            {
                i++;
                while (i < source.Length && IsNameChar(source[i]))
                {
                    i++;
                }

                if (i == start + 1)
                {
                    throw SyntaxError(expressionKind, source, start, 1);
                }

                tokens.Add(new Token(c == '#' ? TokenKind.NameRef : TokenKind.ValueRef, source[start..i], start));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < source.Length && IsNameChar(source[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, source[start..i], start));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Integer, source[start..i], start));
                continue;
            }

            var two = i + 1 < source.Length ? source.Substring(i, 2) : string.Empty;
            (var kind, var length) = two switch
            {
                "<>" => (TokenKind.Ne, 2),
                "<=" => (TokenKind.Le, 2),
                ">=" => (TokenKind.Ge, 2),
                _ => c switch
                {
                    '(' => (TokenKind.LParen, 1),
                    ')' => (TokenKind.RParen, 1),
                    '[' => (TokenKind.LBracket, 1),
                    ']' => (TokenKind.RBracket, 1),
                    ',' => (TokenKind.Comma, 1),
                    '.' => (TokenKind.Dot, 1),
                    '=' => (TokenKind.Eq, 1),
                    '<' => (TokenKind.Lt, 1),
                    '>' => (TokenKind.Gt, 1),
                    '+' => (TokenKind.Plus, 1),
                    '-' => (TokenKind.Minus, 1),
                    _ => throw SyntaxError(expressionKind, source, start, 1),
                },
            };
            tokens.Add(new Token(kind, source.Substring(start, length), start));
            i += length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, source.Length));
        return tokens;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>DynamoDB's syntax error: <c>Invalid X: Syntax error; token: "t", near: "a t b"</c>.</summary>
    public static DynamoDbException SyntaxError(string expressionKind, string source, int start, int length)
    {
        var token = length == 0 ? "<EOF>" : source.Substring(start, length);
        var nearStart = Math.Max(0, start - 8);
        var nearEnd = Math.Min(source.Length, start + length + 8);
        var near = source[nearStart..nearEnd].Trim();
        return DynamoDbErrors.InvalidExpression(expressionKind, $"Syntax error; token: \"{token}\", near: \"{near}\"");
    }
}
