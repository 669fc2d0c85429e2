using System.Globalization;
using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Sources.Sqs;

/// <summary>
/// An SQS event source mapping: Lambda's pollers long-poll a queue, invoke the function synchronously with batches
/// of messages, and delete what succeeded. Every delivery, outcome, retry, redrive, throttle and scaling step is
/// written to <see cref="Simulation.Trace"/> (source: the queue name) at its virtual time.
/// </summary>
/// <remarks>
/// <para>The model, row by row (docs/behaviour-catalogue.md):</para>
/// <list type="bullet">
/// <item>SQS_01: a poller receives up to 10 messages per ReceiveMessage call and keeps receiving until it holds
/// <c>BatchSize</c> messages or <c>MaximumBatchingWindowInSeconds</c> has passed since the batch's first message
/// (or about 5 MB of bodies, under the 6 MB invoke limit). With no window it invokes with what one receive returned.</item>
/// <item>SQS_02: a function error or timeout leaves the whole batch in flight; SQS makes it visible again when the
/// queue's visibility timeout ends (counted from each message's receive), and it is received again.</item>
/// <item>SQS_03: with <c>ReportBatchItemFailures</c>, the response is read as AWS does (see
/// <see cref="SqsEventSourceOptions.FunctionResponseTypes"/>): only the listed messages stay; the rest are deleted.</item>
/// <item>SQS_04: after <c>maxReceiveCount</c> receives the queue itself moves a message to its DLQ on the next receive;
/// the mapping records the move.</item>
/// <item>SQS_05: creation fails when the queue's visibility timeout is below the function timeout.</item>
/// <item>SQS_06: the mapping starts 5 pollers (each holds at most one batch, so pollers = concurrent batches). A poller
/// whose receive came back full while more messages wait wakes a waiting poller or adds one, at most 300 per minute (a token bucket refilled at 5 per second, holding
/// at most 5), up to 1,000 or <c>MaximumConcurrency</c>. A poller that finds the queue empty stops while more than 5
/// remain; the others wait in a long poll that ends the moment a message is sent or becomes visible. (The empty
/// 20-second long polls AWS repeats on an idle queue change nothing but the SQS bill, so they are not simulated, and
/// <see cref="Simulation.Run"/> still goes idle.) After a function error (unless <c>ReportBatchItemFailures</c> is on)
/// or a throttle, Lambda backs off: the poller stops, down to one.</item>
/// <item>Throttles (429): Lambda keeps the batch and retries the invoke after 1 s, 2 s, 4 s, … (at most 60 s) while
/// the messages are still hidden; once the next retry would fall after the visibility timeout, it lets them go and
/// they return to the queue (services-sqs-errorhandling; the curve is <see cref="SqsMappingThrottleBackoff"/>).</item>
/// <item>SQS_07: FIFO queues hand out a group's messages in order and hold the group while one of its messages is in
/// flight, so a failing message blocks its group until it succeeds or moves to the DLQ.</item>
/// </list>
/// </remarks>
public sealed partial class SqsEventSourceMapping
{
    /// <summary>Pollers (concurrent batches) a mapping starts with, and scales back to (SQS_06): 5.</summary>
    public const int InitialPollers = 5;

    /// <summary>Most concurrent batches of one mapping (SQS_06): 1,000.</summary>
    public const int MaximumPollers = 1000;

    /// <summary>Most pollers added per minute (SQS_06): 300.</summary>
    public const int ScaleUpPerMinute = 300;

    private const int ReceiveMax = 10;
    private const long GatherLimitBytes = 5 * 1024 * 1024;
    private const double TokensPerSecond = ScaleUpPerMinute / 60.0;
    private const double TokenCapacity = TokensPerSecond;

    private readonly Simulation _sim;
    private readonly SqsQueue _queue;
    private readonly LambdaFunction _function;
    private readonly SqsEventWriter _writer;
    private readonly bool _reportFailures;
    private readonly int _batchSize;
    private readonly TimeSpan _window;
    private readonly int _cap;
    private readonly int _floor;
    private readonly bool _verbose;
    private readonly List<Poller> _pollers = [];
    private readonly Queue<Poller> _idle = new();
    private readonly List<Poller> _gathering = [];
    private DateTimeOffset? _wakeAt;
    private double _tokens;
    private DateTimeOffset _tokensAt;
    private int _pollerIds;
    private bool _growScheduled;

    private SqsEventSourceMapping(Simulation sim, SqsQueue queue, LambdaFunction function, SqsEventSourceOptions o)
    {
        _sim = sim;
        _queue = queue;
        _function = function;
        _writer = new SqsEventWriter(queue.Arn, sim.Options.Region);
        _reportFailures = o.FunctionResponseTypes.Contains(SqsEventSourceOptions.ReportBatchItemFailures);
        _batchSize = o.BatchSize;
        _window = TimeSpan.FromSeconds(o.MaximumBatchingWindowInSeconds);
        _cap = o.MaximumConcurrency ?? MaximumPollers;
        _floor = Math.Min(InitialPollers, _cap);
        _verbose = sim.Options.Recording == RecordingLevel.Full;
        _tokensAt = sim.Now;
        Uuid = sim.NewRequestId();
        BatchSize = o.BatchSize;
        MaximumBatchingWindowInSeconds = o.MaximumBatchingWindowInSeconds;
        ReportBatchItemFailures = _reportFailures;
        MaximumConcurrency = o.MaximumConcurrency;
        Enabled = o.Enabled;
    }

    /// <summary>The mapping's id.</summary>
    public string Uuid { get; }

    /// <summary>The queue's ARN.</summary>
    public string EventSourceArn => _queue.Arn;

    /// <summary>The function it invokes.</summary>
    public string FunctionName => _function.Name;

    /// <summary>The frozen <see cref="SqsEventSourceOptions.BatchSize"/>.</summary>
    public int BatchSize { get; }

    /// <summary>The frozen <see cref="SqsEventSourceOptions.MaximumBatchingWindowInSeconds"/>.</summary>
    public int MaximumBatchingWindowInSeconds { get; }

    /// <summary>True when <c>ReportBatchItemFailures</c> is on.</summary>
    public bool ReportBatchItemFailures { get; }

    /// <summary>The frozen <c>ScalingConfig.MaximumConcurrency</c>, or null.</summary>
    public int? MaximumConcurrency { get; }

    /// <summary>Whether the mapping polls.</summary>
    public bool Enabled { get; }

    /// <summary>Pollers running now (each holds at most one batch).</summary>
    public int Pollers => _pollers.Count;

    /// <summary>The most pollers the mapping has had at once.</summary>
    public int PeakPollers { get; private set; }

    /// <summary>Batches handed to the function (retries of a throttled batch count once each).</summary>
    public long Invocations { get; private set; }

    /// <summary>Messages deleted after the function processed them.</summary>
    public long MessagesDeleted { get; private set; }

    /// <summary>
    /// Creates the mapping (CreateEventSourceMapping) and starts polling on the simulation's clock.
    /// </summary>
    /// <param name="simulation">The simulation whose Lambda and SQS to use.</param>
    /// <param name="queue">The queue, from <c>simulation.Services.Sqs</c>.</param>
    /// <param name="functionName">A deployed function.</param>
    /// <param name="options">The settings; null for AWS's defaults.</param>
    /// <returns>The running mapping.</returns>
    /// <exception cref="LambdaException"><c>InvalidParameterValueException</c> naming every violated limit (SQS_01, SQS_05);
    /// <c>ResourceNotFoundException</c> for an unknown function.</exception>
    public static SqsEventSourceMapping Create(Simulation simulation, SqsQueue queue, string functionName, SqsEventSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(queue);
        options ??= new SqsEventSourceOptions();
        var function = simulation.Lambda.GetFunction(functionName);
        var errors = options.Validate(queue, function);
        if (errors.Count > 0)
        {
            throw LambdaException.InvalidParameterValue(string.Join(" ", errors));
        }

        var mapping = new SqsEventSourceMapping(simulation, queue, function, options);
        queue.Signalled += mapping.OnSignalled;
        queue.Redriven += mapping.OnRedriven;
        simulation.Trace.Add(simulation.Now, TraceKind.Note, queue.Name, null,
            string.Create(CultureInfo.InvariantCulture,
                $"event source mapping {mapping.Uuid} → {function.Name}: batch size {mapping.BatchSize}, window {mapping.MaximumBatchingWindowInSeconds} s{(mapping.ReportBatchItemFailures ? ", ReportBatchItemFailures" : "")}{(mapping.MaximumConcurrency is int m ? $", maximum concurrency {m}" : "")}{(mapping.Enabled ? "" : ", disabled")}"));
        if (mapping.Enabled)
        {
            for (var i = 0; i < mapping._floor; i++)
            {
                mapping.StartPoller();
            }
        }
        return mapping;
    }

    /// <summary>A poller receives now: invokes, keeps gathering, or waits in a long poll.</summary>
    private void Poll(Poller p)
    {
        if (p.State is PollerState.Invoking or PollerState.Stopped or PollerState.Idle)
        {
            return;
        }
        var now = _sim.Now;
        var full = false;
        while (p.Batch.Count < _batchSize && p.Bytes < GatherLimitBytes)
        {
            var ask = Math.Min(ReceiveMax, _batchSize - p.Batch.Count);
            var got = _queue.Receive(ask);
            if (got.Count == 0)
            {
                break;
            }
            if (p.Batch.Count == 0)
            {
                p.FirstReceivedAt = now;
            }
            foreach (var m in got)
            {
                p.Batch.Add(m);
                p.Bytes += m.Body.Length + 512;
            }
            full = got.Count == ask;
            if (!full)
            {
                break;
            }
        }

        if (p.Batch.Count == 0)
        {
            if (_pollers.Count > _floor)
            {
                Stop(p, "queue empty, scaling down");
                return;
            }
            p.State = PollerState.Idle;
            _idle.Enqueue(p);
            ScheduleVisibilityWake(now);
            return;
        }

        if (full && _queue.AnyReceivable())
        {
            Grow(now);
        }
        if (p.Batch.Count >= _batchSize || p.Bytes >= GatherLimitBytes || _window == TimeSpan.Zero || now >= p.FirstReceivedAt + _window)
        {
            Invoke(p);
            return;
        }

        if (p.State != PollerState.Gathering)
        {
            p.State = PollerState.Gathering;
            _gathering.Add(p);
            var generation = p.Generation;
            _sim.ScheduleAt(p.FirstReceivedAt + _window, () =>
            {
                if (p.State == PollerState.Gathering && p.Generation == generation)
                {
                    Invoke(p);
                }
            });
        }
    }

    private void Invoke(Poller p)
    {
        if (p.State == PollerState.Gathering)
        {
            _gathering.Remove(p);
        }
        p.State = PollerState.Invoking;
        p.Payload ??= _writer.Write(p.Batch);
        Invocations++;
        var now = _sim.Now;
        if (_verbose)
        {
            _sim.Trace.Add(now, TraceKind.SourceDelivery, _queue.Name, null,
                string.Create(CultureInfo.InvariantCulture, $"batch of {p.Batch.Count} message{(p.Batch.Count == 1 ? "" : "s")} → {_function.Name} (poller {p.Id}{(p.Throttles > 0 ? $", retry {p.Throttles} after throttling" : "")})"),
                attempt: p.Throttles + 1);
        }
        var task = _sim.Lambda.InvokeAsync(_function.Name, p.Payload);
        if (task.IsCompleted)
        {
            OnResult(p, task.Result);
        }
        else
        {
            // The engine completes the task on the simulation's thread as the clock reaches the invocation's end;
            // ExecuteSynchronously runs this continuation right there, so the order of events stays deterministic.
            task.ContinueWith(static (t, state) =>
            {
                var (mapping, poller) = ((SqsEventSourceMapping, Poller))state!;
                mapping.OnResult(poller, t.Result);
            }, (this, p), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void OnResult(Poller p, InvocationResult r)
    {
        var now = _sim.Now;
        var hiddenUntil = p.FirstReceivedAt + _queue.Attributes.VisibilityTimeout;
        if (r.Throttled)
        {
            var delay = SqsMappingThrottleBackoff.Delay(p.Throttles);
            p.Throttles++;
            if (now + delay < hiddenUntil)
            {
                _sim.Trace.Add(now, TraceKind.RetryScheduled, _queue.Name, r.RequestId,
                    string.Create(CultureInfo.InvariantCulture, $"throttled ({r.ThrottleReason}); batch of {p.Batch.Count} kept, invoke retried in {delay.TotalSeconds:0.###} s"),
                    attempt: p.Throttles + 1, duration: delay);
                _sim.ScheduleAt(now + delay, () => Invoke(p));
                return;
            }
            _sim.Trace.Add(now, TraceKind.SourceOutcome, _queue.Name, r.RequestId,
                string.Create(CultureInfo.InvariantCulture, $"throttled ({r.ThrottleReason}); the next retry would pass the visibility timeout, so the batch of {p.Batch.Count} returns to the queue at {LogStream.Timestamp(hiddenUntil)}"));
            Release(p, backOff: true, "throttled");
            return;
        }

        if (r.StatusCode != 200 || r.FunctionError is not null)
        {
            var why = r.FunctionError is not null ? $"function error ({r.ErrorType})" : $"invoke failed ({r.StatusCode} {r.ErrorType})";
            _sim.Trace.Add(now, TraceKind.SourceOutcome, _queue.Name, r.RequestId,
                string.Create(CultureInfo.InvariantCulture, $"{why}; the whole batch of {p.Batch.Count} stays in flight and is visible again at {LogStream.Timestamp(hiddenUntil)} (visibility timeout {_queue.Attributes.VisibilityTimeout.TotalSeconds:0} s)"));
            Release(p, backOff: !_reportFailures, why);
            return;
        }

        if (_reportFailures)
        {
            var parsed = BatchItemFailures.Parse(r.Payload, id => p.Batch.Exists(m => m.MessageId == id));
            if (parsed.WholeBatchFailed)
            {
                _sim.Trace.Add(now, TraceKind.SourceOutcome, _queue.Name, r.RequestId,
                    string.Create(CultureInfo.InvariantCulture, $"partial batch response rejected ({parsed.Reason}): the whole batch of {p.Batch.Count} fails and is visible again at {LogStream.Timestamp(hiddenUntil)}"));
                Release(p, backOff: false, "invalid partial batch response");
                return;
            }
            if (parsed.Failed!.Count > 0)
            {
                var deleted = p.Batch.Where(m => !parsed.Failed.Contains(m.MessageId) && Delete(m)).ToList();
                _sim.Trace.Add(now, TraceKind.SourceOutcome, _queue.Name, r.RequestId,
                    string.Create(CultureInfo.InvariantCulture, $"partial batch response: {parsed.Failed.Count} of {p.Batch.Count} failed ({string.Join(", ", parsed.Failed)}), visible again at {LogStream.Timestamp(hiddenUntil)}; {deleted.Count} deleted"));
                MaybeDuplicate(deleted);
                Release(p, backOff: false, null);
                return;
            }
        }

        var removed = p.Batch.Where(Delete).ToList();
        var count = removed.Count;
        if (_verbose || count != p.Batch.Count)
        {
            _sim.Trace.Add(now, TraceKind.SourceOutcome, _queue.Name, r.RequestId,
                string.Create(CultureInfo.InvariantCulture, $"batch succeeded: {count} of {p.Batch.Count} deleted{(count != p.Batch.Count ? " (the others were received again after their visibility timeout ended during the invocation)" : "")}"));
        }
        MaybeDuplicate(removed);
        Release(p, backOff: false, null);
    }

    private bool Delete(SqsReceivedMessage m)
    {
        if (!_queue.Delete(m.ReceiptHandle))
        {
            return false;
        }
        MessagesDeleted++;
        return true;
    }

    /// <summary>Ends the poller's batch; it polls again at once, or stops when Lambda backs off after failures.</summary>
    private void Release(Poller p, bool backOff, string? why, bool messagesLeft = true)
    {
        p.Batch.Clear();
        p.Bytes = 0;
        p.Payload = null;
        p.Throttles = 0;
        p.Generation++;
        p.State = PollerState.Receiving;
        if (backOff && _pollers.Count > 1)
        {
            Stop(p, $"backing off after {why}");
            if (messagesLeft && _idle.Count > 0)
            {
                ScheduleVisibilityWake(_sim.Now);
            }
            return;
        }
        Poll(p);
        if (messagesLeft && _idle.Count > 0)
        {
            ScheduleVisibilityWake(_sim.Now);
        }
        // Deletes free FIFO groups (and never signal the queue): let a waiting poller look again.
        if (_queue.IsFifo && _idle.TryDequeue(out var waiting))
        {
            waiting.State = PollerState.Receiving;
            _sim.ScheduleAt(_sim.Now, () => Poll(waiting));
        }
    }

    private void OnRedriven(IReadOnlyList<SqsMessage> moved, SqsQueue dlq) =>
        _sim.Trace.Add(_sim.Time.GetUtcNow(), TraceKind.DeadLetter, _queue.Name, null,
            string.Create(CultureInfo.InvariantCulture,
                $"{moved.Count} message{(moved.Count == 1 ? "" : "s")} moved to DLQ {dlq.Name} after {_queue.Attributes.RedrivePolicy!.MaxReceiveCount} receives (maxReceiveCount): {string.Join(", ", moved.Select(m => m.MessageId))}"));
}
