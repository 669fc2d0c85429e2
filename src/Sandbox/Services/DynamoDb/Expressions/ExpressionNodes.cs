namespace Course.Sandbox.Services.DynamoDb.Expressions;

/// <summary>One step of a document path: an attribute or map key name, or a list index.</summary>
internal readonly record struct PathElement(string? Name, int Index)
{
    public override string ToString() => Name ?? $"[{Index}]";
}

/// <summary>A document path such as <c>a.b[0].c</c>, with names already resolved from <c>#placeholders</c>.</summary>
internal sealed record DocumentPath(IReadOnlyList<PathElement> Elements)
{
    /// <summary>The top-level attribute name.</summary>
    public string Root => Elements[0].Name!;

    /// <summary>DynamoDB's rendering in overlap errors, e.g. <c>[a, b, [0]]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Elements) + "]";

    /// <summary>Whether one path is a prefix of (or equal to) the other.</summary>
    public bool Overlaps(DocumentPath other)
    {
        var n = Math.Min(Elements.Count, other.Elements.Count);
        for (var i = 0; i < n; i++)
        {
            if (Elements[i] != other.Elements[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A value-producing part of an expression.</summary>
internal abstract record Operand;

/// <summary>The value at a document path in the item.</summary>
internal sealed record PathOperand(DocumentPath Path) : Operand;

/// <summary>An <c>:placeholder</c> from ExpressionAttributeValues.</summary>
internal sealed record ValueOperand(string Placeholder, DynamoValue Value) : Operand;

/// <summary><c>size(path)</c>.</summary>
internal sealed record SizeOperand(DocumentPath Path) : Operand;

/// <summary><c>if_not_exists(path, operand)</c> (UpdateExpression SET only).</summary>
internal sealed record IfNotExistsOperand(DocumentPath Path, Operand Fallback) : Operand;

/// <summary><c>list_append(a, b)</c> (UpdateExpression SET only).</summary>
internal sealed record ListAppendOperand(Operand First, Operand Second) : Operand;

/// <summary><c>a + b</c> or <c>a - b</c> (UpdateExpression SET only).</summary>
internal sealed record ArithmeticOperand(Operand Left, bool Add, Operand Right) : Operand;

/// <summary>A boolean part of a condition, filter or key condition expression.</summary>
internal abstract record Condition;

/// <summary><c>a = b</c>, <c>a &lt;&gt; b</c>, <c>a &lt; b</c>, …</summary>
internal sealed record Comparison(TokenKind Operator, Operand Left, Operand Right) : Condition;

/// <summary><c>a BETWEEN b AND c</c>.</summary>
internal sealed record Between(Operand Value, Operand Low, Operand High) : Condition;

/// <summary><c>a IN (b, c, …)</c>.</summary>
internal sealed record In(Operand Value, IReadOnlyList<Operand> Candidates) : Condition;

/// <summary><c>a AND b</c>.</summary>
internal sealed record And(Condition Left, Condition Right) : Condition;

/// <summary><c>a OR b</c>.</summary>
internal sealed record Or(Condition Left, Condition Right) : Condition;

/// <summary><c>NOT a</c>.</summary>
internal sealed record Not(Condition Inner) : Condition;

/// <summary>attribute_exists, attribute_not_exists, attribute_type, begins_with or contains.</summary>
internal sealed record FunctionCondition(string Function, IReadOnlyList<Operand> Arguments) : Condition;

/// <summary>A parsed UpdateExpression: its SET, REMOVE, ADD and DELETE actions.</summary>
internal sealed record UpdateExpression(
    IReadOnlyList<(DocumentPath Path, Operand Value)> Sets,
    IReadOnlyList<DocumentPath> Removes,
    IReadOnlyList<(DocumentPath Path, ValueOperand Value)> Adds,
    IReadOnlyList<(DocumentPath Path, ValueOperand Value)> Deletes)
{
    /// <summary>Every path the update writes, in order.</summary>
    public IEnumerable<DocumentPath> AllPaths =>
        Sets.Select(s => s.Path).Concat(Removes).Concat(Adds.Select(a => a.Path)).Concat(Deletes.Select(d => d.Path));
}
