using Course.Lambda.SQSEvents;
using Course.Sandbox.Observability;
using Course.Sandbox.Sources.Sqs;

namespace Course.Sandbox.Tests.Sources.Sqs;

/// <summary>A failing handler end to end: the exact retry timeline and where every message ends.</summary>
public class SqsScenarioTests
{
    private static DateTimeOffset T(double ms) => SqsHarness.T(ms);

    [Fact]
    public void Scenario_PoisonAndFlakyMessages_ExactTimeline_AndFinalPlaces()
    {
        var flakyFailures = 0;
        var h = new SqsHarness((e, c) => SqsHarness.FailBodies(e, body => body == "poison" || (body == "flaky" && ++flakyFailures == 1)),
            new SqsEventSourceOptions { FunctionResponseTypes = [SqsEventSourceOptions.ReportBatchItemFailures] },
            visibilitySeconds: 30, maxReceiveCount: 3);
        var ok = h.Send("ok");
        var flaky = h.Send("flaky");
        var poison = h.Send("poison");
        h.Sim.Run();

        // 0.235 s (cold start): all three; "ok" deleted, the two failures hidden until 30 s
        // 30 s: flaky + poison; flaky deleted, poison hidden until 60 s
        // 60 s: poison alone (third receive); fails again, hidden until 90 s
        // 90 s: the next receive finds it at maxReceiveCount (3) and SQS moves it to the DLQ
        Assert.Equal([(T(235), ["ok", "flaky", "poison"]), (T(30_000), ["flaky", "poison"]), (T(60_000), ["poison"])],
            h.Batches.Select(b => (b.At, b.Bodies)));
        var outcomes = h.Outcomes.Select(o => (o.Time, o.Detail[..o.Detail.IndexOf(';', StringComparison.Ordinal)])).ToList();
        Assert.Equal([
            (T(235.5), "partial batch response: 2 of 3 failed (" + flaky + ", " + poison + "), visible again at 2026-01-01T00:00:30.000Z"),
            (T(30_000.5), "partial batch response: 1 of 2 failed (" + poison + "), visible again at 2026-01-01T00:01:00.000Z"),
            (T(60_000.5), "partial batch response: 1 of 1 failed (" + poison + "), visible again at 2026-01-01T00:01:30.000Z"),
        ], outcomes);
        var redrive = Assert.Single(h.Sim.Trace.OfKind(TraceKind.DeadLetter));
        Assert.Equal(T(90_000), redrive.Time);

        Assert.Equal([ok, flaky], h.Queue.Deleted.Select(m => m.MessageId));
        var dead = Assert.Single(h.Dlq!.Messages);
        Assert.Equal(poison, dead.MessageId);
        Assert.Equal(3, dead.ReceiveCount);
        Assert.Empty(h.Queue.Messages);
    }

    [Fact]
    public void Scenario_SameSeed_SameTrace()
    {
        static string Run()
        {
            var n = 0;
            var h = new SqsHarness((e, c) => ++n % 3 == 0 ? throw new InvalidOperationException("every third batch") : (SQSBatchResponse?)null, maxReceiveCount: 2);
            for (var i = 0; i < 40; i++)
            {
                h.Send($"m{i}");
            }
            h.Sim.Run();
            return h.Sim.Trace.ToString();
        }
        Assert.Equal(Run(), Run());
    }
}
