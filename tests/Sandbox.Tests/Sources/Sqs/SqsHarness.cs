using Course.Lambda.Core;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Sources.Sqs;

namespace Course.Sandbox.Tests.Sources.Sqs;

/// <summary>A simulation with a queue (and optional DLQ) wired to a function through an SQS mapping.</summary>
internal sealed class SqsHarness
{
    public SqsHarness(Func<SQSEvent, ILambdaContext, SQSBatchResponse?> handler, SqsEventSourceOptions? options = null,
        int visibilitySeconds = 30, int? maxReceiveCount = null, bool fifo = false, int seed = 1, int timeoutSeconds = 3,
        int? reservedConcurrency = null, Action<SimulationOptions>? configure = null)
    {
        Sim = TestHandlers.Sim(seed, configure);
        var suffix = fifo ? ".fifo" : "";
        var fifoAttributes = fifo ? new Dictionary<string, string> { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = "true" } : [];
        if (maxReceiveCount is int max)
        {
            Dlq = Sim.Services.Sqs.CreateQueue("dlq" + suffix, fifoAttributes);
            var attributes = new Dictionary<string, string>(fifoAttributes)
            {
                ["VisibilityTimeout"] = visibilitySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{Dlq.Arn}}","maxReceiveCount":{{max}}}""",
            };
            Queue = Sim.Services.Sqs.CreateQueue("orders" + suffix, attributes);
        }
        else
        {
            Queue = Sim.Services.Sqs.CreateQueue("orders" + suffix, new Dictionary<string, string>(fifoAttributes)
            {
                ["VisibilityTimeout"] = visibilitySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        Sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769, Timeout = TimeSpan.FromSeconds(timeoutSeconds), ReservedConcurrentExecutions = reservedConcurrency },
            HandlerFactory.FromDelegate((SQSEvent e, ILambdaContext c) =>
            {
                Batches.Add((Sim.Time.QueueTime, e.Records.Select(r => r.Body).ToList()));
                return handler(e, c);
            }));
        Mapping = SqsEventSourceMapping.Create(Sim, Queue, "f", options);
    }

    public Simulation Sim { get; }

    public SqsQueue Queue { get; }

    public SqsQueue? Dlq { get; }

    public SqsEventSourceMapping Mapping { get; }

    /// <summary>Every batch the handler saw: when, and the bodies.</summary>
    public List<(DateTimeOffset At, List<string> Bodies)> Batches { get; } = [];

    public string Send(string body, string? group = null) =>
        Queue.Send(new SqsSendRequest { Body = body, MessageGroupId = group }).MessageId;

    public IEnumerable<TraceEvent> Outcomes => Sim.Trace.OfKind(TraceKind.SourceOutcome);

    public static SQSBatchResponse? Ok(SQSEvent e, ILambdaContext c) => null;

    public static SQSBatchResponse FailBodies(SQSEvent e, Func<string, bool> fails) => new(
        e.Records.Where(r => fails(r.Body)).Select(r => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = r.MessageId }).ToList());

    public static DateTimeOffset T(double ms) => TestHandlers.T0.AddMilliseconds(ms);
}
