using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Course.Sandbox.Services.DynamoDb.Streams;
using Course.Sandbox.Tests.Services.DynamoDb;
using static Course.Sandbox.Tests.Services.DynamoDb.DynamoDbHarness;

namespace Course.Sandbox.Tests.Services.DynamoDb.Streams;

public sealed class DynamoDbStreamTests
{
    private static List<DynamoDbStreamRecord> ReadAll(DynamoDbStream stream) =>
        stream.ShardIds.SelectMany(shard => stream.GetRecords(stream.TrimHorizon(shard), 10_000).Records).ToList();

    [Fact]
    public async Task DDB_01_SameKey_SameShard_OrderKept()
    {
        using var h = new DynamoDbHarness(shards: 4);
        await h.CreateTableAsync("Events", streamViewType: "NEW_IMAGE");
        var keys = Enumerable.Range(0, 11).Select(i => $"key-{i}").ToList();
        for (var version = 1; version <= 5; version++)
        {
            foreach (var key in keys)
            {
                await h.Client.PutItemAsync("Events", new() { ["pk"] = S(key), ["version"] = N(version.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
            }
        }

        var stream = h.Service.GetStream("Events")!;
        var byShard = stream.ShardIds.ToDictionary(s => s, s => stream.GetRecords(stream.TrimHorizon(s), 10_000).Records);

        foreach (var key in keys)
        {
            var shards = byShard.Where(kv => kv.Value.Any(r => r.Keys["pk"]!["S"]!.GetValue<string>() == key)).Select(kv => kv.Key).ToList();
            var shard = Assert.Single(shards);
            var versions = byShard[shard].Where(r => r.Keys["pk"]!["S"]!.GetValue<string>() == key)
                .Select(r => r.NewImage!["version"]!["N"]!.GetValue<string>());
            Assert.Equal(["1", "2", "3", "4", "5"], versions);
        }

        Assert.True(byShard.Count(kv => kv.Value.Count > 0) > 1, "11 keys should spread over more than one of 4 shards");
        Assert.Equal(55, byShard.Values.Sum(r => r.Count));
    }

    [Fact]
    public async Task DDB_01_SequenceNumbers_IncreaseWithinShard()
    {
        using var h = new DynamoDbHarness(shards: 2);
        await h.CreateTableAsync("Seq", streamViewType: "KEYS_ONLY");
        for (var i = 0; i < 20; i++)
        {
            await h.Client.PutItemAsync("Seq", new() { ["pk"] = S($"k{i % 5}"), ["v"] = N(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        }

        var stream = h.Service.GetStream("Seq")!;
        foreach (var shard in stream.ShardIds)
        {
            var numbers = stream.GetRecords(stream.TrimHorizon(shard), 100).Records.Select(r => System.Numerics.BigInteger.Parse(r.SequenceNumber, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers.Order(), numbers);
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("KEYS_ONLY", false, false)]
    [InlineData("NEW_IMAGE", true, false)]
    [InlineData("OLD_IMAGE", false, true)]
    [InlineData("NEW_AND_OLD_IMAGES", true, true)]
    public async Task Modify_ViewType_IncludesTheRightImages(string viewType, bool hasNew, bool hasOld)
    {
        using var h = new DynamoDbHarness(shards: 1);
        await h.CreateTableAsync("Views", streamViewType: viewType);
        await h.Client.PutItemAsync("Views", new() { ["pk"] = S("k"), ["v"] = N("1") });
        await h.Client.PutItemAsync("Views", new() { ["pk"] = S("k"), ["v"] = N("2") });

        var modify = ReadAll(h.Service.GetStream("Views")!)[1];

        Assert.Equal("MODIFY", modify.EventName);
        Assert.Equal(viewType, modify.StreamViewType);
        Assert.Equal("k", modify.Keys["pk"]!["S"]!.GetValue<string>());
        Assert.Equal(hasNew ? "2" : null, modify.NewImage?["v"]!["N"]!.GetValue<string>());
        Assert.Equal(hasOld ? "1" : null, modify.OldImage?["v"]!["N"]!.GetValue<string>());
    }

    [Fact]
    public async Task Writes_InsertModifyRemove_RecordEachChangeButNotUnchangedPuts()
    {
        using var h = new DynamoDbHarness(shards: 1);
        await h.CreateTableAsync("Life", streamViewType: "NEW_AND_OLD_IMAGES");
        await h.Client.PutItemAsync("Life", new() { ["pk"] = S("k"), ["v"] = N("1") });
        await h.Client.PutItemAsync("Life", new() { ["pk"] = S("k"), ["v"] = N("1.0") }); // same value: no record
        await h.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Life",
            Key = new() { ["pk"] = S("k") },
            UpdateExpression = "ADD v :one",
            ExpressionAttributeValues = new() { [":one"] = N("1") },
        });
        await h.Client.DeleteItemAsync("Life", new() { ["pk"] = S("k") });
        await h.Client.DeleteItemAsync("Life", new() { ["pk"] = S("k") }); // nothing to delete: no record

        var records = ReadAll(h.Service.GetStream("Life")!);

        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], records.Select(r => r.EventName));
        Assert.Null(records[0].OldImage);
        Assert.Null(records[2].NewImage);
        Assert.Equal("2", records[2].OldImage!["v"]!["N"]!.GetValue<string>());
    }

    [Fact]
    public async Task TransactWriteItems_Cancelled_RecordsNothing()
    {
        using var h = new DynamoDbHarness(shards: 1);
        await h.CreateTableAsync("TxTable", streamViewType: "NEW_IMAGE");
        var request = new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = "TxTable", Item = new() { ["pk"] = S("a") } } },
                new() { ConditionCheck = new ConditionCheck { TableName = "TxTable", Key = new() { ["pk"] = S("b") }, ConditionExpression = "attribute_exists(pk)" } },
            ],
        };

        await Assert.ThrowsAsync<TransactionCanceledException>(() => h.Client.TransactWriteItemsAsync(request));

        Assert.Equal(0, h.Service.GetStream("TxTable")!.RetainedCount);
    }

    [Fact]
    public async Task UpdateTable_EnableThenDisableStream_RecordsOnlyWhileEnabled()
    {
        using var h = new DynamoDbHarness(shards: 1);
        await h.CreateTableAsync("Later");
        await h.Client.PutItemAsync("Later", new() { ["pk"] = S("before") });

        var enabled = await h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "Later",
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = Amazon.DynamoDBv2.StreamViewType.NEW_IMAGE },
        });
        await h.Client.PutItemAsync("Later", new() { ["pk"] = S("during") });
        var again = await Assert.ThrowsAsync<Amazon.DynamoDBv2.AmazonDynamoDBException>(() => h.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "Later",
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = Amazon.DynamoDBv2.StreamViewType.KEYS_ONLY },
        }));
        await h.Client.UpdateTableAsync(new UpdateTableRequest { TableName = "Later", StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        await h.Client.PutItemAsync("Later", new() { ["pk"] = S("after") });
        var described = (await h.Client.DescribeTableAsync("Later")).Table;

        Assert.Equal(Amazon.DynamoDBv2.StreamViewType.NEW_IMAGE, enabled.TableDescription.StreamSpecification.StreamViewType);
        Assert.Equal("Table already has an enabled stream: TableName: Later", again.Message);
        Assert.Equal(["during"], ReadAll(h.Service.GetStream("Later")!).Select(r => r.Keys["pk"]!["S"]!.GetValue<string>()));
        Assert.Null(described.StreamSpecification);
        Assert.Equal(enabled.TableDescription.LatestStreamArn, described.LatestStreamArn);
    }

    [Fact]
    public async Task GetRecords_FromPosition_ReturnsOnlyLaterRecords()
    {
        using var h = new DynamoDbHarness(shards: 1);
        await h.CreateTableAsync("Pos", streamViewType: "KEYS_ONLY");
        var stream = h.Service.GetStream("Pos")!;
        var shard = stream.ShardIds[0];
        await h.Client.PutItemAsync("Pos", new() { ["pk"] = S("a") });
        await h.Client.PutItemAsync("Pos", new() { ["pk"] = S("b") });
        var latest = stream.Latest(shard);
        await h.Client.PutItemAsync("Pos", new() { ["pk"] = S("c") });

        var first = stream.GetRecords(stream.TrimHorizon(shard), limit: 1);
        var second = stream.GetRecords(first.Next, limit: 10);
        var afterLatest = stream.GetRecords(latest);
        var empty = stream.GetRecords(second.Next);

        Assert.Equal(["a"], first.Records.Select(r => r.Keys["pk"]!["S"]!.GetValue<string>()));
        Assert.Equal(["b", "c"], second.Records.Select(r => r.Keys["pk"]!["S"]!.GetValue<string>()));
        Assert.Equal(["c"], afterLatest.Records.Select(r => r.Keys["pk"]!["S"]!.GetValue<string>()));
        Assert.Empty(empty.Records);
        Assert.Equal(second.Next, empty.Next);
    }

    [Fact]
    public async Task GetRecords_After24Hours_RecordsExpire()
    {
        using var h = new DynamoDbHarness(shards: 1);
        await h.CreateTableAsync("Old", streamViewType: "KEYS_ONLY");
        await h.Client.PutItemAsync("Old", new() { ["pk"] = S("early") });
        h.Clock.Advance(TimeSpan.FromHours(23));
        await h.Client.PutItemAsync("Old", new() { ["pk"] = S("later") });
        var stream = h.Service.GetStream("Old")!;
        Assert.Equal(2, stream.RetainedCount);

        h.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var records = stream.GetRecords(stream.TrimHorizon(stream.ShardIds[0])).Records;
        Assert.Equal(["later"], records.Select(r => r.Keys["pk"]!["S"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GetRecords_UnknownShard_ThrowsNamingTheShards()
    {
        using var h = new DynamoDbHarness(shards: 2);
        await h.CreateTableAsync("Shards", streamViewType: "KEYS_ONLY");
        var stream = h.Service.GetStream("Shards")!;

        var e = Assert.Throws<ArgumentException>(() => stream.GetRecords(new StreamPosition("shardId-nope", null)));

        Assert.Contains(stream.ShardIds[1], e.Message);
    }

    [Fact]
    public async Task ToLambdaEvent_MatchesTheShapeOfTheAwsSample()
    {
        using var h = new DynamoDbHarness(shards: 1);
        await h.CreateTableAsync("Example-Table", streamViewType: "NEW_AND_OLD_IMAGES");
        h.Clock.Advance(TimeSpan.FromSeconds(90));
        await h.Client.PutItemAsync("Example-Table", new() { ["pk"] = S("k"), ["ns"] = new() { NS = ["0", "50"] }, ["m"] = new() { M = new() { ["b"] = new() { BOOL = false } } } });
        var stream = h.Service.GetStream("Example-Table")!;

        var json = JsonNode.Parse(DynamoDbStreamRecord.ToLambdaEvent(ReadAll(stream)))!;
        var sample = JsonNode.Parse(File.ReadAllText(FindFixture()))!;

        var record = json["Records"]![0]!;
        var sampleRecord = sample["Records"]![0]!;
        Assert.Equal(
            sampleRecord.AsObject().Select(p => p.Key).Order(),
            record.AsObject().Select(p => p.Key).Order());
        Assert.Equal(
            sampleRecord["dynamodb"]!.AsObject().Select(p => p.Key).Order(),
            record["dynamodb"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal("INSERT", record["eventName"]!.GetValue<string>());
        Assert.Equal("1.1", record["eventVersion"]!.GetValue<string>());
        Assert.Equal("aws:dynamodb", record["eventSource"]!.GetValue<string>());
        Assert.Equal("us-east-1", record["awsRegion"]!.GetValue<string>());
        Assert.Equal(stream.StreamArn, record["eventSourceARN"]!.GetValue<string>());
        Assert.Equal(1767225690, record["dynamodb"]!["ApproximateCreationDateTime"]!.GetValue<long>());
        Assert.Equal(JsonValueKind.Number, record["dynamodb"]!["SizeBytes"]!.GetValueKind());
        Assert.Equal(32, record["eventID"]!.GetValue<string>().Length);
        Assert.Equal("50", record["dynamodb"]!["NewImage"]!["ns"]!["NS"]![1]!.GetValue<string>());
        Assert.False(record["dynamodb"]!["NewImage"]!["m"]!["M"]!["b"]!["BOOL"]!.GetValue<bool>());
    }

    private static string FindFixture() =>
        Path.Combine(AppContext.BaseDirectory, "Services", "Fixtures", "dynamodb-event.json");

    [Fact]
    public async Task SameScript_SameSeed_SameStreamRecords()
    {
        async Task<string> RunAsync()
        {
            using var h = new DynamoDbHarness(shards: 3);
            await h.CreateTableAsync("Det", streamViewType: "NEW_AND_OLD_IMAGES");
            for (var i = 0; i < 10; i++)
            {
                h.Clock.Advance(TimeSpan.FromSeconds(i));
                await h.Client.PutItemAsync("Det", new() { ["pk"] = S($"k{i % 4}"), ["v"] = N($"{i}") });
            }

            var stream = h.Service.GetStream("Det")!;
            return DynamoDbStreamRecord.ToLambdaEvent(stream.ShardIds.SelectMany(s => stream.GetRecords(stream.TrimHorizon(s)).Records));
        }

        Assert.Equal(await RunAsync(), await RunAsync());
    }
}
