using Course.Lambda.SQSEvents;
using Course.Sandbox.Sources.Sqs;
using CsCheck;

namespace Course.Sandbox.Tests.Sources.Sqs;

/// <summary>"Nothing is lost": under random (seeded) handler failures, every message sent ends deleted or in the DLQ.</summary>
public class SqsNothingLostPropertyTests
{
    private static readonly Gen<(int Seed, int Count, double FailRate, bool Partial, int BatchSize, int MaxReceives)> Cases =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[1, 30], Gen.Double[0.0, 0.8], Gen.Bool, Gen.Int[1, 10], Gen.Int[1, 4]);

    [Fact]
    public void NothingIsLost_StandardQueue() => Cases.Sample(c => Check(c, fifo: false), iter: 40, threads: 1);

    [Fact]
    public void NothingIsLost_FifoQueue_AndGroupOrderIsKept() => Cases.Sample(c => Check(c, fifo: true), iter: 40, threads: 1);

    private static void Check((int Seed, int Count, double FailRate, bool Partial, int BatchSize, int MaxReceives) c, bool fifo)
    {
        var random = new Random(c.Seed);
        var options = new SqsEventSourceOptions { BatchSize = c.BatchSize };
        if (c.Partial)
        {
            options.FunctionResponseTypes = [SqsEventSourceOptions.ReportBatchItemFailures];
        }
        var h = new SqsHarness((e, ctx) =>
        {
            if (random.NextDouble() < c.FailRate / 3)
            {
                throw new InvalidOperationException("random failure");
            }
            if (!c.Partial)
            {
                return null;
            }
            // AWS's FIFO rule: after the first failure, report that message and every later one
            var failed = new List<SQSBatchResponse.BatchItemFailure>();
            foreach (var r in e.Records)
            {
                if ((fifo && failed.Count > 0) || random.NextDouble() < c.FailRate)
                {
                    failed.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = r.MessageId });
                }
            }
            return new SQSBatchResponse(failed);
        }, options, fifo: fifo, maxReceiveCount: c.MaxReceives, seed: c.Seed);

        var sent = new List<(string Id, string Group)>();
        for (var i = 0; i < c.Count; i++)
        {
            var group = fifo ? $"g{random.Next(3)}" : "";
            sent.Add((h.Send($"m{i}", fifo ? group : null), group));
        }
        h.Sim.Run();

        var deleted = h.Queue.Deleted.Select(m => m.MessageId).ToList();
        var dead = h.Dlq!.Messages.Select(m => m.MessageId).ToList();
        Assert.Empty(h.Queue.Messages);
        Assert.Equal(sent.Select(s => s.Id).Order(), deleted.Concat(dead).Order());
        if (!fifo)
        {
            return;
        }
        foreach (var group in sent.GroupBy(s => s.Group))
        {
            var order = group.Select(s => s.Id).ToList();
            var done = deleted.Where(order.Contains).ToList();
            Assert.Equal(order.Where(done.Contains), done);
        }
    }
}
