using System.Text;

namespace Course.Sandbox.Services.DynamoDb.Expressions;

/// <summary>Evaluates conditions and operands against an item (null item = the item does not exist).</summary>
internal static class ConditionEvaluator
{
    private static readonly string[] TypeNames = ["B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M"];

    /// <summary>The value at a path, or null when any step is missing or of the wrong type.</summary>
    public static DynamoValue? Resolve(Dictionary<string, DynamoValue>? item, DocumentPath path)
    {
        if (item is null || !item.TryGetValue(path.Root, out var current))
        {
            return null;
        }

        for (var i = 1; i < path.Elements.Count; i++)
        {
            var step = path.Elements[i];
            if (step.Name is not null)
            {
                if (current.Type != DynamoType.M || !current.Map!.TryGetValue(step.Name, out current))
                {
                    return null;
                }
            }
            else if (current.Type != DynamoType.L || step.Index >= current.List!.Count)
            {
                return null;
            }
            else
            {
                current = current.List[step.Index];
            }
        }

        return current;
    }

    public static bool Evaluate(Condition condition, Dictionary<string, DynamoValue>? item, string kind) => condition switch
    {
        And a => Evaluate(a.Left, item, kind) && Evaluate(a.Right, item, kind),
        Or o => Evaluate(o.Left, item, kind) || Evaluate(o.Right, item, kind),
        Not n => !Evaluate(n.Inner, item, kind),
        Comparison c => Compare(c.Operator, Value(c.Left, item), Value(c.Right, item)),
        Between b => EvaluateBetween(b, item, kind),
        In i => Value(i.Value, item) is { } v && i.Candidates.Any(c => Value(c, item) is { } cv && v.ValueEquals(cv)),
        FunctionCondition f => EvaluateFunction(f, item, kind),
        _ => false,
    };

    /// <summary>The value of a condition operand (size, path, placeholder); null when absent.</summary>
    public static DynamoValue? Value(Operand operand, Dictionary<string, DynamoValue>? item) => operand switch
    {
        ValueOperand v => v.Value,
        PathOperand p => Resolve(item, p.Path),
        SizeOperand s => Resolve(item, s.Path) is { } target && Size(target) is { } size
            ? DynamoValue.FromNumber(DynamoNumber.Parse(size.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : null,
        _ => null,
    };

    private static int? Size(DynamoValue v) => v.Type switch
    {
        DynamoType.S => v.Text!.Length,
        DynamoType.B => v.Bytes!.Length,
        DynamoType.SS or DynamoType.NS or DynamoType.BS or DynamoType.L or DynamoType.M => v.Count,
        _ => null,
    };

    private static bool Compare(TokenKind op, DynamoValue? left, DynamoValue? right)
    {
        if (left is null || right is null)
        {
            // A missing attribute is "not equal" to anything; every other comparison is false.
            return op == TokenKind.Ne;
        }

        if (op is TokenKind.Eq)
        {
            return left.ValueEquals(right);
        }

        if (op is TokenKind.Ne)
        {
            return !left.ValueEquals(right);
        }

        if (DynamoValue.CompareScalars(left, right) is not { } order)
        {
            return false;
        }

        return op switch
        {
            TokenKind.Lt => order < 0,
            TokenKind.Le => order <= 0,
            TokenKind.Gt => order > 0,
            _ => order >= 0,
        };
    }

    private static bool EvaluateBetween(Between b, Dictionary<string, DynamoValue>? item, string kind)
    {
        var low = Value(b.Low, item);
        var high = Value(b.High, item);
        if (b.Low is ValueOperand && b.High is ValueOperand && low is not null && high is not null
            && DynamoValue.CompareScalars(low, high) is > 0)
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {low}, upper bound operand: AttributeValue: {high}");
        }

        var value = Value(b.Value, item);
        return value is not null && low is not null && high is not null
            && DynamoValue.CompareScalars(low, value) is <= 0
            && DynamoValue.CompareScalars(value, high) is <= 0;
    }

    private static bool EvaluateFunction(FunctionCondition f, Dictionary<string, DynamoValue>? item, string kind)
    {
        var target = Value(f.Arguments[0], item);
        switch (f.Function)
        {
            case "attribute_exists":
                return target is not null;
            case "attribute_not_exists":
                return target is null;
            case "attribute_type":
                var typeName = Value(f.Arguments[1], item);
                if (typeName is not { Type: DynamoType.S } || !TypeNames.Contains(typeName.Text))
                {
                    throw DynamoDbErrors.InvalidExpression(kind, $"Invalid attribute type name found; type: {typeName?.Text}, valid types: {{{string.Join(",", TypeNames)}}}");
                }

                return target is not null && target.Type.ToString() == typeName.Text;
            case "begins_with":
                var prefix = Value(f.Arguments[1], item);
                if (target is null || prefix is null || target.Type != prefix.Type)
                {
                    return false;
                }

                return target.Type switch
                {
                    DynamoType.S => target.Text!.StartsWith(prefix.Text!, StringComparison.Ordinal),
                    DynamoType.B => target.Bytes!.AsSpan().StartsWith(prefix.Bytes),
                    _ => false,
                };
            default: // contains
                var operand = Value(f.Arguments[1], item);
                if (target is null || operand is null)
                {
                    return false;
                }

                return target.Type switch
                {
                    DynamoType.S => operand.Type == DynamoType.S && target.Text!.Contains(operand.Text!, StringComparison.Ordinal),
                    DynamoType.B => operand.Type == DynamoType.B && Encoding.Latin1.GetString(target.Bytes!).Contains(Encoding.Latin1.GetString(operand.Bytes!), StringComparison.Ordinal),
                    DynamoType.SS or DynamoType.NS or DynamoType.BS => target.SetContains(operand),
                    DynamoType.L => target.List!.Any(operand.ValueEquals),
                    _ => false,
                };
        }
    }
}
