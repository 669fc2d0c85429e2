using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.DynamoDb.Expressions;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// TransactWriteItems: all conditions are checked and all new items computed first; only if every item
/// succeeds are the writes applied, otherwise nothing is written and TransactionCanceledException lists one
/// reason per item (<c>None</c> for the items that would have succeeded).
/// </summary>
internal static class TransactOperations
{
    private sealed record Step(DynamoTable Table, Dictionary<string, DynamoValue> Key, Func<Dictionary<string, DynamoValue>?, Dictionary<string, DynamoValue>?> Compute,
        Condition? Condition, bool Writes, bool ReturnOld);

    public static JsonObject TransactWrite(DynamoDbService service, JsonElement request)
    {
        if (RequestReader.Optional(request, "TransactItems") is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() is < 1 or > 100)
        {
            throw DynamoDbErrors.Validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100, Member must have length greater than or equal to 1");
        }

        var steps = items.EnumerateArray().Select(item => Parse(service, item)).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            for (var j = i + 1; j < steps.Count; j++)
            {
                if (steps[i].Table == steps[j].Table && DynamoValue.ItemsEqual(steps[i].Key, steps[j].Key))
                {
                    throw DynamoDbErrors.Validation("Transaction request cannot include multiple operations on one item");
                }
            }
        }

        var reasons = new JsonArray();
        var results = new List<Dictionary<string, DynamoValue>?>();
        var failed = false;
        foreach (var step in steps)
        {
            var current = step.Table.Get(step.Key);
            if (step.Condition is not null && !ConditionEvaluator.Evaluate(step.Condition, current, "ConditionExpression"))
            {
                failed = true;
                var reason = new JsonObject { ["Code"] = "ConditionalCheckFailed", ["Message"] = "The conditional request failed" };
                if (step.ReturnOld && current is not null)
                {
                    reason["Item"] = DynamoValue.ItemToJson(current);
                }

                reasons.Add(reason);
                results.Add(null);
                continue;
            }

            try
            {
                var next = step.Compute(current);
                if (next is not null)
                {
                    step.Table.ValidateItem(next);
                }

                results.Add(next);
                reasons.Add(new JsonObject { ["Code"] = "None" });
            }
            catch (DynamoDbException e) when (e.ErrorCode == "ValidationException")
            {
                failed = true;
                results.Add(null);
                reasons.Add(new JsonObject { ["Code"] = "ValidationError", ["Message"] = e.Message });
            }
        }

        if (failed)
        {
            var codes = reasons.Select(r => r!["Code"]!.GetValue<string>());
            throw new DynamoDbException("TransactionCanceledException", $"Transaction cancelled, please refer cancellation reasons for specific reasons [{string.Join(", ", codes)}]")
            {
                CancellationReasons = reasons,
            };
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Writes)
            {
                steps[i].Table.Write(steps[i].Key, results[i]);
            }
        }

        return [];
    }

    private static Step Parse(DynamoDbService service, JsonElement item)
    {
        var members = item.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).ToList();
        if (members.Count != 1)
        {
            throw DynamoDbErrors.Validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }

        var kind = members[0].Name;
        var body = members[0].Value;
        var context = new ExpressionContext(body);
        var condition = RequestReader.Condition(body, context);
        var returnOld = RequestReader.OptionalString(body, "ReturnValuesOnConditionCheckFailure") == "ALL_OLD";
        var table = service.Table(RequestReader.TableName(body));
        switch (kind)
        {
            case "ConditionCheck":
                context.EnsureAllUsed(condition is not null);
                if (condition is null)
                {
                    throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
                }

                return new Step(table, table.ValidateKey(RequestReader.RequiredItem(body, "Key")), c => c, condition, false, returnOld);
            case "Put":
                context.EnsureAllUsed(condition is not null);
                var newItem = RequestReader.RequiredItem(body, "Item");
                table.ValidateItem(newItem);
                return new Step(table, table.KeyOf(newItem), _ => newItem, condition, true, returnOld);
            case "Delete":
                context.EnsureAllUsed(condition is not null);
                return new Step(table, table.ValidateKey(RequestReader.RequiredItem(body, "Key")), _ => null, condition, true, returnOld);
            case "Update":
                var update = ExpressionParser.ParseUpdate(RequestReader.RequiredString(body, "UpdateExpression"), context);
                context.EnsureAllUsed(true);
                var key = table.ValidateKey(RequestReader.RequiredItem(body, "Key"));
                return new Step(table, key, current => UpdateApplier.Apply(update, current, key), condition, true, returnOld);
            default:
                throw DynamoDbErrors.Validation($"TransactItems member {kind} is not one of ConditionCheck, Put, Update or Delete");
        }
    }
}
