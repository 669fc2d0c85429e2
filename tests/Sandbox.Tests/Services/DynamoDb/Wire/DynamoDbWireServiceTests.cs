using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Wire;
using Course.Sandbox.Tests.Services.DynamoDb;
using static Course.Sandbox.Tests.Services.DynamoDb.DynamoDbHarness;

namespace Course.Sandbox.Tests.Services.DynamoDb.Wire;

public sealed class DynamoDbWireServiceTests
{
    [Fact]
    public async Task CreateTable_ThenDescribeTable_ReturnsSchemaStreamAndCounts()
    {
        using var h = new DynamoDbHarness();
        var created = await h.CreateTableAsync("Orders", "pk", "sk", streamViewType: "NEW_AND_OLD_IMAGES");
        await h.Client.PutItemAsync("Orders", new() { ["pk"] = S("a"), ["sk"] = S("1") });

        var table = (await h.Client.DescribeTableAsync("Orders")).Table;

        Assert.Equal(TableStatus.ACTIVE, created.TableDescription.TableStatus);
        Assert.Equal("Orders", table.TableName);
        Assert.Equal(["pk", "sk"], table.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(KeyType.RANGE, table.KeySchema[1].KeyType);
        Assert.Equal(1, table.ItemCount);
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/Orders", table.TableArn);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, table.StreamSpecification.StreamViewType);
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000", table.LatestStreamArn);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), table.CreationDateTime!.Value.ToUniversalTime());
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary.BillingMode);
    }

    [Fact]
    public async Task CreateTable_Twice_ThrowsResourceInUseException()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Table1");

        var e = await Assert.ThrowsAsync<ResourceInUseException>(() => h.CreateTableAsync("Table1"));

        Assert.Equal("Table already exists: Table1", e.Message);
    }

    [Fact]
    public async Task CreateTable_KeyNotDefined_ThrowsValidation()
    {
        using var h = new DynamoDbHarness();
        var request = new CreateTableRequest
        {
            TableName = "Bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("other", ScalarAttributeType.S)],
        };

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.CreateTableAsync(request));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.StartsWith("One or more parameter values were invalid: Some index key attributes are not defined", e.Message);
    }

    [Fact]
    public async Task ListTables_ThenDeleteTable_ListsAndRemoves()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Beta");
        await h.CreateTableAsync("Alpha");

        var listed = await h.Client.ListTablesAsync(new ListTablesRequest { Limit = 1 });
        var deleted = await h.Client.DeleteTableAsync("Alpha");
        var after = await h.Client.ListTablesAsync();

        Assert.Equal(["Alpha"], listed.TableNames);
        Assert.Equal("Alpha", listed.LastEvaluatedTableName);
        Assert.Equal(TableStatus.DELETING, deleted.TableDescription.TableStatus);
        Assert.Equal(["Beta"], after.TableNames);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.DeleteTableAsync("Alpha"));
    }

    [Fact]
    public async Task BatchGetItem_Keys_ReturnsFoundItemsWithProjection()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("a"), ["v"] = N("1"), ["w"] = N("2") });
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("b"), ["v"] = N("3"), ["w"] = N("4") });

        var response = await h.Client.BatchGetItemAsync(new Dictionary<string, KeysAndAttributes>
        {
            ["Items"] = new()
            {
                Keys = [new() { ["pk"] = S("a") }, new() { ["pk"] = S("b") }, new() { ["pk"] = S("zzz") }],
                ProjectionExpression = "pk, v",
            },
        });

        var items = response.Responses["Items"].OrderBy(i => i["pk"].S).ToList();
        Assert.Equal(["a", "b"], items.Select(i => i["pk"].S));
        Assert.All(items, i => Assert.False(i.ContainsKey("w")));
    }

    [Fact]
    public async Task DescribeTable_Unknown_ThrowsResourceNotFound()
    {
        using var h = new DynamoDbHarness();

        var e = await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.DescribeTableAsync("Nope"));

        Assert.Equal("Requested resource not found", e.Message);
    }

    [Fact]
    public async Task PutItem_ThenGetItem_RoundTripsEveryType()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = S("k"),
            ["s"] = S("text"),
            ["n"] = N("001.50"),
            ["b"] = new() { B = new MemoryStream([1, 2, 3]) },
            ["bool"] = new() { BOOL = true },
            ["null"] = new() { NULL = true },
            ["ss"] = new() { SS = ["a", "b"] },
            ["ns"] = new() { NS = ["1", "2.5"] },
            ["l"] = new() { L = [S("x"), N("2")] },
            ["m"] = new() { M = new() { ["inner"] = S("v") } },
        };
        await h.Client.PutItemAsync("Items", item);

        var got = (await h.Client.GetItemAsync("Items", new() { ["pk"] = S("k") })).Item;

        Assert.Equal("text", got["s"].S);
        Assert.Equal("1.5", got["n"].N);
        Assert.Equal(new byte[] { 1, 2, 3 }, got["b"].B.ToArray());
        Assert.True(got["bool"].BOOL);
        Assert.True(got["null"].NULL);
        Assert.Equal(["a", "b"], got["ss"].SS);
        Assert.Equal(["1", "2.5"], got["ns"].NS);
        Assert.Equal("x", got["l"].L[0].S);
        Assert.Equal("v", got["m"].M["inner"].S);
    }

    [Fact]
    public async Task GetItem_Missing_ReturnsNoItem()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        var response = await h.Client.GetItemAsync("Items", new() { ["pk"] = S("none") });

        Assert.False(response.IsItemSet);
    }

    [Fact]
    public async Task GetItem_ProjectionExpression_ReturnsOnlyThosePaths()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new()
        {
            ["pk"] = S("k"),
            ["a"] = new() { M = new() { ["b"] = new() { L = [S("x"), new() { M = new() { ["c"] = N("1"), ["d"] = N("2") } }] }, ["e"] = S("no") } },
            ["f"] = S("no"),
        });

        var got = (await h.Client.GetItemAsync(new GetItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("k") },
            ProjectionExpression = "#a.b[1].c, pk",
            ExpressionAttributeNames = new() { ["#a"] = "a" },
        })).Item;

        Assert.Equal(["a", "pk"], got.Keys.Order());
        Assert.Equal(["b"], got["a"].M.Keys);
        var only = Assert.Single(got["a"].M["b"].L);
        Assert.Equal(["c"], only.M.Keys);
    }

    [Fact]
    public async Task GetItem_WrongKey_ThrowsKeyDoesNotMatchSchema()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.GetItemAsync("Items", new() { ["id"] = S("x") }));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal("The provided key element does not match the schema", e.Message);
    }

    [Fact]
    public async Task PutItem_MissingKeyAttribute_ThrowsValidation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.PutItemAsync("Items", new() { ["x"] = S("x") }));

        Assert.Equal("One or more parameter values were invalid: Missing the key pk in the item", e.Message);
    }

    [Fact]
    public async Task PutItem_AttributeNotExistsOnExistingItem_ThrowsConditionalCheckFailed()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        var put = new PutItemRequest
        {
            TableName = "Items",
            Item = new() { ["pk"] = S("k"), ["v"] = N("1") },
            ConditionExpression = "attribute_not_exists(pk)",
        };
        await h.Client.PutItemAsync(put);
        put.Item["v"] = N("2");

        var e = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => h.Client.PutItemAsync(put));

        Assert.Equal("The conditional request failed", e.Message);
        var stored = (await h.Client.GetItemAsync("Items", new() { ["pk"] = S("k") })).Item;
        Assert.Equal("1", stored["v"].N);
    }

    [Fact]
    public async Task PutItem_ConditionFailsWithReturnValuesOnFailure_ReturnsOldItem()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("k"), ["v"] = N("1") });

        var e = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => h.Client.PutItemAsync(new PutItemRequest
        {
            TableName = "Items",
            Item = new() { ["pk"] = S("k") },
            ConditionExpression = "v > :v",
            ExpressionAttributeValues = new() { [":v"] = N("5") },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));

        Assert.Equal("1", e.Item["v"].N);
    }

    [Fact]
    public async Task PutItem_ReturnValuesAllOld_ReturnsReplacedItem()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("k"), ["v"] = N("1") });

        var response = await h.Client.PutItemAsync(new PutItemRequest
        {
            TableName = "Items",
            Item = new() { ["pk"] = S("k"), ["v"] = N("2") },
            ReturnValues = ReturnValue.ALL_OLD,
        });

        Assert.Equal("1", response.Attributes["v"].N);
    }

    [Fact]
    public async Task PutItem_ReturnValuesAllNew_ThrowsValidation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.PutItemAsync(new PutItemRequest
        {
            TableName = "Items",
            Item = new() { ["pk"] = S("k") },
            ReturnValues = ReturnValue.ALL_NEW,
        }));

        Assert.Equal("ReturnValues can only be ALL_OLD or NONE", e.Message);
    }

    [Fact]
    public async Task PutItem_InvalidValuePlaceholderKey_ThrowsValidation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.PutItemAsync(new PutItemRequest
        {
            TableName = "Items",
            Item = new() { ["pk"] = S("k") },
            ConditionExpression = "v = :v",
            ExpressionAttributeValues = new() { ["v"] = N("1") },
        }));

        Assert.Equal("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"", e.Message);
    }

    [Fact]
    public async Task PutItem_UnusedValue_ThrowsValidation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.PutItemAsync(new PutItemRequest
        {
            TableName = "Items",
            Item = new() { ["pk"] = S("k") },
            ConditionExpression = "attribute_not_exists(pk)",
            ExpressionAttributeValues = new() { [":unused"] = N("1") },
        }));

        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}", e.Message);
    }

    [Fact]
    public async Task PutItem_UnknownTable_ThrowsResourceNotFound()
    {
        using var h = new DynamoDbHarness();

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.PutItemAsync("Missing", new() { ["pk"] = S("k") }));
    }

    [Fact]
    public async Task UpdateItem_SetAddRemoveListAppendIfNotExists_AppliesAll()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new()
        {
            ["pk"] = S("k"),
            ["count"] = N("10"),
            ["tags"] = new() { SS = ["a", "b"] },
            ["labels"] = new() { SS = ["x", "y"] },
            ["log"] = new() { L = [S("first")] },
            ["gone"] = S("x"),
            ["doc"] = new() { M = new() { ["level"] = N("1") } },
        });

        var response = await h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("k") },
            UpdateExpression = "SET #c = #c - :one, #log = list_append(#log, :more), created = if_not_exists(created, :now), doc.#lvl = doc.#lvl + :one " +
                               "REMOVE gone ADD visits :one, tags :newTags DELETE labels :oldLabels",
            ExpressionAttributeNames = new() { ["#c"] = "count", ["#log"] = "log", ["#lvl"] = "level" },
            ExpressionAttributeValues = new()
            {
                [":one"] = N("1"),
                [":more"] = new() { L = [S("second")] },
                [":now"] = S("2026-01-01"),
                [":newTags"] = new() { SS = ["c"] },
                [":oldLabels"] = new() { SS = ["x"] },
            },
            ReturnValues = ReturnValue.ALL_NEW,
        });

        var item = response.Attributes;
        Assert.Equal("9", item["count"].N);
        Assert.Equal(["first", "second"], item["log"].L.Select(v => v.S));
        Assert.Equal("2026-01-01", item["created"].S);
        Assert.Equal("2", item["doc"].M["level"].N);
        Assert.False(item.ContainsKey("gone"));
        Assert.Equal("1", item["visits"].N);
        Assert.Equal(["a", "b", "c"], item["tags"].SS.Order());
        Assert.Equal(["y"], item["labels"].SS);
    }

    [Fact]
    public async Task UpdateItem_NewItem_CreatesItWithKey()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        await h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("new") },
            UpdateExpression = "ADD hits :one",
            ExpressionAttributeValues = new() { [":one"] = N("1") },
        });

        var item = (await h.Client.GetItemAsync("Items", new() { ["pk"] = S("new") })).Item;
        Assert.Equal("1", item["hits"].N);
        Assert.Equal("new", item["pk"].S);
    }

    [Theory]
    [InlineData("UPDATED_OLD", "1", null)]
    [InlineData("UPDATED_NEW", "2", "x")]
    [InlineData("ALL_OLD", "1", null)]
    public async Task UpdateItem_ReturnValues_ReturnsTheRightAttributes(string returnValues, string expectedV, string? expectedAdded)
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("k"), ["v"] = N("1"), ["other"] = S("o") });

        var response = await h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("k") },
            UpdateExpression = "SET v = :two, added = :x",
            ExpressionAttributeValues = new() { [":two"] = N("2"), [":x"] = S("x") },
            ReturnValues = returnValues,
        });

        Assert.Equal(expectedV, response.Attributes["v"].N);
        Assert.Equal(expectedAdded, response.Attributes.TryGetValue("added", out var added) ? added.S : null);
        Assert.Equal(returnValues == "ALL_OLD", response.Attributes.ContainsKey("other"));
    }

    [Fact]
    public async Task UpdateItem_SyntaxError_ThrowsInvalidUpdateExpression()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("k") },
            UpdateExpression = "SET v = = :v",
            ExpressionAttributeValues = new() { [":v"] = N("2") },
        }));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.StartsWith("Invalid UpdateExpression: Syntax error; token: \"=\"", e.Message);
    }

    [Fact]
    public async Task UpdateItem_KeyAttribute_ThrowsValidation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("k") },
            UpdateExpression = "SET pk = :v",
            ExpressionAttributeValues = new() { [":v"] = S("other") },
        }));

        Assert.Equal("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key", e.Message);
    }

    [Fact]
    public async Task UpdateItem_ConditionOnVersionFails_ThrowsAndLeavesItem()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("k"), ["version"] = N("3") });

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("k") },
            UpdateExpression = "SET version = :next",
            ConditionExpression = "version = :expected",
            ExpressionAttributeValues = new() { [":next"] = N("3"), [":expected"] = N("2") },
        }));

        Assert.Equal("3", (await h.Client.GetItemAsync("Items", new() { ["pk"] = S("k") })).Item["version"].N);
    }

    [Fact]
    public async Task DeleteItem_ReturnValuesAllOld_RemovesAndReturnsItem()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("k"), ["v"] = S("x") });

        var response = await h.Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("k") },
            ReturnValues = ReturnValue.ALL_OLD,
        });

        Assert.Equal("x", response.Attributes["v"].S);
        Assert.False((await h.Client.GetItemAsync("Items", new() { ["pk"] = S("k") })).IsItemSet);
    }

    [Fact]
    public async Task DeleteItem_ConditionFails_ThrowsConditionalCheckFailed()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => h.Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = "Items",
            Key = new() { ["pk"] = S("k") },
            ConditionExpression = "attribute_exists(pk)",
        }));
    }

    private static async Task<DynamoDbHarness> OrdersAsync()
    {
        var h = new DynamoDbHarness();
        await h.CreateTableAsync("Orders", "customer", "sk");
        foreach (var sk in new[] { "order#001", "order#002", "order#003", "order#010", "profile" })
        {
            await h.Client.PutItemAsync("Orders", new()
            {
                ["customer"] = S("c1"),
                ["sk"] = S(sk),
                ["amount"] = N(sk == "profile" ? "0" : sk[^1..]),
            });
        }

        await h.Client.PutItemAsync("Orders", new() { ["customer"] = S("c2"), ["sk"] = S("order#001"), ["amount"] = N("9") });
        return h;
    }

    [Fact]
    public async Task Query_BeginsWith_ReturnsMatchingSortKeysInOrder()
    {
        using var h = await OrdersAsync();

        var response = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "Orders",
            KeyConditionExpression = "customer = :c AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = new() { [":c"] = S("c1"), [":prefix"] = S("order#") },
        });

        Assert.Equal(["order#001", "order#002", "order#003", "order#010"], response.Items.Select(i => i["sk"].S));
        Assert.Equal(4, response.Count);
    }

    [Fact]
    public async Task Query_BetweenDescending_ReturnsRangeReversed()
    {
        using var h = await OrdersAsync();

        var response = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "Orders",
            KeyConditionExpression = "customer = :c AND sk BETWEEN :lo AND :hi",
            ExpressionAttributeValues = new() { [":c"] = S("c1"), [":lo"] = S("order#002"), [":hi"] = S("order#010") },
            ScanIndexForward = false,
        });

        Assert.Equal(["order#010", "order#003", "order#002"], response.Items.Select(i => i["sk"].S));
    }

    [Fact]
    public async Task Query_NumericSortKeyComparison_ComparesNumerically()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Scores", "player", "score", rangeType: "N");
        foreach (var score in new[] { "9", "10", "100", "-1.5" })
        {
            await h.Client.PutItemAsync("Scores", new() { ["player"] = S("p"), ["score"] = N(score) });
        }

        var response = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "Scores",
            KeyConditionExpression = "player = :p AND score >= :min",
            ExpressionAttributeValues = new() { [":p"] = S("p"), [":min"] = N("9.0") },
        });

        Assert.Equal(["9", "10", "100"], response.Items.Select(i => i["score"].N));
    }

    [Fact]
    public async Task Query_LimitAndExclusiveStartKey_PagesThroughAll()
    {
        using var h = await OrdersAsync();
        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        var pages = 0;
        do
        {
            var page = await h.Client.QueryAsync(new QueryRequest
            {
                TableName = "Orders",
                KeyConditionExpression = "customer = :c",
                ExpressionAttributeValues = new() { [":c"] = S("c1") },
                Limit = 2,
                ExclusiveStartKey = start,
            });
            seen.AddRange(page.Items.Select(i => i["sk"].S));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            pages++;
        }
        while (start is not null);

        Assert.Equal(["order#001", "order#002", "order#003", "order#010", "profile"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Query_DescendingWithLimit_PagesBackwards()
    {
        using var h = await OrdersAsync();
        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await h.Client.QueryAsync(new QueryRequest
            {
                TableName = "Orders",
                KeyConditionExpression = "#c = :c AND sk < :max",
                ExpressionAttributeNames = new() { ["#c"] = "customer" },
                ExpressionAttributeValues = new() { [":c"] = S("c1"), [":max"] = S("p") },
                ScanIndexForward = false,
                Limit = 3,
                ExclusiveStartKey = start,
            });
            seen.AddRange(page.Items.Select(i => i["sk"].S));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        Assert.Equal(["order#010", "order#003", "order#002", "order#001"], seen);
    }

    [Fact]
    public async Task Query_SelectCount_ReturnsCountWithoutItems()
    {
        using var h = await OrdersAsync();

        var response = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "Orders",
            KeyConditionExpression = "customer = :c",
            ExpressionAttributeValues = new() { [":c"] = S("c1") },
            Select = Select.COUNT,
        });

        Assert.Equal(5, response.Count);
        Assert.True(response.Items is null || response.Items.Count == 0);
    }

    [Fact]
    public async Task Query_OrInKeyCondition_ThrowsValidation()
    {
        using var h = await OrdersAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.QueryAsync(new QueryRequest
        {
            TableName = "Orders",
            KeyConditionExpression = "customer = :c OR sk = :s",
            ExpressionAttributeValues = new() { [":c"] = S("c1"), [":s"] = S("x") },
        }));

        Assert.Equal("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR", e.Message);
    }

    [Fact]
    public async Task Query_FilterExpression_CountsScannedBeforeFilter()
    {
        using var h = await OrdersAsync();

        var response = await h.Client.QueryAsync(new QueryRequest
        {
            TableName = "Orders",
            KeyConditionExpression = "customer = :c",
            FilterExpression = "amount > :t AND NOT begins_with(sk, :p)",
            ExpressionAttributeValues = new() { [":c"] = S("c1"), [":t"] = N("1"), [":p"] = S("profile") },
        });

        Assert.Equal(["order#002", "order#003"], response.Items.Select(i => i["sk"].S));
        Assert.Equal(2, response.Count);
        Assert.Equal(5, response.ScannedCount);
    }

    [Fact]
    public async Task Query_MissingPartitionKey_ThrowsValidation()
    {
        using var h = await OrdersAsync();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.QueryAsync(new QueryRequest
        {
            TableName = "Orders",
            KeyConditionExpression = "sk = :s",
            ExpressionAttributeValues = new() { [":s"] = S("x") },
        }));

        Assert.Equal("Query condition missed key schema element: customer", e.Message);
    }

    [Fact]
    public async Task Scan_FilterAndLimit_PagesOverAllPartitions()
    {
        using var h = await OrdersAsync();
        var totals = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await h.Client.ScanAsync(new ScanRequest
            {
                TableName = "Orders",
                FilterExpression = "amount >= :t",
                ExpressionAttributeValues = new() { [":t"] = N("2") },
                Limit = 4,
                ExclusiveStartKey = start,
            });
            totals.AddRange(page.Items.Select(i => i["amount"].N));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        Assert.Equal(["2", "3", "9"], totals);
    }

    [Fact]
    public async Task BatchWriteItem_PutsAndDeletes_AppliesAll()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("old") });

        var response = await h.Client.BatchWriteItemAsync(new Dictionary<string, List<WriteRequest>>
        {
            ["Items"] =
            [
                new(new PutRequest(new() { ["pk"] = S("a") })),
                new(new PutRequest(new() { ["pk"] = S("b") })),
                new(new DeleteRequest(new() { ["pk"] = S("old") })),
            ],
        });

        Assert.Empty(response.UnprocessedItems);
        var keys = (await h.Client.ScanAsync(new ScanRequest("Items"))).Items.Select(i => i["pk"].S).Order();
        Assert.Equal(["a", "b"], keys);
    }

    [Fact]
    public async Task BatchWriteItem_TooManyOrDuplicate_ThrowsValidationAndWritesNothing()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        var tooMany = Enumerable.Range(0, 26).Select(i => new WriteRequest(new PutRequest(new() { ["pk"] = S($"k{i}") }))).ToList();
        var duplicate = new List<WriteRequest> { new(new PutRequest(new() { ["pk"] = S("d") })), new(new DeleteRequest(new() { ["pk"] = S("d") })) };

        var e1 = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.BatchWriteItemAsync(new Dictionary<string, List<WriteRequest>> { ["Items"] = tooMany }));
        var e2 = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.BatchWriteItemAsync(new Dictionary<string, List<WriteRequest>> { ["Items"] = duplicate }));

        Assert.Contains("Member must have length less than or equal to 25", e1.Message);
        Assert.Equal("Provided list of item keys contains duplicates", e2.Message);
        Assert.Equal(0, (await h.Client.ScanAsync(new ScanRequest("Items"))).Count);
    }

    [Fact]
    public async Task TransactWriteItems_AllConditionsHold_AppliesEveryWrite()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Accounts");
        await h.Client.PutItemAsync("Accounts", new() { ["pk"] = S("alice"), ["balance"] = N("100") });
        await h.Client.PutItemAsync("Accounts", new() { ["pk"] = S("bob"), ["balance"] = N("0") });

        await h.Client.TransactWriteItemsAsync(Transfer("30"));

        Assert.Equal("70", (await h.Client.GetItemAsync("Accounts", new() { ["pk"] = S("alice") })).Item["balance"].N);
        Assert.Equal("30", (await h.Client.GetItemAsync("Accounts", new() { ["pk"] = S("bob") })).Item["balance"].N);
        Assert.True((await h.Client.GetItemAsync("Accounts", new() { ["pk"] = S("audit#1") })).IsItemSet);
    }

    [Fact]
    public async Task TransactWriteItems_OneConditionFails_WritesNothingAndListsReasons()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Accounts");
        await h.Client.PutItemAsync("Accounts", new() { ["pk"] = S("alice"), ["balance"] = N("10") });
        await h.Client.PutItemAsync("Accounts", new() { ["pk"] = S("bob"), ["balance"] = N("0") });

        var e = await Assert.ThrowsAsync<TransactionCanceledException>(() => h.Client.TransactWriteItemsAsync(Transfer("30")));

        Assert.Equal(["ConditionalCheckFailed", "None", "None"], e.CancellationReasons.Select(r => r.Code));
        Assert.Equal("The conditional request failed", e.CancellationReasons[0].Message);
        Assert.Equal("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None, None]", e.Message);
        Assert.Equal("10", (await h.Client.GetItemAsync("Accounts", new() { ["pk"] = S("alice") })).Item["balance"].N);
        Assert.Equal("0", (await h.Client.GetItemAsync("Accounts", new() { ["pk"] = S("bob") })).Item["balance"].N);
        Assert.False((await h.Client.GetItemAsync("Accounts", new() { ["pk"] = S("audit#1") })).IsItemSet);
    }

    [Fact]
    public async Task TransactWriteItems_LastConditionFails_EarlierWritesAreNotApplied()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Accounts", streamViewType: "NEW_IMAGE");
        await h.Client.PutItemAsync("Accounts", new() { ["pk"] = S("alice"), ["balance"] = N("100") });
        await h.Client.PutItemAsync("Accounts", new() { ["pk"] = S("bob"), ["balance"] = N("0") });
        await h.Client.PutItemAsync("Accounts", new() { ["pk"] = S("audit#1"), ["amount"] = N("1") });

        var e = await Assert.ThrowsAsync<TransactionCanceledException>(() => h.Client.TransactWriteItemsAsync(Transfer("30")));

        Assert.Equal(["None", "None", "ConditionalCheckFailed"], e.CancellationReasons.Select(r => r.Code));
        Assert.Equal("100", (await h.Client.GetItemAsync("Accounts", new() { ["pk"] = S("alice") })).Item["balance"].N);
        Assert.Equal("0", (await h.Client.GetItemAsync("Accounts", new() { ["pk"] = S("bob") })).Item["balance"].N);
        Assert.Equal(3, h.Service.GetStream("Accounts")!.RetainedCount);
    }

    [Fact]
    public async Task TransactWriteItems_TwoOperationsOnOneItem_ThrowsValidation()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        var request = new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = "Items", Item = new() { ["pk"] = S("a") } } },
                new() { Delete = new Delete { TableName = "Items", Key = new() { ["pk"] = S("a") } } },
            ],
        };

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.TransactWriteItemsAsync(request));

        Assert.Equal("Transaction request cannot include multiple operations on one item", e.Message);
    }

    private static TransactWriteItemsRequest Transfer(string amount) => new()
    {
        TransactItems =
        [
            new()
            {
                Update = new Update
                {
                    TableName = "Accounts",
                    Key = new() { ["pk"] = S("alice") },
                    UpdateExpression = "SET balance = balance - :a",
                    ConditionExpression = "balance >= :a",
                    ExpressionAttributeValues = new() { [":a"] = N(amount) },
                },
            },
            new()
            {
                Update = new Update
                {
                    TableName = "Accounts",
                    Key = new() { ["pk"] = S("bob") },
                    UpdateExpression = "SET balance = balance + :a",
                    ExpressionAttributeValues = new() { [":a"] = N(amount) },
                },
            },
            new()
            {
                Put = new Put
                {
                    TableName = "Accounts",
                    Item = new() { ["pk"] = S("audit#1"), ["amount"] = N(amount) },
                    ConditionExpression = "attribute_not_exists(pk)",
                },
            },
        ],
    };

    [Fact]
    public async Task GetItem_ScriptedProvisionedThroughputFault_ThrowsSdkException()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        h.Faults.Script("GetItem", FaultKind.ProvisionedThroughputExceeded);

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => h.Client.GetItemAsync("Items", new() { ["pk"] = S("k") }));
        var next = await h.Client.GetItemAsync("Items", new() { ["pk"] = S("k") });

        Assert.False(next.IsItemSet);
        Assert.Equal(1, h.Faults.InjectedCount);
    }

    [Fact]
    public async Task PutItem_ScriptedThrottlingAndInternalError_ThrowSdkExceptions()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        h.Faults.Script("*", FaultKind.Throttling, FaultKind.InternalServerError);

        await Assert.ThrowsAsync<ThrottlingException>(() => h.Client.PutItemAsync("Items", new() { ["pk"] = S("k") }));
        var e = await Assert.ThrowsAsync<InternalServerErrorException>(() => h.Client.PutItemAsync("Items", new() { ["pk"] = S("k") }));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Contains("\"Count\":0", h.Service.Invoke("Scan", """{"TableName":"Items"}"""));
    }

    [Fact]
    public async Task GetItem_InjectedLatency_AddsToReportedLatency()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        h.Faults.LatencyRate = 1;
        h.Faults.ExtraLatency = TimeSpan.FromMilliseconds(250);

        await h.Client.GetItemAsync("Items", new() { ["pk"] = S("k") });

        Assert.Equal(new ServiceCall("dynamodb", "GetItem", "Success", TimeSpan.FromMilliseconds(254)), h.Observer.Calls[^1]);
    }

    [Fact]
    public async Task UnsupportedOperation_ThrowsErrorNamingIt()
    {
        using var h = new DynamoDbHarness();

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => h.Client.DescribeLimitsAsync(new DescribeLimitsRequest()));

        Assert.StartsWith("The sandbox's DynamoDB does not support operation DescribeLimits; supported: CreateTable,", e.Message);
        Assert.Equal("UnknownOperationException", e.ErrorCode);
    }

    [Theory]
    [InlineData("{not json", "SerializationException")]
    [InlineData("""{"TableName":"Items","Key":{"pk":{"B":"not base64!"}}}""", "SerializationException")]
    [InlineData("""{"TableName":42}""", "ValidationException")]
    public async Task RawRequest_Malformed_Answers400WithErrorType(string body, string expectedType)
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        using var http = h.Factory.CreateHttpClient(new AmazonDynamoDBConfig());
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://dynamodb.us-east-1.amazonaws.com/")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.GetItem");

        using var response = await http.SendAsync(request);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("#" + expectedType, json.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task EveryCall_IsReportedWithModelledLatency()
    {
        using var h = new DynamoDbHarness();
        await h.CreateTableAsync("Items");
        await h.Client.PutItemAsync("Items", new() { ["pk"] = S("k") });
        await h.Client.GetItemAsync("Items", new() { ["pk"] = S("k") });
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.GetItemAsync("Nope", new() { ["pk"] = S("k") }));

        Assert.Equal(
            [
                new ServiceCall("dynamodb", "CreateTable", "Success", TimeSpan.FromMilliseconds(50)),
                new ServiceCall("dynamodb", "PutItem", "Success", TimeSpan.FromMilliseconds(6)),
                new ServiceCall("dynamodb", "GetItem", "Success", TimeSpan.FromMilliseconds(4)),
                new ServiceCall("dynamodb", "GetItem", "ResourceNotFoundException", TimeSpan.FromMilliseconds(4)),
            ],
            h.Observer.Calls);
    }

    [Fact]
    public async Task DefaultClient_InstalledAndActivated_ReachesSandboxWithoutArguments()
    {
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIASANDBOXEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "sandbox-secret");
        using var h = new DynamoDbHarness();
        SandboxHttpClientFactory.InstallAsDefault();
        using var scope = h.Factory.Activate();
        using var client = new AmazonDynamoDBClient(new AmazonDynamoDBConfig { MaxErrorRetry = 0 });

        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "Default",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        await client.PutItemAsync("Default", new() { ["pk"] = S("k") });

        Assert.Equal(["Default"], h.Service.TableNames);
        Assert.Equal(2, h.Observer.Calls.Count);
    }

    [Fact]
    public async Task DefaultClient_NoActiveSandbox_FailsInsteadOfUsingNetwork()
    {
        SandboxHttpClientFactory.InstallAsDefault();
        using var client = new AmazonDynamoDBClient(
            new Amazon.Runtime.BasicAWSCredentials("AKIASANDBOXEXAMPLE", "sandbox-secret"),
            new AmazonDynamoDBConfig { RegionEndpoint = Amazon.RegionEndpoint.USEast1, MaxErrorRetry = 0 });

        var e = await Assert.ThrowsAnyAsync<Exception>(() => client.ListTablesAsync());

        Assert.Contains("outside a sandbox simulation", e.ToString());
    }
}
