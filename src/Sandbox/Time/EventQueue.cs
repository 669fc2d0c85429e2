namespace Course.Sandbox.Time;

/// <summary>
/// The one deterministic queue of future happenings. Events run in time order; events at the same time run
/// in the order they were scheduled.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<ScheduledItem, (long Ticks, long Sequence)> _queue = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(DateTimeOffset At, ScheduledItem Item)> _inbox = new();
    private long _sequence;
    private int _ownerThread;

    public EventQueue(DateTimeOffset start) => Now = start;

    public DateTimeOffset Now { get; private set; }

    public int Count => _queue.Count;

    public ScheduledAction Schedule(DateTimeOffset at, Action action)
    {
        var item = new ScheduledAction(action);
        Schedule(at, item);
        return item;
    }

    /// <summary>Queues <paramref name="item"/> to run at <paramref name="at"/> (or now, if that has passed).</summary>
    public void Schedule(DateTimeOffset at, ScheduledItem item)
    {
        if (at < Now)
        {
            at = Now;
        }
        item.At = at;
        _queue.Enqueue(item, (at.UtcTicks, _sequence++));
    }

    /// <summary>
    /// Queues <paramref name="item"/> from any thread. The thread running the queue schedules it at once; another
    /// thread (handler code that escaped to the thread pool) leaves it in an inbox the queue drains before its next event.
    /// </summary>
    public void Post(DateTimeOffset at, ScheduledItem item)
    {
        if (Environment.CurrentManagedThreadId == Volatile.Read(ref _ownerThread))
        {
            Schedule(at, item);
        }
        else
        {
            _inbox.Enqueue((at, item));
        }
    }

    /// <summary>True on the thread that runs the queue.</summary>
    public bool IsOwnerThread => Environment.CurrentManagedThreadId == Volatile.Read(ref _ownerThread);

    /// <summary>Runs the next due event at or before <paramref name="limit"/>; false when there is none.</summary>
    public bool RunNext(DateTimeOffset limit)
    {
        _ownerThread = Environment.CurrentManagedThreadId;
        while (_inbox.TryDequeue(out var posted))
        {
            Schedule(posted.At, posted.Item);
        }
        while (_queue.TryPeek(out var next, out var key))
        {
            if (key.Ticks > limit.UtcTicks)
            {
                return false;
            }
            _queue.Dequeue();
            if (next.Cancelled)
            {
                continue;
            }
            Now = next.At;
            // Events fire with no synchronization context, so the continuations they release inline here (the SDK's
            // ConfigureAwait(false) awaits) instead of hopping to the thread pool.
            var context = SynchronizationContext.Current;
            if (context is null)
            {
                next.Fire();
            }
            else
            {
                SynchronizationContext.SetSynchronizationContext(null);
                try { next.Fire(); }
                finally { SynchronizationContext.SetSynchronizationContext(context); }
            }
            return true;
        }
        return false;
    }

    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > Now)
        {
            Now = at;
        }
    }
}

/// <summary>
/// An entry of the event queue: the engine's own happenings derive from it (so scheduling one allocates nothing
/// more), arbitrary callbacks use <see cref="ScheduledAction"/>. Cancel it to skip it.
/// </summary>
internal abstract class ScheduledItem
{
    /// <summary>When it runs (set when it is queued).</summary>
    public DateTimeOffset At { get; internal set; }

    /// <summary>True to skip it when its time comes.</summary>
    public bool Cancelled { get; set; }

    /// <summary>Does what was scheduled.</summary>
    public abstract void Fire();
}

/// <summary>A queued callback.</summary>
internal sealed class ScheduledAction(Action action) : ScheduledItem
{
    public Action Action { get; } = action;

    public override void Fire() => Action();
}
