using System.Text.Json;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Sources.Sqs;

namespace Course.Sandbox.Tests.Sources.Sqs;

public class SqsEventSourceMappingTests
{
    private static DateTimeOffset T(double ms) => SqsHarness.T(ms);

    [Fact]
    public void SQS_01_NoWindow_BatchesHoldAtMostBatchSize_AndEverythingIsDeleted()
    {
        var h = new SqsHarness(SqsHarness.Ok);
        for (var i = 0; i < 25; i++)
        {
            h.Send($"m{i}");
        }
        h.Sim.Run();
        Assert.All(h.Batches, b => Assert.InRange(b.Bodies.Count, 1, 10));
        Assert.Equal(25, h.Batches.Sum(b => b.Bodies.Count));
        Assert.Equal(25, h.Queue.Deleted.Count);
        Assert.Empty(h.Queue.Messages);
        Assert.Equal(25, h.Mapping.MessagesDeleted);
    }

    [Fact]
    public void SQS_01_BatchingWindow_GathersFromTheFirstMessageUntilTheWindowEnds()
    {
        var h = new SqsHarness(SqsHarness.Ok, new SqsEventSourceOptions { BatchSize = 100, MaximumBatchingWindowInSeconds = 5 });
        h.Sim.ScheduleAt(T(1_000), () => h.Send("a"));
        h.Sim.ScheduleAt(T(2_000), () => h.Send("b"));
        h.Sim.ScheduleAt(T(5_500), () => h.Send("c"));
        h.Sim.Run();
        // window opens with "a" at 1 s and closes at 6 s; the invocation starts after the 235 ms cold start
        Assert.Equal([(T(6_235), ["a", "b", "c"])], h.Batches.Select(b => (b.At, b.Bodies)));
    }

    [Fact]
    public void SQS_01_BatchingWindow_FullBatchIsInvokedAtOnce()
    {
        var h = new SqsHarness(SqsHarness.Ok, new SqsEventSourceOptions { BatchSize = 20, MaximumBatchingWindowInSeconds = 60 }, visibilitySeconds: 120);
        for (var i = 0; i < 25; i++)
        {
            h.Send($"m{i:00}");
        }
        h.Sim.Run();
        Assert.Equal(20, h.Batches[0].Bodies.Count);
        Assert.Equal(T(235), h.Batches[0].At);
        Assert.Equal(5, h.Batches[1].Bodies.Count);
        Assert.Equal(T(60_000), h.Batches[1].At);
    }

    [Fact]
    public void SQS_01_Event_HasAwsMembersInAwsOrder()
    {
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("orders");
        queue.Send(new SqsSendRequest { Body = "hello", MessageAttributes = new Dictionary<string, SqsMessageAttribute> { ["kind"] = SqsMessageAttribute.String("order") } });
        var received = queue.Receive(1);
        var json = new SqsEventWriter(queue.Arn, "us-east-1").Write(received);
        var record = JsonDocument.Parse(json).RootElement.GetProperty("Records")[0];
        Assert.Equal(["messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody", "md5OfMessageAttributes", "eventSource", "eventSourceARN", "awsRegion"],
            record.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"],
            record.GetProperty("attributes").EnumerateObject().Select(p => p.Name));
        Assert.Equal("1", record.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString());
        Assert.Equal(T(0).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), record.GetProperty("attributes").GetProperty("SentTimestamp").GetString());
        Assert.Equal("""{"stringValue":"order","stringListValues":[],"binaryListValues":[],"dataType":"String"}""", record.GetProperty("messageAttributes").GetProperty("kind").GetRawText());
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", record.GetProperty("md5OfBody").GetString());
        Assert.Equal("aws:sqs", record.GetProperty("eventSource").GetString());
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", record.GetProperty("eventSourceARN").GetString());
        Assert.Equal(received[0].ReceiptHandle, record.GetProperty("receiptHandle").GetString());
    }

    [Fact]
    public void SQS_01_Event_DeserialisesIntoSqsEvent()
    {
        SQSEvent? seen = null;
        var h = new SqsHarness((e, c) => { seen = e; return null; });
        var id = h.Send("payload");
        h.Sim.Run();
        var m = Assert.Single(seen!.Records);
        Assert.Equal(id, m.MessageId);
        Assert.Equal("payload", m.Body);
        Assert.Equal("aws:sqs", m.EventSource);
        Assert.Equal(h.Queue.Arn, m.EventSourceArn);
        Assert.Equal("us-east-1", m.AwsRegion);
        Assert.Equal("1", m.Attributes["ApproximateReceiveCount"]);
    }

    [Fact]
    public void SQS_02_FunctionError_WholeBatchIsVisibleAgainAfterTheVisibilityTimeout()
    {
        var calls = 0;
        var h = new SqsHarness((e, c) => ++calls == 1 ? throw new InvalidOperationException("first time fails") : null, visibilitySeconds: 45);
        h.Send("a");
        h.Send("b");
        h.Sim.Run();
        // received at 0 s, failed at 0.2355 s, visible again at 45 s (counted from the receive), received and processed
        Assert.Equal([(T(235), ["a", "b"]), (T(45_000), ["a", "b"])], h.Batches.Select(b => (b.At, b.Bodies)));
        Assert.Equal(2, h.Queue.Deleted.Count);
        Assert.All(h.Queue.Deleted, m => Assert.Equal(2, m.ReceiveCount));
        Assert.Contains(h.Outcomes, o => o.Time == T(235.5) && o.Detail.Contains("visible again at 2026-01-01T00:00:45.000Z"));
    }

    [Fact]
    public void SQS_02_Timeout_FailsTheWholeBatchLikeAnError()
    {
        var calls = 0;
        var h = new SqsHarness((e, c) =>
        {
            if (++calls == 1)
            {
                SimulatedWork.Spend(5_000);
            }
            return null;
        }, visibilitySeconds: 30, timeoutSeconds: 3);
        h.Send("slow");
        h.Sim.Run();
        Assert.Equal([T(235), T(30_235)], h.Batches.Select(b => b.At)); // the timeout reset the environment: cold again
        Assert.Single(h.Queue.Deleted);
    }

    [Fact]
    public void SQS_03_PartialBatch_OnlyListedMessagesAreRetried()
    {
        var h = new SqsHarness((e, c) => SqsHarness.FailBodies(e, body => body == "b" && e.Records.Count == 3),
            new SqsEventSourceOptions { FunctionResponseTypes = [SqsEventSourceOptions.ReportBatchItemFailures] });
        h.Send("a");
        h.Send("b");
        h.Send("c");
        h.Sim.Run();
        Assert.Equal([(T(235), ["a", "b", "c"]), (T(30_000), ["b"])], h.Batches.Select(b => (b.At, b.Bodies)));
        Assert.Equal(["a", "c", "b"], h.Queue.Deleted.Select(m => m.Body));
        Assert.Contains(h.Outcomes, o => o.Detail.StartsWith("partial batch response: 1 of 3 failed", StringComparison.Ordinal));
    }

    [Fact]
    public void SQS_03_PartialBatch_UnknownId_FailsWholeBatch()
    {
        var calls = 0;
        var h = new SqsHarness((e, c) => ++calls == 1
                ? new SQSBatchResponse([new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "not-a-message-id" }])
                : null,
            new SqsEventSourceOptions { FunctionResponseTypes = [SqsEventSourceOptions.ReportBatchItemFailures] });
        h.Send("a");
        h.Send("b");
        h.Sim.Run();
        Assert.Equal([(T(235), ["a", "b"]), (T(30_000), ["a", "b"])], h.Batches.Select(b => (b.At, b.Bodies)));
        Assert.Contains(h.Outcomes, o => o.Detail.Contains("partial batch response rejected (itemIdentifier 'not-a-message-id' is not in the batch)"));
    }

    [Fact]
    public void SQS_03_PartialBatch_EmptyIdentifier_FailsWholeBatch()
    {
        var calls = 0;
        var h = new SqsHarness((e, c) => ++calls == 1
                ? new SQSBatchResponse([new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "" }])
                : null,
            new SqsEventSourceOptions { FunctionResponseTypes = [SqsEventSourceOptions.ReportBatchItemFailures] });
        h.Send("a");
        h.Sim.Run();
        Assert.Equal(2, h.Batches.Count);
    }

    [Fact]
    public void SQS_03_PartialBatch_EmptyList_IsSuccess()
    {
        var h = new SqsHarness((e, c) => new SQSBatchResponse(),
            new SqsEventSourceOptions { FunctionResponseTypes = [SqsEventSourceOptions.ReportBatchItemFailures] });
        h.Send("a");
        h.Sim.Run();
        Assert.Single(h.Batches);
        Assert.Single(h.Queue.Deleted);
    }

    [Fact]
    public void SQS_03_WithoutReportBatchItemFailures_ResponseIsIgnored()
    {
        var h = new SqsHarness((e, c) => SqsHarness.FailBodies(e, _ => true));
        h.Send("a");
        h.Send("b");
        h.Sim.Run();
        Assert.Single(h.Batches);
        Assert.Equal(2, h.Queue.Deleted.Count);
    }

    [Fact]
    public void SQS_04_AfterMaxReceiveCount_TheQueueMovesTheMessageToTheDlqOnTheNextReceive()
    {
        var h = new SqsHarness((e, c) => throw new InvalidOperationException("poison"), maxReceiveCount: 2);
        var id = h.Send("poison");
        h.Sim.Run();
        Assert.Equal([T(235), T(30_000)], h.Batches.Select(b => b.At));
        var moved = Assert.Single(h.Dlq!.Messages);
        Assert.Equal(id, moved.MessageId);
        var redrive = Assert.Single(h.Sim.Trace.OfKind(TraceKind.DeadLetter));
        Assert.Equal(T(60_000), redrive.Time);
        Assert.Equal($"1 message moved to DLQ dlq after 2 receives (maxReceiveCount): {id}", redrive.Detail);
        Assert.Empty(h.Queue.Messages);
    }

    [Fact]
    public void SQS_06_Scaling_StartsWithFivePollers_AddsAtMost300PerMinute()
    {
        var h = new SqsHarness((e, c) =>
        {
            SimulatedWork.Spend(60_000);
            return null;
        }, visibilitySeconds: 900, timeoutSeconds: 90);
        for (var i = 0; i < 8_000; i++)
        {
            h.Send($"m{i}");
        }
        Assert.Equal(5, h.Mapping.Pollers);
        h.Sim.RunFor(TimeSpan.FromSeconds(0.1));
        Assert.Equal(5, h.Sim.Lambda.GetFunction("f").ConcurrentExecutions);
        h.Sim.RunFor(TimeSpan.FromSeconds(59.9));
        var afterOneMinute = h.Sim.Lambda.GetFunction("f").ConcurrentExecutions;
        Assert.InRange(afterOneMinute, 250, 5 + 300);
        h.Sim.RunFor(TimeSpan.FromSeconds(59.5));
        Assert.InRange(h.Mapping.PeakPollers - afterOneMinute, 200, 300);
        Assert.Equal(h.Mapping.PeakPollers, h.Sim.Lambda.GetFunction("f").PeakConcurrentExecutions);
        Assert.Contains(h.Sim.Trace.OfKind(TraceKind.Note), n => n.Detail.StartsWith("scaling up: 6 pollers", StringComparison.Ordinal) && n.Time == T(200));
    }

    [Fact]
    public void SQS_06_WhenTheQueueEmpties_PollersScaleBackToFive()
    {
        var h = new SqsHarness((e, c) =>
        {
            SimulatedWork.Spend(1_000);
            return null;
        });
        for (var i = 0; i < 2_000; i++)
        {
            h.Send($"m{i}");
        }
        h.Sim.Run();
        Assert.True(h.Mapping.PeakPollers > 5);
        Assert.Equal(5, h.Mapping.Pollers);
        Assert.Equal(2_000, h.Queue.Deleted.Count);
    }

    [Fact]
    public void SQS_06_MaximumConcurrency_CapsConcurrentInvocations()
    {
        var h = new SqsHarness((e, c) =>
        {
            SimulatedWork.Spend(2_000);
            return null;
        }, new SqsEventSourceOptions { MaximumConcurrency = 3 });
        for (var i = 0; i < 300; i++)
        {
            h.Send($"m{i}");
        }
        h.Sim.Run();
        Assert.Equal(3, h.Sim.Lambda.GetFunction("f").PeakConcurrentExecutions);
        Assert.Equal(3, h.Mapping.PeakPollers);
        Assert.Equal(300, h.Queue.Deleted.Count);
    }

    [Fact]
    public void Throttle_BatchIsKeptAndRetriedWithBackoff_WhileTheMessagesAreHidden()
    {
        var h = new SqsHarness((e, c) =>
        {
            SimulatedWork.Spend(5_000);
            return null;
        }, new SqsEventSourceOptions { BatchSize = 1 }, reservedConcurrency: 1, timeoutSeconds: 10, visibilitySeconds: 60);
        h.Send("a");
        h.Send("b");
        h.Sim.Run();
        // "a" runs 0.235–5.2355 s; "b" is throttled at 0 s and retried after 1, 2 and 4 s: at 1 s and 3 s still busy, at 7 s it runs
        var retries = h.Sim.Trace.OfKind(TraceKind.RetryScheduled).Where(e => e.Source == "orders").ToList();
        Assert.Equal([1.0, 2.0, 4.0], retries.Select(e => e.Duration!.Value.TotalSeconds));
        Assert.Equal([T(0), T(1_000), T(3_000)], retries.Select(e => e.Time));
        Assert.Equal(3, h.Sim.Trace.OfKind(TraceKind.Throttle).Count());
        Assert.Equal([T(235), T(7_000)], h.Batches.Select(b => b.At));
        Assert.Equal(2, h.Queue.Deleted.Count);
        Assert.All(h.Queue.Deleted, m => Assert.Equal(1, m.ReceiveCount));
    }

    [Fact]
    public void Throttle_PastTheVisibilityTimeout_BatchReturnsToTheQueue()
    {
        var h = new SqsHarness((e, c) =>
        {
            SimulatedWork.Spend(20_000);
            return null;
        }, new SqsEventSourceOptions { BatchSize = 1 }, reservedConcurrency: 1, timeoutSeconds: 30, visibilitySeconds: 30);
        h.Send("a");
        h.Send("b");
        h.Sim.Run();
        // throttled at 0, 1, 3, 7, 15 s; the next retry (after 16 s, at 31 s) would pass the visibility timeout (30 s)
        Assert.Contains(h.Outcomes, o => o.Time == T(15_000) && o.Detail.Contains("returns to the queue at 2026-01-01T00:00:30.000Z"));
        Assert.Equal(2, h.Queue.Deleted.Count);
        Assert.Equal(2, h.Queue.Deleted.Single(m => m.Body == "b").ReceiveCount);
        Assert.Equal(T(30_000), h.Batches[1].At);
    }

    [Fact]
    public void SQS_07_Fifo_FailedMessageBlocksItsGroupUntilItSucceeds_OtherGroupsFlow()
    {
        var failures = 0;
        var h = new SqsHarness((e, c) =>
        {
            if (e.Records[0].Body == "a1" && ++failures == 1)
            {
                throw new InvalidOperationException("a1 fails once");
            }
            return null;
        }, new SqsEventSourceOptions { BatchSize = 1 }, fifo: true);
        h.Send("a1", "A");
        h.Send("a2", "A");
        h.Send("b1", "B");
        h.Send("a3", "A");
        h.Send("b2", "B");
        h.Sim.Run();
        var order = h.Batches.Select(b => b.Bodies[0]).ToList();
        Assert.Equal(["a1", "b1", "b2", "a1", "a2", "a3"], order);
        Assert.Equal(T(30_000), h.Batches[3].At);
        Assert.Equal(["b1", "b2", "a1", "a2", "a3"], h.Queue.Deleted.Select(m => m.Body));
    }

    [Fact]
    public void SQS_07_Fifo_PoisonMessageBlocksItsGroupUntilItMovesToTheDlq()
    {
        var h = new SqsHarness((e, c) => e.Records.Any(r => r.Body == "a1") ? throw new InvalidOperationException("poison") : null,
            new SqsEventSourceOptions { BatchSize = 10 }, fifo: true, maxReceiveCount: 2);
        h.Send("a1", "A");
        h.Send("a2", "A");
        h.Sim.Run();
        // a1 and a2 travel together (one group, in order) and fail twice; both reach maxReceiveCount and move to the DLQ in order
        Assert.Equal([(T(235), ["a1", "a2"]), (T(30_000), ["a1", "a2"])], h.Batches.Select(b => (b.At, b.Bodies)));
        Assert.Equal(["a1", "a2"], h.Dlq!.Messages.Select(m => m.Body));
    }

    [Fact]
    public void SQS_07_Fifo_PartialBatch_FailedAndLaterMessagesOfTheGroupAreRetriedInOrder()
    {
        var calls = 0;
        var h = new SqsHarness((e, c) =>
        {
            calls++;
            // AWS's rule for FIFO: stop at the first failure and report it and every later message
            return calls == 1 ? SqsHarness.FailBodies(e, b => b is "a2" or "a3") : null;
        }, new SqsEventSourceOptions { FunctionResponseTypes = [SqsEventSourceOptions.ReportBatchItemFailures] }, fifo: true);
        h.Send("a1", "A");
        h.Send("a2", "A");
        h.Send("a3", "A");
        h.Sim.Run();
        Assert.Equal([(T(235), ["a1", "a2", "a3"]), (T(30_000), ["a2", "a3"])], h.Batches.Select(b => (b.At, b.Bodies)));
        Assert.Equal(["a1", "a2", "a3"], h.Queue.Deleted.Select(m => m.Body));
    }

    [Fact]
    public void Create_Disabled_DoesNotPoll()
    {
        var h = new SqsHarness(SqsHarness.Ok, new SqsEventSourceOptions { Enabled = false });
        h.Send("a");
        h.Sim.Run();
        Assert.Empty(h.Batches);
        Assert.Single(h.Queue.Messages);
    }

    [Fact]
    public void Poll_MessageSentByAHandler_IsPickedUpWhenItBecomesVisible()
    {
        var h = new SqsHarness((e, c) =>
        {
            if (e.Records[0].Body == "first")
            {
                SimulatedWork.Spend(40);
                c.Logger.LogLine("sending follow-up");
            }
            return null;
        });
        h.Sim.ScheduleAt(T(0), () => h.Send("first"));
        h.Sim.RunFor(TimeSpan.FromSeconds(1));
        h.Send("second");
        h.Sim.Run();
        Assert.Equal([T(235), T(1_000)], h.Batches.Select(b => b.At));
    }
}
