namespace Course.Sandbox.Services.DynamoDb.Expressions;

/// <summary>
/// Applies an <see cref="UpdateExpression"/>: every SET value is computed from the item as it was before
/// the update (as DynamoDB does), then SET, REMOVE, ADD and DELETE are applied to a copy.
/// </summary>
internal static class UpdateApplier
{
    private const string Kind = "UpdateExpression";

    public static Dictionary<string, DynamoValue> Apply(
        UpdateExpression update,
        Dictionary<string, DynamoValue>? original,
        Dictionary<string, DynamoValue> key)
    {
        foreach (var path in update.AllPaths)
        {
            if (key.ContainsKey(path.Root))
            {
                throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Cannot update attribute {path.Root}. This attribute is part of the key");
            }
        }

        var before = original ?? DynamoValue.CloneItem(key);
        var values = update.Sets.Select(s => Evaluate(s.Value, before)).ToList();
        var item = DynamoValue.CloneItem(before);

        for (var i = 0; i < update.Sets.Count; i++)
        {
            SetAt(item, update.Sets[i].Path, values[i].Clone());
        }

        // List indexes in REMOVE refer to the list before removal: remove higher indexes first.
        foreach (var path in update.Removes.OrderByDescending(p => p.Elements[^1].Name is null ? p.Elements[^1].Index : -1))
        {
            RemoveAt(item, path);
        }

        foreach (var (path, operand) in update.Adds)
        {
            var value = operand.Value;
            var existing = ConditionEvaluator.Resolve(item, path);
            if (value.Type != DynamoType.N && !value.IsSet)
            {
                throw IncorrectOperand("ADD", value.Type);
            }

            if (existing is null)
            {
                SetAt(item, path, value.Clone());
            }
            else if (existing.Type != value.Type)
            {
                throw DynamoDbErrors.InvalidExpression(Kind, "An operand in the update expression has an incorrect data type");
            }
            else if (value.Type == DynamoType.N)
            {
                SetAt(item, path, DynamoValue.FromNumber(existing.Number + value.Number));
            }
            else
            {
                SetAt(item, path, Union(existing, value));
            }
        }

        foreach (var (path, operand) in update.Deletes)
        {
            var value = operand.Value;
            if (!value.IsSet)
            {
                throw IncorrectOperand("DELETE", value.Type);
            }

            var existing = ConditionEvaluator.Resolve(item, path);
            if (existing is null)
            {
                continue;
            }

            if (existing.Type != value.Type)
            {
                throw DynamoDbErrors.InvalidExpression(Kind, "An operand in the update expression has an incorrect data type");
            }

            var remaining = Difference(existing, value);
            if (remaining is null)
            {
                RemoveAt(item, path);
            }
            else
            {
                SetAt(item, path, remaining);
            }
        }

        return item;
    }

    private static DynamoDbException IncorrectOperand(string op, DynamoType type) =>
        DynamoDbErrors.InvalidExpression(Kind, $"Incorrect operand type for operator or function; operator: {op}, operand type: {TypeWord(type)}");

    private static string TypeWord(DynamoType type) => type switch
    {
        DynamoType.S => "STRING",
        DynamoType.N => "NUMBER",
        DynamoType.B => "BINARY",
        DynamoType.BOOL => "BOOLEAN",
        DynamoType.NULL => "NULL",
        DynamoType.L => "LIST",
        DynamoType.M => "MAP",
        _ => type.ToString(),
    };

    private static DynamoValue Evaluate(Operand operand, Dictionary<string, DynamoValue> item)
    {
        switch (operand)
        {
            case ValueOperand v:
                return v.Value;
            case PathOperand p:
                return ConditionEvaluator.Resolve(item, p.Path)
                    ?? throw DynamoDbErrors.Validation("The provided expression refers to an attribute that does not exist in the item");
            case IfNotExistsOperand ine:
                return ConditionEvaluator.Resolve(item, ine.Path) ?? Evaluate(ine.Fallback, item);
            case ListAppendOperand la:
                var first = Evaluate(la.First, item);
                var second = Evaluate(la.Second, item);
                foreach (var part in new[] { first, second })
                {
                    if (part.Type != DynamoType.L)
                    {
                        throw DynamoDbErrors.InvalidExpression(Kind, $"Incorrect operand type for operator or function; operator or function: list_append, operand type: {TypeWord(part.Type)}");
                    }
                }

                return DynamoValue.FromList([.. first.List!.Select(x => x.Clone()), .. second.List!.Select(x => x.Clone())]);
            case ArithmeticOperand a:
                var left = Evaluate(a.Left, item);
                var right = Evaluate(a.Right, item);
                if (left.Type != DynamoType.N || right.Type != DynamoType.N)
                {
                    throw DynamoDbErrors.InvalidExpression(Kind, "An operand in the update expression has an incorrect data type");
                }

                return DynamoValue.FromNumber(a.Add ? left.Number + right.Number : left.Number - right.Number);
            default:
                throw DynamoDbErrors.InvalidExpression(Kind, $"The function is not allowed to be used this way in an expression; function: size");
        }
    }

    private static DynamoValue Union(DynamoValue a, DynamoValue b)
    {
        if (a.Type == DynamoType.BS)
        {
            var members = a.BinarySet!.ToList();
            members.AddRange(b.BinarySet!.Where(x => !a.SetContains(DynamoValue.FromBytes(x))));
            return DynamoValue.FromBinarySet(members);
        }

        return DynamoValue.FromStringSet(a.Type, [.. a.Strings!, .. b.Strings!.Where(x => !a.Strings!.Contains(x))]);
    }

    private static DynamoValue? Difference(DynamoValue a, DynamoValue b)
    {
        if (a.Type == DynamoType.BS)
        {
            var members = a.BinarySet!.Where(x => !b.SetContains(DynamoValue.FromBytes(x))).ToList();
            return members.Count == 0 ? null : DynamoValue.FromBinarySet(members);
        }

        var left = a.Strings!.Where(x => !b.Strings!.Contains(x)).ToList();
        return left.Count == 0 ? null : DynamoValue.FromStringSet(a.Type, left);
    }

    private static DynamoValue? Parent(Dictionary<string, DynamoValue> item, DocumentPath path, bool forWrite)
    {
        if (path.Elements.Count == 1)
        {
            return null;
        }

        var parent = ConditionEvaluator.Resolve(item, new DocumentPath(path.Elements.Take(path.Elements.Count - 1).ToList()));
        var last = path.Elements[^1];
        var fits = parent is not null && (last.Name is not null ? parent.Type == DynamoType.M : parent.Type == DynamoType.L);
        if (!fits && forWrite)
        {
            throw DynamoDbErrors.Validation("The document path provided in the update expression is invalid for update");
        }

        return fits ? parent : null;
    }

    private static void SetAt(Dictionary<string, DynamoValue> item, DocumentPath path, DynamoValue value)
    {
        if (path.Elements.Count == 1)
        {
            item[path.Root] = value;
            return;
        }

        var parent = Parent(item, path, forWrite: true)!;
        var last = path.Elements[^1];
        if (last.Name is not null)
        {
            parent.Map![last.Name] = value;
        }
        else if (last.Index < parent.List!.Count)
        {
            parent.List[last.Index] = value;
        }
        else
        {
            parent.List.Add(value);
        }
    }

    private static void RemoveAt(Dictionary<string, DynamoValue> item, DocumentPath path)
    {
        if (path.Elements.Count == 1)
        {
            item.Remove(path.Root);
            return;
        }

        var parent = Parent(item, path, forWrite: false);
        var last = path.Elements[^1];
        if (parent is null)
        {
            return;
        }

        if (last.Name is not null)
        {
            parent.Map!.Remove(last.Name);
        }
        else if (last.Index < parent.List!.Count)
        {
            parent.List.RemoveAt(last.Index);
        }
    }
}
