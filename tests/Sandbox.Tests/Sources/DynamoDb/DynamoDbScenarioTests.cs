using Course.Sandbox.Observability;
using Course.Sandbox.Sources.DynamoDb;

namespace Course.Sandbox.Tests.Sources.DynamoDb;

/// <summary>A failing handler end to end: the exact retry timeline and where every record ends.</summary>
public class DynamoDbScenarioTests
{
    private static DateTimeOffset T(double ms) => TestHandlers.T0.AddMilliseconds(ms);

    [Fact]
    public void Scenario_PoisonRecord_BisectedAndDiscarded_ExactTimeline()
    {
        var h = new StreamHarness((e, c) => e.Records.Any(r => r.Dynamodb.NewImage["data"].S == "poison") ? throw new InvalidOperationException("poison") : null,
            new DynamoDbEventSourceOptions
            {
                StartingPosition = DynamoDbEventSourceOptions.TrimHorizon,
                BisectBatchOnFunctionError = true,
                MaximumRetryAttempts = 2,
            });
        h.Put("order", 1);
        h.Put("order", 2, "poison");
        h.Put("order", 3);
        h.Put("order", 4);
        h.Sim.Run();

        // 0.25 s poll; cold start 235 ms; each run 0.5 ms
        // 0.485 [1-4] fails → bisect (not a retry) → 0.4855 [1,2] fails → bisect → 0.486 [1] ok → 0.4865 [2] fails
        // → retry 1 after 1 s (1.487) → retry 2 after 2 s (3.4875) → discarded at 3.488 → [3,4] at once
        Assert.Equal([
            (T(485), new List<string> { "order#1", "order#2", "order#3", "order#4" }),
            (T(485.5), ["order#1", "order#2"]),
            (T(486), ["order#1"]),
            (T(486.5), ["order#2"]),
            (T(1_487), ["order#2"]),
            (T(3_487.5), ["order#2"]),
            (T(3_488), ["order#3", "order#4"]),
        ], h.Batches.Select(b => (b.At, b.Items)));
        var retries = h.Sim.Trace.OfKind(TraceKind.RetryScheduled).Select(r => (r.Time, r.Duration!.Value.TotalSeconds)).ToList();
        Assert.Equal([(T(485.5), 0.0), (T(486), 0.0), (T(487), 1.0), (T(1_487.5), 2.0)], retries);

        var (time, delivery) = Assert.Single(h.Destination.Received);
        Assert.Equal(T(3_488), time);
        Assert.Contains("\"batchSize\":1", delivery.Body);
        Assert.Contains("\"approximateInvokeCount\":5", delivery.Body);
        Assert.Equal(3, h.Mapping.ProcessedSequenceNumbers.Count);
        Assert.Equal(1, h.Mapping.RecordsDiscarded);
        Assert.Equal(0, h.Mapping.RecordsExpired);
    }

    [Fact]
    public void Scenario_InfiniteRetries_RecordIsDroppedWhenItExpires_AndTheShardMovesOn()
    {
        var h = new StreamHarness((e, c) => e.Records.Any(r => r.Dynamodb.NewImage["data"].S == "poison") ? throw new InvalidOperationException("poison") : null,
            new DynamoDbEventSourceOptions { StartingPosition = DynamoDbEventSourceOptions.TrimHorizon, BatchSize = 1 });
        h.Put("order", 1, "poison");
        h.Sim.ScheduleAt(T(600_000), () => h.Put("order", 2));
        h.Sim.Run();
        // retried for a day behind the poison record, order#2 is processed the moment the poison record leaves the stream
        var expired = Assert.Single(h.Sim.Trace.OfKind(TraceKind.EventExpired));
        var last = h.Batches[^1];
        Assert.Equal(["order#2"], last.Items);
        Assert.Equal(expired.Time, last.At - TimeSpan.Zero);
        Assert.Equal(1, h.Mapping.RecordsExpired);
        Assert.Single(h.Mapping.ProcessedSequenceNumbers);
        Assert.Empty(h.Destination.Received);
    }
}
