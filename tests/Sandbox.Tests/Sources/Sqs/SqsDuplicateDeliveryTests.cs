using Course.Lambda.SQSEvents;
using Course.Sandbox.Observability;
using Course.Sandbox.Sources.Sqs;

namespace Course.Sandbox.Tests.Sources.Sqs;

public sealed class SqsDuplicateDeliveryTests
{
    [Fact]
    public void DuplicateRate_Default_DeliversEachProcessedMessageOnce()
    {
        var seen = new List<string>();
        var h = new SqsHarness((e, c) => { seen.AddRange(e.Records.Select(r => r.MessageId)); return null; });
        var ids = new[] { h.Send("a"), h.Send("b") };
        h.Sim.Run();

        Assert.Equal(0, h.Mapping.DuplicateRate);
        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(0, h.Mapping.CopiesDelivered);
    }

    [Fact]
    public void SQS_08_DuplicateRate_One_DeliversEveryProcessedMessageAgain_InABatchOfItsOwn_ReceiveCountOneHigher()
    {
        var batches = new List<List<SQSEvent.SQSMessage>>();
        var h = new SqsHarness((e, c) => { batches.Add([.. e.Records]); return null; });
        h.Mapping.DuplicateRate = 1;
        var a = h.Send("a");
        var b = h.Send("b");
        h.Sim.Run();

        Assert.Equal(3, batches.Count);
        Assert.Equal(2, batches[0].Count);
        var copies = batches.Skip(1).Select(batch => Assert.Single(batch)).ToList();
        Assert.Equal([a, b], copies.Select(m => m.MessageId));
        Assert.All(copies, m => Assert.Equal("2", m.Attributes["ApproximateReceiveCount"]));
        Assert.All(copies, m => Assert.StartsWith("copy", m.ReceiptHandle, StringComparison.Ordinal));
        Assert.Equal(2, h.Mapping.CopiesDelivered);
        Assert.Equal(2, h.Sim.Trace.OfKind(TraceKind.SourceDelivery).Count(t => t.Detail.Contains("a second copy", StringComparison.Ordinal)));
        Assert.Equal(2, h.Queue.Deleted.Count);
    }

    [Fact]
    public void DuplicateRate_AFailingCopy_IsRecordedAndNotRetried()
    {
        var deliveries = 0;
        var h = new SqsHarness((e, c) => ++deliveries == 1 ? null : throw new InvalidOperationException("already done"), maxReceiveCount: 3);
        h.Mapping.DuplicateRate = 1;
        var id = h.Send("a");
        h.Sim.Run();

        Assert.Equal(2, deliveries);
        Assert.Contains(h.Outcomes, o => o.Detail.Contains($"the copy of message {id} failed", StringComparison.Ordinal));
        Assert.Empty(h.Dlq!.Messages);
        Assert.Single(h.Queue.Deleted);
    }

    [Fact]
    public void SQS_08_DeliverCopy_ADeletedMessage_InvokesWithTheSameIdAndBody()
    {
        var h = new SqsHarness((e, c) => null);
        var id = h.Send("hello");
        h.Sim.Run();
        var stored = Assert.Single(h.Queue.Deleted);

        var pending = h.Mapping.DeliverCopy(stored);
        h.Sim.RunUntilComplete(pending);

        Assert.Equal(200, pending.Result.StatusCode);
        Assert.Equal(2, stored.ReceiveCount);
        var last = h.Batches[^1];
        Assert.Equal(["hello"], last.Bodies);
        Assert.Contains(h.Sim.Trace.OfKind(TraceKind.SourceDelivery), t => t.Detail.Contains($"a second copy of message {id} (receive 2)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void DuplicateRate_OutsideZeroToOne_Throws(double rate)
    {
        var h = new SqsHarness((e, c) => null);
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Mapping.DuplicateRate = rate);
    }

    [Fact]
    public void SQS_08_FifoQueue_DeliversExactlyOnce_SoNoDuplicateRateAndNoCopy()
    {
        var h = new SqsHarness((e, c) => null, fifo: true);
        h.Send("a", group: "g");
        h.Sim.Run();

        Assert.Throws<InvalidOperationException>(() => h.Mapping.DuplicateRate = 0.5);
        Assert.Throws<InvalidOperationException>(() => { _ = h.Mapping.DeliverCopy(h.Queue.Deleted[0]); });
        h.Mapping.DuplicateRate = 0;
    }
}
