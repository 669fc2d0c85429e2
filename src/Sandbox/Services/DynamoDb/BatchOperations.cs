using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.DynamoDb.Expressions;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// BatchWriteItem (up to 25 puts/deletes, validated as a whole before any is applied; never leaves
/// UnprocessedItems) and BatchGetItem (up to 100 keys).
/// </summary>
internal static class BatchOperations
{
    public static JsonObject BatchWrite(DynamoDbService service, JsonElement request)
    {
        if (RequestReader.Optional(request, "RequestItems") is not { ValueKind: JsonValueKind.Object } requestItems)
        {
            throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }

        var writes = new List<(DynamoTable Table, Dictionary<string, DynamoValue> Key, Dictionary<string, DynamoValue>? Item)>();
        foreach (var tableEntry in requestItems.EnumerateObject())
        {
            var table = service.Table(tableEntry.Name);
            var seen = new List<Dictionary<string, DynamoValue>>();
            foreach (var write in tableEntry.Value.EnumerateArray())
            {
                Dictionary<string, DynamoValue> key;
                Dictionary<string, DynamoValue>? item = null;
                if (RequestReader.Optional(write, "PutRequest") is { } put)
                {
                    item = RequestReader.RequiredItem(put, "Item");
                    table.ValidateItem(item);
                    key = table.KeyOf(item);
                }
                else if (RequestReader.Optional(write, "DeleteRequest") is { } delete)
                {
                    key = table.ValidateKey(RequestReader.RequiredItem(delete, "Key"));
                }
                else
                {
                    throw DynamoDbErrors.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }

                if (seen.Any(k => DynamoValue.ItemsEqual(k, key)))
                {
                    throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
                }

                seen.Add(key);
                writes.Add((table, key, item));
            }
        }

        if (writes.Count is < 1 or > 25)
        {
            throw DynamoDbErrors.Validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
        }

        foreach (var (table, key, item) in writes)
        {
            table.Write(key, item);
        }

        return new JsonObject { ["UnprocessedItems"] = new JsonObject() };
    }

    public static JsonObject BatchGet(DynamoDbService service, JsonElement request)
    {
        if (RequestReader.Optional(request, "RequestItems") is not { ValueKind: JsonValueKind.Object } requestItems)
        {
            throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }

        var responses = new JsonObject();
        var total = 0;
        foreach (var tableEntry in requestItems.EnumerateObject())
        {
            var table = service.Table(tableEntry.Name);
            var context = new ExpressionContext(tableEntry.Value);
            var projection = RequestReader.ProjectionOf(tableEntry.Value, context);
            context.EnsureAllUsed(projection is not null);
            var found = new JsonArray();
            foreach (var keyJson in tableEntry.Value.GetProperty("Keys").EnumerateArray())
            {
                total++;
                var key = table.ValidateKey(DynamoValue.ParseItem(keyJson));
                if (table.Get(key) is { } item)
                {
                    found.Add(DynamoValue.ItemToJson(projection is null ? item : Projection.Apply(item, projection)));
                }
            }

            responses[tableEntry.Name] = found;
        }

        if (total is < 1 or > 100)
        {
            throw DynamoDbErrors.Validation("Too many items requested for the BatchGetItem call");
        }

        return new JsonObject { ["Responses"] = responses, ["UnprocessedKeys"] = new JsonObject() };
    }
}
