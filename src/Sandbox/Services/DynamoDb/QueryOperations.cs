using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.DynamoDb.Expressions;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// Query and Scan. <c>Limit</c> caps the items evaluated (before FilterExpression), as in DynamoDB; when the
/// limit stops the read, <c>LastEvaluatedKey</c> is the key of the last item evaluated.
/// </summary>
internal static class QueryOperations
{
    private const string KeyKind = "KeyConditionExpression";

    public static JsonObject Query(DynamoDbService service, JsonElement request)
    {
        RequestReader.RejectLegacy(request);
        var context = new ExpressionContext(request);
        var keyText = RequestReader.OptionalString(request, KeyKind)
            ?? throw DynamoDbErrors.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        var keyCondition = ExpressionParser.ParseCondition(keyText, KeyKind, context);
        var filter = RequestReader.Condition(request, context, "FilterExpression");
        var projection = RequestReader.ProjectionOf(request, context);
        context.EnsureAllUsed(true);
        var table = service.Table(RequestReader.TableName(request));
        RejectIndex(request);
        var (hashValue, rangeCondition) = SplitKeyCondition(table, keyCondition);
        var forward = RequestReader.Optional(request, "ScanIndexForward") is not { ValueKind: JsonValueKind.False };
        var start = StartKey(table, request);

        var candidates = table.Partition(hashValue, forward)
            .Where(item => rangeCondition is null || ConditionEvaluator.Evaluate(rangeCondition, item, KeyKind));
        if (start is not null)
        {
            var startRange = table.RangeKey is null ? null : start[table.RangeKey];
            candidates = candidates.SkipWhile(item =>
                table.RangeKey is null || !start[table.HashKey].ValueEquals(hashValue)
                    || (forward ? KeyComparer.Instance.Compare(item[table.RangeKey], startRange) <= 0 : KeyComparer.Instance.Compare(item[table.RangeKey], startRange) >= 0));
            if (table.RangeKey is null)
            {
                candidates = [];
            }
        }

        return Page(table, request, candidates, filter, projection);
    }

    public static JsonObject Scan(DynamoDbService service, JsonElement request)
    {
        RequestReader.RejectLegacy(request);
        var context = new ExpressionContext(request);
        var filter = RequestReader.Condition(request, context, "FilterExpression");
        var projection = RequestReader.ProjectionOf(request, context);
        context.EnsureAllUsed(filter is not null || projection is not null);
        var table = service.Table(RequestReader.TableName(request));
        RejectIndex(request);
        if (RequestReader.Optional(request, "Segment") is not null || RequestReader.Optional(request, "TotalSegments") is not null)
        {
            throw DynamoDbErrors.Validation("The sandbox's DynamoDB does not support parallel Scan (Segment/TotalSegments); scan without them.");
        }

        var start = StartKey(table, request);
        var candidates = table.All();
        if (start is not null)
        {
            candidates = candidates.SkipWhile(item => CompareKeys(table, item, start) <= 0);
        }

        return Page(table, request, candidates, filter, projection);
    }

    private static JsonObject Page(DynamoTable table, JsonElement request, IEnumerable<Dictionary<string, DynamoValue>> candidates,
        Condition? filter, IReadOnlyList<DocumentPath>? projection)
    {
        int? limit = RequestReader.Optional(request, "Limit") is { } l ? l.GetInt32() : null;
        if (limit is < 1)
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }

        var select = RequestReader.OptionalString(request, "Select") ?? "ALL_ATTRIBUTES";
        var items = new JsonArray();
        int scanned = 0, count = 0;
        Dictionary<string, DynamoValue>? last = null;
        foreach (var item in candidates)
        {
            if (scanned == limit)
            {
                break;
            }

            scanned++;
            last = item;
            if (filter is not null && !ConditionEvaluator.Evaluate(filter, item, "FilterExpression"))
            {
                continue;
            }

            count++;
            if (select != "COUNT")
            {
                items.Add(DynamoValue.ItemToJson(projection is null ? item : Projection.Apply(item, projection)));
            }
        }

        var response = new JsonObject();
        if (select != "COUNT")
        {
            response["Items"] = items;
        }

        response["Count"] = count;
        response["ScannedCount"] = scanned;
        if (limit is not null && scanned == limit && last is not null)
        {
            response["LastEvaluatedKey"] = DynamoValue.ItemToJson(table.KeyOf(last));
        }

        return response;
    }

    private static void RejectIndex(JsonElement request)
    {
        if (RequestReader.OptionalString(request, "IndexName") is { } index)
        {
            throw DynamoDbErrors.Validation($"The table does not have the specified index: {index}");
        }
    }

    private static Dictionary<string, DynamoValue>? StartKey(DynamoTable table, JsonElement request)
    {
        if (RequestReader.Optional(request, "ExclusiveStartKey") is not { } json)
        {
            return null;
        }

        var key = DynamoValue.ParseItem(json);
        try
        {
            return table.ValidateKey(key);
        }
        catch (DynamoDbException)
        {
            throw DynamoDbErrors.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
    }

    private static int CompareKeys(DynamoTable table, Dictionary<string, DynamoValue> a, Dictionary<string, DynamoValue> b)
    {
        var order = KeyComparer.Instance.Compare(a[table.HashKey], b[table.HashKey]);
        return order != 0 || table.RangeKey is null ? order : KeyComparer.Instance.Compare(a[table.RangeKey], b[table.RangeKey]);
    }

    /// <summary>
    /// Splits <c>hash = :v [AND range-condition]</c> into the partition key value and the sort key condition,
    /// rejecting every other shape with DynamoDB's messages.
    /// </summary>
    private static (DynamoValue Hash, Condition? Range) SplitKeyCondition(DynamoTable table, Condition condition)
    {
        var parts = condition is And and ? new[] { and.Left, and.Right } : [condition];
        if (parts.Any(p => p is And or Or or Not or In))
        {
            throw DynamoDbErrors.InvalidExpression(KeyKind, "Invalid operator used in KeyConditionExpression: " + (parts.First(p => p is And or Or or Not or In) switch
            {
                Or => "OR",
                Not => "NOT",
                In => "IN",
                _ => "AND",
            }));
        }

        DynamoValue? hash = null;
        Condition? range = null;
        foreach (var part in parts)
        {
            var attribute = KeyAttribute(part);
            if (attribute == table.HashKey && part is Comparison { Operator: TokenKind.Eq } eq && hash is null)
            {
                hash = ValueOf(eq.Left) ?? ValueOf(eq.Right);
                CheckType(hash, table.HashType);
            }
            else if (attribute == table.RangeKey && range is null)
            {
                if (part is FunctionCondition { Function: not "begins_with" } || (part is Comparison { Operator: TokenKind.Ne }))
                {
                    throw DynamoDbErrors.Validation("Query key condition not supported");
                }

                foreach (var value in Values(part))
                {
                    CheckType(value, table.RangeType);
                }

                range = part;
            }
            else if (attribute != table.HashKey && attribute != table.RangeKey)
            {
                throw DynamoDbErrors.Validation(hash is null && parts.Length == 1
                    ? $"Query condition missed key schema element: {table.HashKey}"
                    : $"Query condition missed key schema element: {(attribute == table.HashKey ? table.RangeKey : table.HashKey)}");
            }
            else
            {
                throw DynamoDbErrors.Validation("Query key condition not supported");
            }
        }

        return hash is null
            ? throw DynamoDbErrors.Validation($"Query condition missed key schema element: {table.HashKey}")
            : (hash, range);
    }

    private static string KeyAttribute(Condition condition)
    {
        var operands = condition switch
        {
            Comparison c => new[] { c.Left, c.Right },
            Between b => [b.Value],
            FunctionCondition f => [f.Arguments[0]],
            _ => [],
        };
        var paths = operands.OfType<PathOperand>().ToList();
        if (paths.Count != 1 || paths[0].Path.Elements.Count != 1 || operands.Any(o => o is SizeOperand))
        {
            throw DynamoDbErrors.Validation("Query key condition not supported");
        }

        return paths[0].Path.Root;
    }

    private static DynamoValue? ValueOf(Operand operand) => operand is ValueOperand v ? v.Value : null;

    private static IEnumerable<DynamoValue> Values(Condition condition) => condition switch
    {
        Comparison c => new[] { c.Left, c.Right }.OfType<ValueOperand>().Select(v => v.Value),
        Between b => new[] { b.Low, b.High }.OfType<ValueOperand>().Select(v => v.Value),
        FunctionCondition f => f.Arguments.OfType<ValueOperand>().Select(v => v.Value),
        _ => [],
    };

    private static void CheckType(DynamoValue? value, DynamoType expected)
    {
        if (value is null || value.Type != expected)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }
}
