using System.Text.Json;
using Course.Lambda.DynamoDBEvents;
using Course.Sandbox.Sources.DynamoDb;
using CsCheck;

namespace Course.Sandbox.Tests.Sources.DynamoDb;

/// <summary>"Nothing is lost": under random (seeded) handler failures, every stream record ends processed or reported
/// to the on-failure destination, exactly once, and each key's records are processed in order.</summary>
public class StreamNothingLostPropertyTests
{
    [Fact]
    public void NothingIsLost_EveryRecordProcessedOrDiscardedToTheDestination() =>
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[1, 30], Gen.Double[0.0, 0.8], Gen.Bool, Gen.Bool, Gen.Int[0, 3], Gen.Int[1, 8])
            .Sample(c => Check(c.Item1, c.Item2, c.Item3, c.Item4, c.Item5, c.Item6, c.Item7), iter: 40, threads: 1);

    private static void Check(int seed, int count, double failRate, bool partial, bool bisect, int retries, int batchSize)
    {
        var random = new Random(seed);
        var options = new DynamoDbEventSourceOptions
        {
            StartingPosition = DynamoDbEventSourceOptions.TrimHorizon,
            BisectBatchOnFunctionError = bisect,
            MaximumRetryAttempts = retries,
            BatchSize = batchSize,
        };
        if (partial)
        {
            options.FunctionResponseTypes = [DynamoDbEventSourceOptions.ReportBatchItemFailures];
        }
        var h = new StreamHarness((e, c) =>
        {
            if (random.NextDouble() < failRate / 2)
            {
                throw new InvalidOperationException("random failure");
            }
            if (!partial || random.NextDouble() >= failRate)
            {
                return null;
            }
            var from = random.Next(e.Records.Count);
            return new StreamsEventResponse
            {
                BatchItemFailures = e.Records.Skip(from).Select(r => new StreamsEventResponse.BatchItemFailure { ItemIdentifier = r.Dynamodb.SequenceNumber }).ToList(),
            };
        }, options, seed: seed);
        for (var i = 0; i < count; i++)
        {
            h.Put($"k{random.Next(4)}", i);
        }
        h.Sim.Run();

        var all = h.Stream.ShardIds.SelectMany(id => h.Stream.GetRecords(h.Stream.TrimHorizon(id), 10_000).Records).ToList();
        var discarded = new List<string>();
        foreach (var (_, delivery) in h.Destination.Received)
        {
            using var doc = JsonDocument.Parse(delivery.Body);
            var info = doc.RootElement.GetProperty("DDBStreamBatchInfo");
            var shard = info.GetProperty("shardId").GetString();
            var start = info.GetProperty("startSequenceNumber").GetString()!;
            var end = info.GetProperty("endSequenceNumber").GetString()!;
            var range = all.Where(r => r.ShardId == shard && string.CompareOrdinal(r.SequenceNumber, start) >= 0 && string.CompareOrdinal(r.SequenceNumber, end) <= 0)
                .Select(r => r.SequenceNumber).ToList();
            Assert.Equal(info.GetProperty("batchSize").GetInt32(), range.Count);
            discarded.AddRange(range);
        }
        var processed = h.Mapping.ProcessedSequenceNumbers;
        Assert.Equal(0, h.Mapping.RecordsExpired);
        Assert.Equal(all.Select(r => r.SequenceNumber).Order(StringComparer.Ordinal), processed.Concat(discarded).Order(StringComparer.Ordinal));
        var byKey = all.ToDictionary(r => r.SequenceNumber, r => r.Keys["pk"]!.ToJsonString());
        foreach (var key in processed.GroupBy(s => byKey[s]))
        {
            Assert.Equal(key.Order(StringComparer.Ordinal), key);
        }
    }
}
