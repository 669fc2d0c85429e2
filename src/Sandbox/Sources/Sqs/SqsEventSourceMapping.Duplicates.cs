using System.Globalization;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Sources.Sqs;

// At-least-once delivery: standard queues may hand a message out again after the function processed it.
public sealed partial class SqsEventSourceMapping
{
    private double _duplicateRate;
    private int _copies;

    /// <summary>
    /// Probability (0–1) that a message the function processed (and the mapping deleted) is delivered once more, as
    /// a standard queue may: SQS delivers at least once, so handlers must be idempotent. The copy arrives right
    /// after the batch's deletes, in a batch of its own (<see cref="DeliverCopy"/>); SQS has already deleted the
    /// message, so a copy that fails is recorded and not retried. When and how often AWS duplicates is not
    /// documented: the timing is the sandbox's model. FIFO queues deliver exactly once, so their mappings keep 0.
    /// <value>The default is 0.</value>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 1.</exception>
    /// <exception cref="InvalidOperationException">A value above 0 on a FIFO queue's mapping.</exception>
    public double DuplicateRate
    {
        get => _duplicateRate;
        set
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "DuplicateRate is a probability between 0 and 1.");
            }
            if (value > 0)
            {
                RequireStandardQueue();
            }
            _duplicateRate = value;
        }
    }

    /// <summary>Copies delivered again (by <see cref="DuplicateRate"/> or <see cref="DeliverCopy"/>).</summary>
    public int CopiesDelivered => _copies;

    /// <summary>
    /// Delivers another copy of <paramref name="message"/> now, as a standard queue may (at-least-once delivery): the
    /// same message id and body, <c>ApproximateReceiveCount</c> one higher, a new receipt handle. Lambda invokes the
    /// function with it in a batch of its own, synchronously, as the mapping does; the delivery is in the trace.
    /// The copy is not deleted or retried afterwards: SQS already handled the stored message.
    /// </summary>
    /// <param name="message">A message of this mapping's queue (from <see cref="SqsQueue.Messages"/>,
    /// <see cref="SqsQueue.Deleted"/> or its dead-letter queue).</param>
    /// <returns>The invocation, completing on the simulation's clock.</returns>
    /// <exception cref="InvalidOperationException">The queue is a FIFO queue (exactly-once delivery).</exception>
    public Task<InvocationResult> DeliverCopy(SqsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireStandardQueue();
        var copy = _queue.DeliverCopy(message, string.Create(CultureInfo.InvariantCulture, $"copy{++_copies}-{_sim.NewHexId(24)}"));
        Invocations++;
        _sim.Trace.Add(_sim.Now, TraceKind.SourceDelivery, _queue.Name, null,
            string.Create(CultureInfo.InvariantCulture,
                $"a second copy of message {message.MessageId} (receive {message.ReceiveCount}) → {_function.Name}: standard queues deliver at least once"));
        return _sim.Lambda.InvokeAsync(_function.Name, _writer.Write([copy]));
    }

    /// <summary>After a batch's deletes: each deleted message comes again with probability <see cref="DuplicateRate"/>.</summary>
    private void MaybeDuplicate(IEnumerable<SqsReceivedMessage> deleted)
    {
        if (_duplicateRate <= 0)
        {
            return;
        }
        foreach (var m in deleted)
        {
            if (_sim.Ids.Fraction() >= _duplicateRate || _queue.FindDeleted(m.MessageId) is not { } stored)
            {
                continue;
            }
            _sim.ScheduleAt(_sim.Now, () => DeliverDuplicate(stored));
        }
    }

    private void DeliverDuplicate(SqsMessage stored)
    {
        var task = DeliverCopy(stored);
        if (task.IsCompleted)
        {
            OnCopyResult(stored, task.Result);
        }
        else
        {
            task.ContinueWith(static (t, state) =>
            {
                var (mapping, message) = ((SqsEventSourceMapping, SqsMessage))state!;
                mapping.OnCopyResult(message, t.Result);
            }, (this, stored), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void OnCopyResult(SqsMessage message, InvocationResult r)
    {
        var failed = r.StatusCode != 200 || r.FunctionError is not null
            || (_reportFailures && BatchItemFailures.Parse(r.Payload, id => id == message.MessageId) is var parsed && (parsed.WholeBatchFailed || parsed.Failed!.Count > 0));
        _sim.Trace.Add(_sim.Now, TraceKind.SourceOutcome, _queue.Name, r.RequestId, failed
            ? $"the copy of message {message.MessageId} failed ({r.ErrorType ?? "reported in batchItemFailures"}); SQS already deleted the message, so the copy is not retried"
            : $"the copy of message {message.MessageId} was processed again");
    }

    private void RequireStandardQueue()
    {
        if (_queue.IsFifo)
        {
            throw new InvalidOperationException($"Queue {_queue.Name} is a FIFO queue: FIFO queues deliver each message exactly once, so they never hand out a copy.");
        }
    }
}
