using System.Globalization;
using Course.Sandbox;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Sources.Sqs;

namespace Course.Grading.Exercises;

/// <summary>
/// An exercise's SQS trigger: a queue wired to the learner's function by the engine's event source mapping, with a
/// dead-letter queue when <c>maxReceiveCount</c> is set. Settings (exercise.yaml <c>trigger.settings</c>):
/// <c>queue</c> (default <c>orders</c>), <c>visibilityTimeout</c> seconds (default 30), <c>maxReceiveCount</c>
/// (default none: no DLQ), <c>batchSize</c> (default 10), <c>batchingWindow</c> seconds (default 0),
/// <c>reportBatchItemFailures</c> (default false).
/// Checks send messages, run the simulation and judge the queues' and tables' state, never the handler's claims.
/// </summary>
public sealed class SqsTrigger
{
    private readonly CheckContext _context;

    internal SqsTrigger(CheckContext context, IReadOnlyDictionary<string, string> settings)
    {
        _context = context;
        var sim = context.Sim;
        var name = Setting(settings, "queue", "orders");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VisibilityTimeout"] = Setting(settings, "visibilityTimeout", "30"),
        };
        if (settings.TryGetValue("maxReceiveCount", out var maxReceive))
        {
            var dlq = sim.Services.Sqs.CreateQueue(name + "-dlq");
            attributes["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlq.Arn}}","maxReceiveCount":{{int.Parse(maxReceive, CultureInfo.InvariantCulture)}}}""";
        }

        Queue = sim.Services.Sqs.CreateQueue(name, attributes);
        var options = new SqsEventSourceOptions
        {
            BatchSize = int.Parse(Setting(settings, "batchSize", "10"), CultureInfo.InvariantCulture),
            MaximumBatchingWindowInSeconds = int.Parse(Setting(settings, "batchingWindow", "0"), CultureInfo.InvariantCulture),
        };
        if (bool.Parse(Setting(settings, "reportBatchItemFailures", "false")))
        {
            options.FunctionResponseTypes.Add(SqsEventSourceOptions.ReportBatchItemFailures);
        }

        Mapping = SqsEventSourceMapping.Create(sim, Queue, context.FunctionName, options);
    }

    /// <summary>The source queue.</summary>
    public SqsQueue Queue { get; }

    /// <summary>The dead-letter queue, or null when the trigger has no <c>maxReceiveCount</c>.</summary>
    public SqsQueue? DeadLetterQueue => Queue.DeadLetterQueue;

    /// <summary>The event source mapping polling <see cref="Queue"/>.</summary>
    public SqsEventSourceMapping Mapping { get; }

    /// <summary>Sends a message to the queue (SendMessage) at the current virtual time.</summary>
    /// <param name="body">The message body.</param>
    /// <returns>The message id SQS assigned.</returns>
    public string Send(string body) => Queue.Send(new SqsSendRequest { Body = body }).MessageId;

    /// <summary>Runs the simulation until nothing is left to do (every message processed, retried or moved to the DLQ).</summary>
    public void Run() => _context.Sim.Run();

    /// <summary>The stored message (in the queue, deleted, or moved to the DLQ), or null when SQS has no record of it.</summary>
    /// <param name="messageId">The message id from <see cref="Send"/>.</param>
    /// <returns>The message.</returns>
    public SqsMessage? Find(string messageId) =>
        Queue.Messages.Concat(Queue.Deleted).Concat(DeadLetterQueue?.Messages ?? []).FirstOrDefault(m => m.MessageId == messageId);

    /// <summary>True when the event source mapping deleted the message (the function processed it).</summary>
    /// <param name="messageId">The message id.</param>
    /// <returns>Whether it was deleted from the source queue.</returns>
    public bool WasDeleted(string messageId) => Queue.Deleted.Any(m => m.MessageId == messageId);

    /// <summary>True when the message is now in the dead-letter queue.</summary>
    /// <param name="messageId">The message id.</param>
    /// <returns>Whether the DLQ holds it.</returns>
    public bool InDeadLetterQueue(string messageId) => DeadLetterQueue?.Messages.Any(m => m.MessageId == messageId) == true;

    /// <summary>How many times SQS handed the message out (its ApproximateReceiveCount), or 0 for an unknown id.</summary>
    /// <param name="messageId">The message id.</param>
    /// <returns>The receive count.</returns>
    public int ReceiveCount(string messageId) => Find(messageId)?.ReceiveCount ?? 0;

    /// <summary>
    /// Delivers another copy of a message the function already received, as a standard queue may (at-least-once
    /// delivery: the same message id and body, ApproximateReceiveCount one higher, a new receipt handle). Lambda
    /// invokes the function with it in a batch of its own, synchronously, as the event source mapping does.
    /// The delivery is recorded in the trace.
    /// </summary>
    /// <param name="messageId">A message sent with <see cref="Send"/>.</param>
    /// <returns>The invocation as the platform recorded it.</returns>
    /// <exception cref="InvalidOperationException">SQS has no record of the message.</exception>
    public FunctionInvocation DeliverCopy(string messageId)
    {
        var sim = _context.Sim;
        var message = Find(messageId) ?? throw new InvalidOperationException($"SQS has no message {messageId}.");
        var pending = Mapping.DeliverCopy(message);
        sim.RunUntilComplete(pending);
        var r = pending.Result;
        var invocation = new FunctionInvocation(r.RequestId, r.Payload ?? "", r.FunctionError, r.ErrorType, r.ErrorMessage, r.Duration, r.InitDuration is not null)
        {
            StatusCode = r.StatusCode,
            TimedOut = r.TimedOut,
            Throttled = r.Throttled,
        };
        _context.Record(invocation);
        return invocation;
    }

    private static string Setting(IReadOnlyDictionary<string, string> settings, string key, string fallback) =>
        settings.TryGetValue(key, out var value) ? value : fallback;
}
