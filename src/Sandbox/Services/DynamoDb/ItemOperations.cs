using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.DynamoDb.Expressions;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>PutItem, GetItem, UpdateItem, DeleteItem.</summary>
internal static class ItemOperations
{
    public static JsonObject Put(DynamoDbService service, JsonElement request)
    {
        RequestReader.RejectLegacy(request);
        var context = new ExpressionContext(request);
        var condition = RequestReader.Condition(request, context);
        context.EnsureAllUsed(condition is not null);
        var returnValues = RequestReader.ReturnValues(request, "ALL_OLD");
        var table = service.Table(RequestReader.TableName(request));
        var item = RequestReader.RequiredItem(request, "Item");
        table.ValidateItem(item);
        var key = table.KeyOf(item);
        var old = table.Get(key);
        Check(condition, old, request);
        table.Write(key, item);
        return returnValues == "ALL_OLD" && old is not null ? Attributes(old) : [];
    }

    public static JsonObject Get(DynamoDbService service, JsonElement request)
    {
        RequestReader.RejectLegacy(request);
        var context = new ExpressionContext(request);
        var projection = RequestReader.ProjectionOf(request, context);
        context.EnsureAllUsed(projection is not null);
        var table = service.Table(RequestReader.TableName(request));
        var key = table.ValidateKey(RequestReader.RequiredItem(request, "Key"));
        var item = table.Get(key);
        if (item is null)
        {
            return [];
        }

        return new JsonObject { ["Item"] = DynamoValue.ItemToJson(projection is null ? item : Projection.Apply(item, projection)) };
    }

    public static JsonObject Update(DynamoDbService service, JsonElement request)
    {
        RequestReader.RejectLegacy(request);
        var context = new ExpressionContext(request);
        var update = RequestReader.OptionalString(request, "UpdateExpression") is { } text ? ExpressionParser.ParseUpdate(text, context) : null;
        var condition = RequestReader.Condition(request, context);
        context.EnsureAllUsed(update is not null || condition is not null);
        var returnValues = RequestReader.ReturnValues(request, "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        var table = service.Table(RequestReader.TableName(request));
        var key = table.ValidateKey(RequestReader.RequiredItem(request, "Key"));
        var old = table.Get(key);
        Check(condition, old, request);
        var updated = update is null ? DynamoValue.CloneItem(old ?? key) : UpdateApplier.Apply(update, old, key);
        table.ValidateItem(updated);
        table.Write(key, updated);
        var paths = update?.AllPaths.ToList() ?? [];
        return returnValues switch
        {
            "ALL_OLD" when old is not null => Attributes(old),
            "ALL_NEW" => Attributes(updated),
            "UPDATED_OLD" when old is not null => Attributes(Projection.Apply(old, paths)),
            "UPDATED_NEW" => Attributes(Projection.Apply(updated, paths)),
            _ => [],
        };
    }

    public static JsonObject Delete(DynamoDbService service, JsonElement request)
    {
        RequestReader.RejectLegacy(request);
        var context = new ExpressionContext(request);
        var condition = RequestReader.Condition(request, context);
        context.EnsureAllUsed(condition is not null);
        var returnValues = RequestReader.ReturnValues(request, "ALL_OLD");
        var table = service.Table(RequestReader.TableName(request));
        var key = table.ValidateKey(RequestReader.RequiredItem(request, "Key"));
        var old = table.Get(key);
        Check(condition, old, request);
        table.Write(key, null);
        return returnValues == "ALL_OLD" && old is not null ? Attributes(old) : [];
    }

    /// <summary>Throws ConditionalCheckFailedException (with the old item when asked for) when the condition is false.</summary>
    public static void Check(Condition? condition, Dictionary<string, DynamoValue>? current, JsonElement request)
    {
        if (condition is null || ConditionEvaluator.Evaluate(condition, current, "ConditionExpression"))
        {
            return;
        }

        var returnOld = RequestReader.OptionalString(request, "ReturnValuesOnConditionCheckFailure") == "ALL_OLD";
        throw new DynamoDbException("ConditionalCheckFailedException", "The conditional request failed")
        {
            Item = returnOld && current is not null ? DynamoValue.ItemToJson(current) : null,
        };
    }

    private static JsonObject Attributes(Dictionary<string, DynamoValue> item) =>
        new() { ["Attributes"] = DynamoValue.ItemToJson(item) };
}
