using System.Text.Json;
using Course.Lambda.DynamoDBEvents;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Sources.DynamoDb;

namespace Course.Sandbox.Tests.Sources.DynamoDb;

public class DynamoDbEventSourceMappingTests
{
    private static DateTimeOffset T(double ms) => TestHandlers.T0.AddMilliseconds(ms);

    private static DynamoDbEventSourceOptions Horizon(Action<DynamoDbEventSourceOptions>? configure = null)
    {
        var o = new DynamoDbEventSourceOptions { StartingPosition = DynamoDbEventSourceOptions.TrimHorizon };
        configure?.Invoke(o);
        return o;
    }

    private static Exception Bad(string data) => new InvalidOperationException(data);

    private static bool HasBad(DynamoDBEvent e) => e.Records.Any(r => r.Dynamodb.NewImage["data"].S == "bad");

    private static StreamsEventResponse Fail(params string[] sequenceNumbers) =>
        new() { BatchItemFailures = sequenceNumbers.Select(s => new StreamsEventResponse.BatchItemFailure { ItemIdentifier = s }).ToList() };

    [Fact]
    public void DDB_01_RecordsArriveInOrderPerKey_AcrossShards()
    {
        var h = new StreamHarness((e, c) => null, Horizon());
        for (var i = 0; i < 30; i++)
        {
            h.Put($"k{i % 7}", i);
        }
        h.Sim.Run();
        var seen = h.Batches.SelectMany(b => b.Items).ToList();
        Assert.Equal(30, seen.Count);
        foreach (var key in seen.GroupBy(s => s.Split('#')[0]))
        {
            Assert.Equal(key.Select(s => int.Parse(s.Split('#')[1], System.Globalization.CultureInfo.InvariantCulture)).Order(), key.Select(s => int.Parse(s.Split('#')[1], System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.Equal(30, h.Mapping.ProcessedSequenceNumbers.Count);
    }

    [Fact]
    public void DDB_01_FailingBatchBlocksItsShard_OtherShardsFlow()
    {
        var calls = 0;
        var h = new StreamHarness((e, c) => HasBad(e) && ++calls <= 2 ? throw Bad("bad") : null, Horizon(o => o.BatchSize = 1), createMapping: false);
        // find two keys in different shards
        var shardA = h.ShardOf("a");
        var other = Enumerable.Range(0, 50).Select(i => $"b{i}").First(k => h.ShardOf(k) != shardA);
        var created = DynamoDbEventSourceMapping.Create(h.Sim, h.Stream, "f", Horizon(o => { o.BatchSize = 1; o.StartingPosition = DynamoDbEventSourceOptions.Latest; }));
        h.Put("a", 1, "bad");
        h.Put("a", 2);
        h.Put(other, 1);
        h.Sim.Run();
        var a = h.Batches.Where(b => b.Items[0].StartsWith("a#", StringComparison.Ordinal)).ToList();
        // a#1 fails twice (retried after 1 s, then 2 s); a#2 waits behind it in its shard
        Assert.Equal(["a#1", "a#1", "a#1", "a#2"], a.Select(b => b.Items[0]));
        Assert.Equal([1_000.5, 2_000.5, 0.5], a.Zip(a.Skip(1), (x, y) => (y.At - x.At).TotalMilliseconds));
        // the other shard is not blocked: its record is done before a#1's first retry
        Assert.True(h.Batches.Single(b => b.Items[0] == $"{other}#1").At < a[1].At);
        Assert.Equal(3, created.ProcessedSequenceNumbers.Count);
    }

    [Fact]
    public void DDB_02_MaximumRetryAttempts_DiscardsAfterRetries_WithDoublingDelays()
    {
        var h = new StreamHarness((e, c) => HasBad(e) ? throw Bad("bad") : null, Horizon(o => o.MaximumRetryAttempts = 3));
        h.Put("a", 1, "bad");
        h.Put("a", 2);
        h.Sim.Run();
        var retries = h.Sim.Trace.OfKind(TraceKind.RetryScheduled).ToList();
        Assert.Equal([1.0, 2.0, 4.0], retries.Select(r => r.Duration!.Value.TotalSeconds));
        Assert.Equal(4, h.Batches.Count); // first try + 3 retries, each with both records (no bisect)
        var (time, delivery) = Assert.Single(h.Destination.Received);
        Assert.Equal(T(7_487), time);
        Assert.Contains("\"condition\":\"RetryAttemptsExhausted\"", delivery.Body);
        Assert.Contains("\"approximateInvokeCount\":4", delivery.Body);
        Assert.Equal(2, h.Mapping.RecordsDiscarded);
        Assert.Empty(h.Mapping.ProcessedSequenceNumbers);
    }

    [Fact]
    public void DDB_02_DefaultRetriesUntilTheRecordLeavesTheStreamAfter24Hours()
    {
        var h = new StreamHarness((e, c) => throw Bad("always"), Horizon());
        h.Put("a", 1);
        h.Sim.Run();
        var expired = Assert.Single(h.Sim.Trace.OfKind(TraceKind.EventExpired));
        Assert.True(expired.Time > T(24 * 3_600_000) && expired.Time <= T(24 * 3_600_000 + 61_000), expired.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, h.Mapping.RecordsExpired);
        Assert.Empty(h.Destination.Received); // records that leave the stream are dropped, not reported
        Assert.InRange(h.Batches.Count, 1_400, 1_500); // delays 1, 2, 4 … 60 s for a day
    }

    [Fact]
    public void DDB_02_MaximumRecordAge_DiscardsOldRecordsToTheDestination()
    {
        var h = new StreamHarness((e, c) => throw Bad("always"), Horizon(o => o.MaximumRecordAgeInSeconds = 60));
        h.Put("a", 1);
        h.Sim.Run();
        // attempts at 0.485 s, then after 1, 2, 4, 8, 16 s (≈31.5 s); the next one, 32 s later, finds the record older than 60 s
        var (time, delivery) = Assert.Single(h.Destination.Received);
        Assert.True(time > T(60_000));
        Assert.Contains("\"condition\":\"RecordAgeExceeded\"", delivery.Body);
        Assert.Equal(6, h.Batches.Count);
        Assert.Equal(T(63_488), time);
    }

    [Theory]
    [InlineData(-2, -1, "Value '-2' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value greater than or equal to -1")]
    [InlineData(10_001, -1, "Value '10001' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 10000")]
    [InlineData(-1, 604_801, "Value '604801' at 'maximumRecordAgeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 604800")]
    [InlineData(-1, 30, "Invalid request provided: MaximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800 seconds; got 30.")]
    public void DDB_02_OutOfRange_IsRejected(int retries, int age, string message)
    {
        var e = Assert.Throws<LambdaException>(() => new StreamHarness((e, c) => null, Horizon(o => { o.MaximumRetryAttempts = retries; o.MaximumRecordAgeInSeconds = age; })));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void DDB_03_Bisect_SplitsUntilTheBadRecordIsAlone_WithoutUsingRetries()
    {
        var h = new StreamHarness((e, c) => HasBad(e) ? throw Bad("bad") : null, Horizon(o => { o.BisectBatchOnFunctionError = true; o.MaximumRetryAttempts = 0; }));
        h.Put("a", 1);
        h.Put("a", 2, "bad");
        h.Put("a", 3);
        h.Put("a", 4);
        h.Sim.Run();
        Assert.Equal([["a#1", "a#2", "a#3", "a#4"], ["a#1", "a#2"], ["a#1"], ["a#2"], ["a#3", "a#4"]], h.Batches.Select(b => b.Items));
        var (_, delivery) = Assert.Single(h.Destination.Received);
        using var doc = JsonDocument.Parse(delivery.Body);
        Assert.Equal(1, doc.RootElement.GetProperty("DDBStreamBatchInfo").GetProperty("batchSize").GetInt32());
        Assert.Equal(3, h.Mapping.ProcessedSequenceNumbers.Count);
        Assert.Equal(2, h.Sim.Trace.OfKind(TraceKind.RetryScheduled).Count(r => r.Detail.StartsWith("bisecting", StringComparison.Ordinal)));
    }

    [Fact]
    public void DDB_04_PartialBatch_RetriesFromTheFirstFailedRecord()
    {
        var calls = 0;
        var h = new StreamHarness((e, c) =>
        {
            calls++;
            var bad = e.Records.Where(r => r.Dynamodb.NewImage["data"].S == "bad").Select(r => r.Dynamodb.SequenceNumber).ToArray();
            // report the failed record and every later one, as AWS asks; the highest first to prove the lowest wins
            return calls == 1 ? Fail([.. e.Records.Select(r => r.Dynamodb.SequenceNumber).Where(s => string.CompareOrdinal(s, bad[0]) >= 0).Reverse()]) : null;
        }, Horizon(o => o.FunctionResponseTypes = [DynamoDbEventSourceOptions.ReportBatchItemFailures]));
        h.Put("a", 1);
        h.Put("a", 2, "bad");
        h.Put("a", 3);
        h.Sim.Run();
        Assert.Equal([["a#1", "a#2", "a#3"], ["a#2", "a#3"]], h.Batches.Select(b => b.Items));
        Assert.Equal(T(1_485.5), h.Batches[1].At);
        Assert.Equal(3, h.Mapping.ProcessedSequenceNumbers.Distinct().Count());
    }

    [Fact]
    public void DDB_04_PartialBatch_UnknownSequenceNumber_FailsTheWholeBatch()
    {
        var calls = 0;
        var h = new StreamHarness((e, c) => ++calls == 1 ? Fail("999") : null,
            Horizon(o => o.FunctionResponseTypes = [DynamoDbEventSourceOptions.ReportBatchItemFailures]));
        h.Put("a", 1);
        h.Put("a", 2);
        h.Sim.Run();
        Assert.Equal([["a#1", "a#2"], ["a#1", "a#2"]], h.Batches.Select(b => b.Items));
        Assert.Contains(h.Sim.Trace.OfKind(TraceKind.SourceOutcome), o => o.Detail.Contains("partial batch response rejected (itemIdentifier '999' is not in the batch)"));
    }

    [Fact]
    public void DDB_04_PartialBatch_IgnoredWithoutReportBatchItemFailures()
    {
        var h = new StreamHarness((e, c) => Fail(e.Records[0].Dynamodb.SequenceNumber), Horizon());
        h.Put("a", 1);
        h.Sim.Run();
        Assert.Single(h.Batches);
        Assert.Single(h.Mapping.ProcessedSequenceNumbers);
    }

    [Fact]
    public void DDB_05_OnFailureDestination_ReceivesAwsMetadataRecord()
    {
        var h = new StreamHarness((e, c) => throw Bad("x"), Horizon(o => o.MaximumRetryAttempts = 0));
        h.Put("a", 1);
        h.Put("a", 2);
        h.Sim.Run();
        var (time, delivery) = Assert.Single(h.Destination.Received);
        var seq = h.Stream.GetRecords(h.Stream.TrimHorizon(h.Stream.ShardIds.First(id => h.Stream.GetRecords(h.Stream.TrimHorizon(id)).Records.Count > 0))).Records;
        using var doc = JsonDocument.Parse(delivery.Body);
        var root = doc.RootElement;
        Assert.Equal(["requestContext", "responseContext", "version", "timestamp", "DDBStreamBatchInfo"], root.EnumerateObject().Select(p => p.Name));
        var rc = root.GetProperty("requestContext");
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:f", rc.GetProperty("functionArn").GetString());
        Assert.Equal("RetryAttemptsExhausted", rc.GetProperty("condition").GetString());
        Assert.Equal(1, rc.GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal("""{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"}""", root.GetProperty("responseContext").GetRawText());
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal("2026-01-01T00:00:00.485Z", root.GetProperty("timestamp").GetString());
        var info = root.GetProperty("DDBStreamBatchInfo");
        Assert.Equal(["shardId", "startSequenceNumber", "endSequenceNumber", "approximateArrivalOfFirstRecord", "approximateArrivalOfLastRecord", "batchSize", "streamArn"], info.EnumerateObject().Select(p => p.Name));
        Assert.Equal(seq[0].ShardId, info.GetProperty("shardId").GetString());
        Assert.Equal(seq[0].SequenceNumber, info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(seq[1].SequenceNumber, info.GetProperty("endSequenceNumber").GetString());
        Assert.Equal("2026-01-01T00:00:00Z", info.GetProperty("approximateArrivalOfFirstRecord").GetString());
        Assert.Equal(2, info.GetProperty("batchSize").GetInt32());
        Assert.Equal(h.Stream.StreamArn, info.GetProperty("streamArn").GetString());
        Assert.Contains(h.Sim.Trace.OfKind(TraceKind.DestinationDelivered), d => d.Time == time && d.Detail.Contains("metadata sent to arn:aws:sqs:us-east-1:123456789012:stream-failures"));
    }

    [Fact]
    public void DDB_06_BatchSize_DefaultsTo100()
    {
        var h = new StreamHarness((e, c) => null, Horizon());
        for (var i = 0; i < 150; i++)
        {
            h.Put("a", i);
        }
        h.Sim.Run();
        Assert.Equal([100, 50], h.Batches.Select(b => b.Items.Count));
    }

    [Theory]
    [InlineData(0, 1, "Value '0' at 'batchSize'")]
    [InlineData(10_001, 1, "Value '10001' at 'batchSize'")]
    [InlineData(100, 0, "Value '0' at 'parallelizationFactor'")]
    [InlineData(100, 11, "Value '11' at 'parallelizationFactor'")]
    public void DDB_06_OutOfRange_IsRejected(int batchSize, int factor, string message)
    {
        var e = Assert.Throws<LambdaException>(() => new StreamHarness((e, c) => null, Horizon(o => { o.BatchSize = batchSize; o.ParallelizationFactor = factor; })));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void DDB_06_ParallelizationFactor_RunsBatchesOfOneShardConcurrently_KeyOrderKept()
    {
        var h1 = Run(1);
        var h10 = Run(10);
        // factor 1: one batch per shard at a time (4 shards); factor 10: up to 10 per shard
        Assert.InRange(h1.Sim.Lambda.GetFunction("f").PeakConcurrentExecutions, 1, h1.Stream.ShardIds.Count);
        Assert.True(h10.Sim.Lambda.GetFunction("f").PeakConcurrentExecutions > h1.Sim.Lambda.GetFunction("f").PeakConcurrentExecutions);
        Assert.True(h10.Batches.Max(b => b.At) < h1.Batches.Max(b => b.At));
        foreach (var h in new[] { h1, h10 })
        {
            foreach (var key in h.Batches.SelectMany(b => b.Items).GroupBy(s => s.Split('#')[0]))
            {
                Assert.Equal(key.OrderBy(s => int.Parse(s.Split('#')[1], System.Globalization.CultureInfo.InvariantCulture)), key);
            }
        }

        static StreamHarness Run(int factor)
        {
            var h = new StreamHarness((e, c) =>
            {
                SimulatedWork.Spend(1_000);
                return null;
            }, Horizon(o => { o.ParallelizationFactor = factor; o.BatchSize = 2; }));
            for (var i = 0; i < 40; i++)
            {
                h.Put($"k{i % 10}", i);
            }
            h.Sim.Run();
            return h;
        }
    }

    [Fact]
    public void StartingPosition_Latest_SkipsEarlierRecords()
    {
        var h = new StreamHarness((e, c) => null, Horizon(), createMapping: false);
        h.Put("old", 1);
        var mapping = DynamoDbEventSourceMapping.Create(h.Sim, h.Stream, "f", new DynamoDbEventSourceOptions { StartingPosition = DynamoDbEventSourceOptions.Latest });
        h.Put("new", 1);
        h.Sim.Run();
        Assert.Equal([["new#1"]], h.Batches.Select(b => b.Items));
        Assert.Single(mapping.ProcessedSequenceNumbers);
    }

    [Fact]
    public void StartingPosition_Missing_IsRejected()
    {
        var e = Assert.Throws<LambdaException>(() => new StreamHarness((e, c) => null, new DynamoDbEventSourceOptions()));
        Assert.Equal("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null", e.Message);
    }

    [Fact]
    public void BatchingWindow_GathersRecordsBeforeInvoking()
    {
        var h = new StreamHarness((e, c) => null, Horizon(o => o.MaximumBatchingWindowInSeconds = 2));
        h.Put("a", 1);
        h.Sim.ScheduleAt(T(1_000), () => h.Put("a", 2));
        h.Sim.Run();
        // read at the 250 ms poll; window closes 2 s later
        Assert.Equal([(T(2_485), new List<string> { "a#1", "a#2" })], h.Batches.Select(b => (b.At, b.Items)));
    }

    [Fact]
    public void Throttle_IsRetriedWithoutUsingRetryAttempts()
    {
        var h = new StreamHarness((e, c) =>
        {
            SimulatedWork.Spend(1_000);
            return null;
        }, Horizon(o => { o.MaximumRetryAttempts = 0; o.ParallelizationFactor = 10; o.BatchSize = 1; }), reservedConcurrency: 1);
        for (var i = 0; i < 4; i++)
        {
            h.Put($"k{i}", i);
        }
        h.Sim.Run();
        Assert.Equal(4, h.Mapping.ProcessedSequenceNumbers.Count);
        Assert.Empty(h.Destination.Received);
        Assert.Contains(h.Sim.Trace.OfKind(TraceKind.RetryScheduled), r => r.Detail.StartsWith("throttled", StringComparison.Ordinal) && r.Detail.EndsWith("(not counted as a retry)", StringComparison.Ordinal));
    }
}
