namespace Course.Sandbox.Services.DynamoDb.Expressions;

/// <summary>
/// Recursive-descent parser for DynamoDB's expression language. Grammar (keywords case-insensitive):
/// <code>
/// condition  := or
/// or         := and ( OR and )*
/// and        := not ( AND not )*
/// not        := NOT not | primary
/// primary    := '(' condition ')' | function '(' operand, … ')'
///             | operand ( comparator operand | BETWEEN operand AND operand | IN '(' operand, … ')' )
/// operand    := path | :value | size '(' path ')'
/// path       := name ( '.' name | '[' integer ']' )*        name := identifier | #placeholder
/// update     := ( SET set, … | REMOVE path, … | ADD path :value, … | DELETE path :value, … )+
/// set        := path '=' setValue ;  setValue := setOperand ( ('+'|'-') setOperand )?
/// setOperand := path | :value | if_not_exists '(' path ',' setOperand ')' | list_append '(' setOperand ',' setOperand ')'
/// projection := path ( ',' path )*
/// </code>
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly HashSet<string> ConditionFunctions = new(StringComparer.Ordinal)
    {
        "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains",
    };

    private readonly string _source;
    private readonly string _kind;
    private readonly ExpressionContext _context;
    private readonly List<Token> _tokens;
    private int _position;

    private ExpressionParser(string source, string kind, ExpressionContext context)
    {
        _source = source;
        _kind = kind;
        _context = context;
        if (string.IsNullOrWhiteSpace(source))
        {
            throw DynamoDbErrors.Validation($"Invalid {kind}: The expression can not be empty;");
        }

        _tokens = ExpressionTokenizer.Tokenize(source, kind);
    }

    private Token Current => _tokens[_position];

    /// <summary>Parses a ConditionExpression, FilterExpression or KeyConditionExpression.</summary>
    public static Condition ParseCondition(string source, string kind, ExpressionContext context)
    {
        var parser = new ExpressionParser(source, kind, context);
        var condition = parser.ParseOr();
        parser.Expect(TokenKind.End);
        return condition;
    }

    /// <summary>Parses an UpdateExpression and checks that no two actions write overlapping paths.</summary>
    public static UpdateExpression ParseUpdate(string source, ExpressionContext context)
    {
        var parser = new ExpressionParser(source, "UpdateExpression", context);
        var update = parser.ParseUpdateClauses();
        var paths = update.AllPaths.ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = i + 1; j < paths.Count; j++)
            {
                if (paths[i].Overlaps(paths[j]))
                {
                    throw DynamoDbErrors.InvalidExpression("UpdateExpression", $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {paths[i]}, path two: {paths[j]}");
                }
            }
        }

        return update;
    }

    /// <summary>Parses a ProjectionExpression.</summary>
    public static IReadOnlyList<DocumentPath> ParseProjection(string source, ExpressionContext context)
    {
        var parser = new ExpressionParser(source, "ProjectionExpression", context);
        var paths = new List<DocumentPath> { parser.ParsePath() };
        while (parser.Accept(TokenKind.Comma))
        {
            paths.Add(parser.ParsePath());
        }

        parser.Expect(TokenKind.End);
        return paths;
    }

    private UpdateExpression ParseUpdateClauses()
    {
        var sets = new List<(DocumentPath, Operand)>();
        var removes = new List<DocumentPath>();
        var adds = new List<(DocumentPath, ValueOperand)>();
        var deletes = new List<(DocumentPath, ValueOperand)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var clause = Current;
            var keyword = clause.Kind == TokenKind.Identifier ? clause.Text.ToUpperInvariant() : string.Empty;
            if (keyword is not ("SET" or "REMOVE" or "ADD" or "DELETE"))
            {
                throw SyntaxError(clause);
            }

            if (!seen.Add(keyword))
            {
                throw DynamoDbErrors.InvalidExpression("UpdateExpression", $"The \"{keyword}\" section can only be used once in an update expression;");
            }

            _position++;
            do
            {
                switch (keyword)
                {
                    case "SET":
                        var path = ParsePath();
                        Expect(TokenKind.Eq);
                        sets.Add((path, ParseSetValue()));
                        break;
                    case "REMOVE":
                        removes.Add(ParsePath());
                        break;
                    case "ADD":
                        adds.Add((ParsePath(), ParseValueOperand()));
                        break;
                    default:
                        deletes.Add((ParsePath(), ParseValueOperand()));
                        break;
                }
            }
            while (Accept(TokenKind.Comma));
        }
        while (Current.Kind != TokenKind.End);

        return new UpdateExpression(sets, removes, adds, deletes);
    }

    private Operand ParseSetValue()
    {
        var left = ParseSetOperand();
        if (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var add = Current.Kind == TokenKind.Plus;
            _position++;
            return new ArithmeticOperand(left, add, ParseSetOperand());
        }

        return left;
    }

    private Operand ParseSetOperand()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier && _tokens[_position + 1].Kind == TokenKind.LParen)
        {
            _position += 2;
            Operand result;
            switch (token.Text)
            {
                case "if_not_exists":
                    var path = ParsePath();
                    Expect(TokenKind.Comma);
                    result = new IfNotExistsOperand(path, ParseSetOperand());
                    break;
                case "list_append":
                    var first = ParseSetOperand();
                    Expect(TokenKind.Comma);
                    result = new ListAppendOperand(first, ParseSetOperand());
                    break;
                default:
                    throw UnknownOrMisplacedFunction(token.Text);
            }

            Expect(TokenKind.RParen);
            return result;
        }

        return ParseOperand();
    }

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            _position++;
            left = new Or(left, ParseAnd());
        }

        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            _position++;
            left = new And(left, ParseNot());
        }

        return left;
    }

    private Condition ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            _position++;
            return new Not(ParseNot());
        }

        return ParsePrimary();
    }

    private Condition ParsePrimary()
    {
        if (Accept(TokenKind.LParen))
        {
            var inner = ParseOr();
            Expect(TokenKind.RParen);
            return inner;
        }

        var token = Current;
        if (token.Kind == TokenKind.Identifier && _tokens[_position + 1].Kind == TokenKind.LParen && ConditionFunctions.Contains(token.Text))
        {
            _position += 2;
            var arguments = new List<Operand> { ParseOperand() };
            while (Accept(TokenKind.Comma))
            {
                arguments.Add(ParseOperand());
            }

            Expect(TokenKind.RParen);
            var expected = token.Text is "attribute_exists" or "attribute_not_exists" ? 1 : 2;
            if (arguments.Count != expected)
            {
                throw DynamoDbErrors.InvalidExpression(_kind, $"Incorrect number of operands for operator or function; operator or function: {token.Text}, number of operands: {arguments.Count}");
            }

            if (arguments[0] is not PathOperand)
            {
                throw DynamoDbErrors.InvalidExpression(_kind, $"Operator or function requires a document path; operator or function: {token.Text}");
            }

            return new FunctionCondition(token.Text, arguments);
        }

        var left = ParseOperand();
        var op = Current;
        switch (op.Kind)
        {
            case TokenKind.Eq or TokenKind.Ne or TokenKind.Lt or TokenKind.Le or TokenKind.Gt or TokenKind.Ge:
                _position++;
                return new Comparison(op.Kind, left, ParseOperand());
            case TokenKind.Identifier when op.IsKeyword("BETWEEN"):
                _position++;
                var low = ParseOperand();
                if (!Current.IsKeyword("AND"))
                {
                    throw SyntaxError(Current);
                }

                _position++;
                return new Between(left, low, ParseOperand());
            case TokenKind.Identifier when op.IsKeyword("IN"):
                _position++;
                Expect(TokenKind.LParen);
                var candidates = new List<Operand> { ParseOperand() };
                while (Accept(TokenKind.Comma))
                {
                    candidates.Add(ParseOperand());
                }

                Expect(TokenKind.RParen);
                return new In(left, candidates);
            default:
                throw SyntaxError(op);
        }
    }

    private Operand ParseOperand()
    {
        var token = Current;
        if (token.Kind == TokenKind.ValueRef)
        {
            return ParseValueOperand();
        }

        if (token.Kind == TokenKind.Identifier && _tokens[_position + 1].Kind == TokenKind.LParen)
        {
            if (token.Text != "size")
            {
                throw UnknownOrMisplacedFunction(token.Text);
            }

            _position += 2;
            var path = ParsePath();
            Expect(TokenKind.RParen);
            return new SizeOperand(path);
        }

        return new PathOperand(ParsePath());
    }

    private ValueOperand ParseValueOperand()
    {
        var token = Expect(TokenKind.ValueRef);
        return new ValueOperand(token.Text, _context.ResolveValue(token.Text, _kind));
    }

    private DocumentPath ParsePath()
    {
        var elements = new List<PathElement> { new(ParseName(), 0) };
        while (true)
        {
            if (Accept(TokenKind.Dot))
            {
                elements.Add(new PathElement(ParseName(), 0));
            }
            else if (Accept(TokenKind.LBracket))
            {
                var index = Expect(TokenKind.Integer);
                Expect(TokenKind.RBracket);
                elements.Add(new PathElement(null, int.Parse(index.Text, System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                return new DocumentPath(elements);
            }
        }
    }

    private string ParseName()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.NameRef:
                _position++;
                return _context.ResolveName(token.Text, _kind);
            case TokenKind.Identifier:
                if (ReservedWords.Contains(token.Text))
                {
                    throw DynamoDbErrors.InvalidExpression(_kind, $"Attribute name is a reserved keyword; reserved keyword: {token.Text}");
                }

                _position++;
                return token.Text;
            default:
                throw SyntaxError(token);
        }
    }

    private DynamoDbException UnknownOrMisplacedFunction(string name)
    {
        var known = ConditionFunctions.Contains(name) || name is "size" or "if_not_exists" or "list_append";
        return known
            ? DynamoDbErrors.InvalidExpression(_kind, $"The function is not allowed to be used this way in an expression; function: {name}")
            : DynamoDbErrors.InvalidExpression(_kind, $"Invalid function name; function: {name}");
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _position++;
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw SyntaxError(token);
        }

        _position++;
        return token;
    }

    private DynamoDbException SyntaxError(Token token) =>
        ExpressionTokenizer.SyntaxError(_kind, _source, token.Start, token.Text.Length);
}
