using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Course.Sandbox.Services.Wire;
using Course.Sandbox.Time;

namespace Course.Sandbox.Services.Sqs;

/// <summary>
/// One sandbox queue (standard or FIFO) on the virtual clock. The same object answers the wire endpoint (the AWS SDK)
/// and the engine (an event-source poller: <see cref="Receive"/>, <see cref="Delete"/>, <see cref="ChangeVisibility"/>
/// without HTTP), and lets graders look inside (<see cref="Messages"/>, <see cref="InFlight"/>, <see cref="Deleted"/>).
/// </summary>
/// <remarks>
/// Semantics modelled: delays and visibility timeouts end at exact virtual instants; every receive issues a new receipt
/// handle; a message received <c>maxReceiveCount</c> times moves to the dead-letter queue on the next receive attempt
/// (SQS_04); FIFO queues deliver in order per message group and hold back a group while one of its messages is in
/// flight (SQS_07), and drop duplicates sent within 5 minutes. Standard queues deliver in send order here (AWS: best
/// effort) and never deliver twice on their own.
/// </remarks>
public sealed partial class SqsQueue
{
    /// <summary>The FIFO deduplication interval: 5 minutes.</summary>
    public static readonly TimeSpan DeduplicationInterval = TimeSpan.FromMinutes(5);

    internal const string SenderId = "AIDASANDBOXSENDER0001";

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SeededIds _ids;
    private readonly SqsService _service;
    private readonly List<SqsMessage> _messages = [];
    private readonly List<SqsMessage> _deleted = [];
    private readonly SqsReceiptHandles _handles;
    private readonly Dictionary<string, (DateTimeOffset Expires, SqsSendResult Result)> _dedup = new(StringComparer.Ordinal);
    private readonly List<TaskCompletionSource> _waiters = [];

    internal SqsQueue(SqsService service, string name, string url, string arn, SqsQueueAttributes attributes, TimeProvider time, SeededIds ids)
    {
        _service = service;
        Name = name;
        Url = url;
        Arn = arn;
        Attributes = attributes;
        _time = time;
        _ids = ids;
        _handles = new SqsReceiptHandles(arn);
        CreatedTimestamp = time.GetUtcNow();
    }

    /// <summary>
    /// Raised (outside the queue's lock) after a send, a visibility change or a dead-letter arrival: a poller waiting
    /// for work should look again. For messages that become receivable by the clock alone (delays, visibility
    /// timeouts), schedule a look at <see cref="NextVisibleAt"/>.
    /// </summary>
    public event Action<SqsQueue>? Changed;

    /// <summary>The queue name (FIFO names end in <c>.fifo</c>).</summary>
    public string Name { get; }

    /// <summary>The queue URL, e.g. <c>https://sqs.us-east-1.amazonaws.com/123456789012/orders</c>.</summary>
    public string Url { get; }

    /// <summary>The queue ARN, e.g. <c>arn:aws:sqs:us-east-1:123456789012:orders</c>.</summary>
    public string Arn { get; }

    /// <summary>The validated attributes the queue was created with.</summary>
    public SqsQueueAttributes Attributes { get; }

    /// <summary>True for a FIFO queue.</summary>
    public bool IsFifo => Attributes.FifoQueue;

    /// <summary>When the queue was created (virtual time).</summary>
    public DateTimeOffset CreatedTimestamp { get; }

    /// <summary>The dead-letter queue named by the redrive policy, or null.</summary>
    public SqsQueue? DeadLetterQueue =>
        Attributes.RedrivePolicy is { } policy ? _service.FindByArn(policy.DeadLetterTargetArn) : null;

    /// <summary>Receives up to <paramref name="maxNumberOfMessages"/> messages now, without waiting (short poll).</summary>
    /// <param name="maxNumberOfMessages">1–10. Default 1.</param>
    /// <param name="visibilityTimeout">Overrides the queue's visibility timeout for these messages (0–12 h); null uses the queue's.</param>
    /// <returns>The received messages, each with a fresh receipt handle; empty when none is receivable.</returns>
    /// <exception cref="SqsException"><c>InvalidParameterValue</c> for an out-of-range argument.</exception>
    public IReadOnlyList<SqsReceivedMessage> Receive(int maxNumberOfMessages = 1, TimeSpan? visibilityTimeout = null)
    {
        if (maxNumberOfMessages is < 1 or > 10)
        {
            throw SqsException.InvalidParameter("MaxNumberOfMessages", maxNumberOfMessages.ToString(CultureInfo.InvariantCulture), "Must be between 1 and 10, if provided.");
        }

        if (visibilityTimeout is { } v && (v < TimeSpan.Zero || v > TimeSpan.FromHours(12)))
        {
            throw SqsException.InvalidParameter("VisibilityTimeout", ((long)v.TotalSeconds).ToString(CultureInfo.InvariantCulture), "Must be between 0 and 43200, if provided.");
        }

        var now = _time.GetUtcNow();
        var hide = visibilityTimeout ?? Attributes.VisibilityTimeout;
        var received = new List<SqsReceivedMessage>();
        var toDeadLetter = new List<SqsMessage>();
        lock (_gate)
        {
            Expire(now);
            foreach (var message in Candidates(now))
            {
                if (received.Count == maxNumberOfMessages)
                {
                    break;
                }

                if (Attributes.RedrivePolicy is { } policy && message.ReceiveCount >= policy.MaxReceiveCount && DeadLetterQueue is not null)
                {
                    toDeadLetter.Add(message);
                    continue;
                }

                message.ReceiveCount++;
                message.FirstReceiveTimestamp ??= now;
                message.LastReceiveTimestamp = now;
                message.VisibleAt = now + hide;
                message.ReceiptHandle = _handles.Issue(message, _ids);
                received.Add(Snapshot(message));
            }

            foreach (var message in toDeadLetter)
            {
                _messages.Remove(message);
                _handles.Forget(message);
            }
        }

        if (toDeadLetter.Count > 0)
        {
            DeadLetterQueue!.AcceptFromSource(toDeadLetter, now);
            Redriven?.Invoke(toDeadLetter, DeadLetterQueue!);
        }

        return received;
    }

    /// <summary>
    /// Receives like <see cref="Receive"/>, long-polling when nothing is receivable: waits on the virtual clock until a
    /// message becomes receivable or <paramref name="waitTime"/> passes (what <c>WaitTimeSeconds</c> does).
    /// </summary>
    /// <param name="maxNumberOfMessages">1–10.</param>
    /// <param name="visibilityTimeout">Visibility override; null uses the queue's.</param>
    /// <param name="waitTime">0–20 s; null uses the queue's <c>ReceiveMessageWaitTimeSeconds</c> (default 0: no wait).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The received messages; empty when the wait ended with none.</returns>
    public async Task<IReadOnlyList<SqsReceivedMessage>> ReceiveAsync(int maxNumberOfMessages, TimeSpan? visibilityTimeout, TimeSpan? waitTime, CancellationToken cancellationToken = default)
    {
        var wait = waitTime ?? Attributes.ReceiveMessageWaitTimeSeconds;
        if (wait < TimeSpan.Zero || wait > TimeSpan.FromSeconds(20))
        {
            throw SqsException.InvalidParameter("WaitTimeSeconds", ((long)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture), "Must be >= 0 and <= 20, if provided.");
        }

        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var received = Receive(maxNumberOfMessages, visibilityTimeout);
            var now = _time.GetUtcNow();
            if (received.Count > 0 || now >= deadline)
            {
                return received;
            }

            TaskCompletionSource waiter;
            DateTimeOffset wake;
            lock (_gate)
            {
                // Continuations run inline, on the simulation's thread in the queue event that wakes the waiter, so a
                // handler's long poll resumes at that virtual moment (TIME_03); the thread pool would race the clock.
                waiter = new TaskCompletionSource();
                _waiters.Add(waiter);
                wake = _messages.Where(m => m.VisibleAt > now).Select(m => m.VisibleAt).DefaultIfEmpty(deadline).Min();
                wake = wake < deadline ? wake : deadline;
            }

            using var timer = _time.CreateTimer(_ => waiter.TrySetResult(), null, wake - now, Timeout.InfiniteTimeSpan);
            using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            await waiter.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the message received with <paramref name="receiptHandle"/> (what <c>DeleteMessage</c> does).</summary>
    /// <remarks>
    /// A handle this queue never issued fails with <c>ReceiptHandleIsInvalid</c>. Deleting an already deleted message
    /// succeeds. A stale handle (the message was received again since) succeeds without deleting — as AWS documents:
    /// always delete with the handle of the latest receive.
    /// </remarks>
    /// <param name="receiptHandle">The handle from a receive.</param>
    /// <returns>True when a message was deleted by this call.</returns>
    /// <exception cref="SqsException"><c>ReceiptHandleIsInvalid</c>.</exception>
    public bool Delete(string receiptHandle)
    {
        lock (_gate)
        {
            var message = Resolve(receiptHandle);
            if (message is null || message.IsDeleted || message.ReceiptHandle != receiptHandle)
            {
                return false;
            }

            message.IsDeleted = true;
            _messages.Remove(message);
            _handles.Forget(message);
            _deleted.Add(message);
            return true;
        }
    }

    /// <summary>Changes the visibility timeout of an in-flight message (what <c>ChangeMessageVisibility</c> does);
    /// the new timeout counts from now, and the total may not pass 12 hours after the receive. 0 makes the message
    /// receivable at once.</summary>
    /// <param name="receiptHandle">The handle of the latest receive.</param>
    /// <param name="visibilityTimeout">0–43,200 s.</param>
    /// <exception cref="SqsException"><c>ReceiptHandleIsInvalid</c>; <c>MessageNotInflight</c> when the message is not in
    /// flight; <c>InvalidParameterValue</c> for a stale handle or an out-of-range timeout.</exception>
    public void ChangeVisibility(string receiptHandle, TimeSpan visibilityTimeout)
    {
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > TimeSpan.FromHours(12))
        {
            throw SqsException.InvalidParameter("VisibilityTimeout", ((long)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "Must be between 0 and 43200.");
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var message = Resolve(receiptHandle);
            if (message is not null && message.ReceiptHandle != receiptHandle)
            {
                throw SqsException.InvalidParameter("ReceiptHandle", receiptHandle, "The receipt handle has expired.");
            }

            if (message is null || message.StateAt(now) != SqsMessageState.InFlight)
            {
                throw new SqsException("MessageNotInflight", "The message referred to isn't in flight.");
            }

            if (now - message.LastReceiveTimestamp!.Value + visibilityTimeout > TimeSpan.FromHours(12))
            {
                throw SqsException.InvalidParameter("VisibilityTimeout", ((long)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds].");
            }

            message.VisibleAt = now + visibilityTimeout;
        }

        Signal();
    }

    /// <summary>Deletes every message in the queue (what <c>PurgeQueue</c> does; immediate here).</summary>
    public void Purge()
    {
        lock (_gate)
        {
            _messages.Clear();
            _handles.Clear();
        }
    }

    internal void AcceptFromSource(IEnumerable<SqsMessage> moved, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var source in moved)
            {
                var copy = new SqsMessage(source.MessageId, source.Body, source.MessageAttributes, source.SentTimestamp)
                {
                    MessageGroupId = source.MessageGroupId,
                    MessageDeduplicationId = source.MessageDeduplicationId,
                    SequenceNumber = IsFifo ? _service.NextSequenceNumber() : null,
                    ReceiveCount = source.ReceiveCount,
                    FirstReceiveTimestamp = source.FirstReceiveTimestamp,
                    LastReceiveTimestamp = source.LastReceiveTimestamp,
                    VisibleAt = now,
                };
                _messages.Add(copy);
                _handles.Track(copy);
            }
        }

        Signal();
    }

    /// <summary>The message a handle of this queue names, or null when it has left the queue.</summary>
    private SqsMessage? Resolve(string receiptHandle) =>
        _handles.TryResolve(receiptHandle, out var message)
            ? message
            : throw SqsException.ReceiptHandleIsInvalid(receiptHandle ?? string.Empty);

    private SqsReceivedMessage Snapshot(SqsMessage message) => Snapshot(message, message.ReceiptHandle!, message.FirstReceiveTimestamp!.Value);

    private SqsReceivedMessage Snapshot(SqsMessage message, string receiptHandle, DateTimeOffset firstReceived)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SenderId"] = SenderId,
            ["SentTimestamp"] = message.SentTimestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["ApproximateReceiveCount"] = message.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["ApproximateFirstReceiveTimestamp"] = firstReceived.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (IsFifo)
        {
            attributes["MessageGroupId"] = message.MessageGroupId!;
            attributes["MessageDeduplicationId"] = message.MessageDeduplicationId!;
            attributes["SequenceNumber"] = message.SequenceNumber!;
        }

        return new SqsReceivedMessage(message.MessageId, receiptHandle, message.Body, message.MD5OfBody,
            attributes, message.MessageAttributes, message.MD5OfMessageAttributes);
    }

    private void Expire(DateTimeOffset now)
    {
        _messages.RemoveAll(m =>
        {
            var expired = m.SentTimestamp + Attributes.MessageRetentionPeriod <= now;
            if (expired)
            {
                _handles.Forget(m);
            }

            return expired;
        });
        foreach (var key in _dedup.Where(d => d.Value.Expires <= now).Select(d => d.Key).ToList())
        {
            _dedup.Remove(key);
        }
    }

    /// <summary>Raised (outside the lock) when messages may have become receivable: a send, a visibility change,
    /// or a dead-letter move into this queue. Event-source pollers use it to end a long poll.</summary>
    internal event Action? Signalled;

    /// <summary>Raised when a receive moved messages to the dead-letter queue (SQS_04), with the messages and the DLQ.</summary>
    internal event Action<IReadOnlyList<SqsMessage>, SqsQueue>? Redriven;

    private void Signal()
    {
        Signalled?.Invoke();
        List<TaskCompletionSource> waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        if (waiters.Count > 0)
        {
            if (SynchronizationContext.Current is null)
            {
                foreach (var waiter in waiters)
                {
                    waiter.TrySetResult();
                }
            }
            else
            {
                // Sent from handler code: wake the pollers from a queue event at this virtual moment, where their
                // continuations run inline (under a handler's context the runtime would send them to the thread pool).
                ITimer? wake = null;
                wake = _time.CreateTimer(_ =>
                {
                    wake?.Dispose();
                    foreach (var waiter in waiters)
                    {
                        waiter.TrySetResult();
                    }
                }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }

        Changed?.Invoke(this);
    }
}
