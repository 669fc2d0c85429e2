using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.DynamoDb.Streams;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>CreateTable, DescribeTable, DeleteTable, ListTables.</summary>
internal static class TableOperations
{
    private static readonly string[] ViewTypes = ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"];

    public static JsonObject Create(DynamoDbService service, JsonElement request)
    {
        var name = RequestReader.TableName(request);
        foreach (var index in new[] { "GlobalSecondaryIndexes", "LocalSecondaryIndexes" })
        {
            if (RequestReader.Optional(request, index) is not null)
            {
                throw DynamoDbErrors.Validation($"The sandbox's DynamoDB does not support {index}; query the table's own key instead.");
            }
        }

        var definitions = new Dictionary<string, DynamoType>(StringComparer.Ordinal);
        if (RequestReader.Optional(request, "AttributeDefinitions") is { ValueKind: JsonValueKind.Array } defs)
        {
            foreach (var def in defs.EnumerateArray())
            {
                var attribute = RequestReader.RequiredString(def, "AttributeName");
                var type = RequestReader.RequiredString(def, "AttributeType");
                if (type is not ("S" or "N" or "B"))
                {
                    throw DynamoDbErrors.Validation($"1 validation error detected: Value '{type}' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
                }

                definitions[attribute] = Enum.Parse<DynamoType>(type);
            }
        }

        string? hash = null, range = null;
        if (RequestReader.Optional(request, "KeySchema") is not { ValueKind: JsonValueKind.Array } schema || schema.GetArrayLength() is < 1 or > 2)
        {
            throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must have length between 1 and 2");
        }

        foreach (var element in schema.EnumerateArray())
        {
            var attribute = RequestReader.RequiredString(element, "AttributeName");
            switch (RequestReader.RequiredString(element, "KeyType"))
            {
                case "HASH" when hash is null: hash = attribute; break;
                case "RANGE" when range is null: range = attribute; break;
                default: throw DynamoDbErrors.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
        }

        if (hash is null)
        {
            throw DynamoDbErrors.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }

        var keys = range is null ? new[] { hash } : [hash, range];
        if (keys.Any(k => !definitions.ContainsKey(k)))
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", keys)}], AttributeDefinitions: [{string.Join(", ", definitions.Keys)}]");
        }

        if (definitions.Count != keys.Length)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }

        var billing = RequestReader.OptionalString(request, "BillingMode") ?? "PROVISIONED";
        var throughput = RequestReader.Optional(request, "ProvisionedThroughput");
        if (billing == "PROVISIONED" && throughput is null)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }

        if (billing == "PAY_PER_REQUEST" && throughput is not null)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }

        var now = service.Time.GetUtcNow();
        var options = service.Options;
        var arn = $"arn:aws:dynamodb:{options.Region}:{options.AccountId}:table/{name}";
        DynamoDbStream? stream = null;
        if (RequestReader.Optional(request, "StreamSpecification") is { } spec
            && spec.TryGetProperty("StreamEnabled", out var enabled) && enabled.ValueKind == JsonValueKind.True)
        {
            stream = NewStream(service, name, arn, spec);
        }

        var table = new DynamoTable(name, arn, TableId(arn, now), now, hash, definitions[hash], range, range is null ? DynamoType.NULL : definitions[range],
            (JsonArray)JsonNode.Parse(request.GetProperty("AttributeDefinitions").GetRawText())!,
            (JsonArray)JsonNode.Parse(schema.GetRawText())!, stream)
        {
            BillingMode = billing,
            ReadCapacity = throughput?.TryGetProperty("ReadCapacityUnits", out var r) == true ? r.GetInt64() : 0,
            WriteCapacity = throughput?.TryGetProperty("WriteCapacityUnits", out var w) == true ? w.GetInt64() : 0,
        };
        if (!service.TryAdd(table))
        {
            throw new DynamoDbException("ResourceInUseException", $"Table already exists: {name}");
        }

        return new JsonObject { ["TableDescription"] = Describe(table) };
    }

    public static JsonObject Update(DynamoDbService service, JsonElement request)
    {
        var table = service.Table(RequestReader.TableName(request));
        foreach (var unsupported in new[] { "GlobalSecondaryIndexUpdates", "ReplicaUpdates", "SSESpecification", "AttributeDefinitions", "TableClass" })
        {
            if (RequestReader.Optional(request, unsupported) is not null)
            {
                throw DynamoDbErrors.Validation($"The sandbox's DynamoDB UpdateTable supports StreamSpecification, BillingMode and ProvisionedThroughput only; remove {unsupported}.");
            }
        }

        var spec = RequestReader.Optional(request, "StreamSpecification");
        var billing = RequestReader.OptionalString(request, "BillingMode");
        var throughput = RequestReader.Optional(request, "ProvisionedThroughput");
        if (spec is null && billing is null && throughput is null)
        {
            throw DynamoDbErrors.Validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }

        if (spec is { } s)
        {
            var enable = s.TryGetProperty("StreamEnabled", out var e) && e.ValueKind == JsonValueKind.True;
            if (enable && table.StreamEnabled)
            {
                throw DynamoDbErrors.Validation($"Table already has an enabled stream: TableName: {table.Name}");
            }

            if (!enable && !table.StreamEnabled)
            {
                throw DynamoDbErrors.Validation($"Table {table.Name} has no enabled stream to disable.");
            }

            if (enable)
            {
                table.Stream = NewStream(service, table.Name, table.Arn, s);
            }

            table.StreamEnabled = enable;
        }

        if (billing is not null)
        {
            table.BillingMode = billing;
        }

        if (throughput is { } t)
        {
            table.ReadCapacity = t.TryGetProperty("ReadCapacityUnits", out var r) ? r.GetInt64() : table.ReadCapacity;
            table.WriteCapacity = t.TryGetProperty("WriteCapacityUnits", out var w) ? w.GetInt64() : table.WriteCapacity;
        }

        return new JsonObject { ["TableDescription"] = Describe(table) };
    }

    private static DynamoDbStream NewStream(DynamoDbService service, string tableName, string tableArn, JsonElement spec)
    {
        var viewType = RequestReader.OptionalString(spec, "StreamViewType");
        if (viewType is null || !ViewTypes.Contains(viewType))
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: StreamViewType must be one of {string.Join(", ", ViewTypes)} when StreamEnabled is true; got '{viewType}'");
        }

        return new DynamoDbStream(service.Time, service.Options.Region, tableName, tableArn, viewType, service.Options.StreamShardCount);
    }

    public static JsonObject Describe(DynamoTable table)
    {
        var description = new JsonObject
        {
            ["AttributeDefinitions"] = table.AttributeDefinitions.DeepClone(),
            ["TableName"] = table.Name,
            ["KeySchema"] = table.KeySchema.DeepClone(),
            ["TableStatus"] = "ACTIVE",
            ["CreationDateTime"] = table.Created.ToUnixTimeMilliseconds() / 1000.0,
            ["ProvisionedThroughput"] = new JsonObject
            {
                ["NumberOfDecreasesToday"] = 0,
                ["ReadCapacityUnits"] = table.ReadCapacity,
                ["WriteCapacityUnits"] = table.WriteCapacity,
            },
            ["TableSizeBytes"] = table.SizeBytes,
            ["ItemCount"] = table.ItemCount,
            ["TableArn"] = table.Arn,
            ["TableId"] = table.TableId,
            ["BillingModeSummary"] = new JsonObject { ["BillingMode"] = table.BillingMode },
            ["DeletionProtectionEnabled"] = false,
        };
        if (table.Stream is { } stream)
        {
            if (table.StreamEnabled)
            {
                description["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = stream.ViewType };
            }

            description["LatestStreamLabel"] = stream.StreamLabel;
            description["LatestStreamArn"] = stream.StreamArn;
        }

        return description;
    }

    public static JsonObject Delete(DynamoDbService service, JsonElement request)
    {
        var table = service.Table(RequestReader.TableName(request));
        var description = Describe(table);
        description["TableStatus"] = "DELETING";
        service.Remove(table.Name);
        return new JsonObject { ["TableDescription"] = description };
    }

    public static JsonObject List(DynamoDbService service, JsonElement request)
    {
        var start = RequestReader.OptionalString(request, "ExclusiveStartTableName");
        var limit = RequestReader.Optional(request, "Limit") is { } l ? l.GetInt32() : 100;
        var names = service.Names.Where(n => start is null || string.CompareOrdinal(n, start) > 0).ToList();
        var page = names.Take(limit).ToList();
        var response = new JsonObject { ["TableNames"] = new JsonArray(page.Select(n => (JsonNode?)n).ToArray()) };
        if (names.Count > page.Count)
        {
            response["LastEvaluatedTableName"] = page[^1];
        }

        return response;
    }

    /// <summary>A UUID-shaped id derived from the ARN and creation time (deterministic).</summary>
    private static string TableId(string arn, DateTimeOffset created)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(arn + created.ToUnixTimeMilliseconds()));
        return new Guid(bytes.AsSpan(0, 16)).ToString();
    }
}
