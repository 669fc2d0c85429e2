namespace Course.Sandbox.Time;

/// <summary>
/// The one deterministic queue of future happenings. Events run in time order; events at the same time run
/// in the order they were scheduled.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<ScheduledItem, (long Ticks, long Sequence)> _queue = new();
    private long _sequence;

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
        if (at < Now) at = Now;
        item.At = at;
        _queue.Enqueue(item, (at.UtcTicks, _sequence++));
    }

    /// <summary>Runs the next due event at or before <paramref name="limit"/>; false when there is none.</summary>
    public bool RunNext(DateTimeOffset limit)
    {
        while (_queue.TryPeek(out var next, out var key))
        {
            if (key.Ticks > limit.UtcTicks) return false;
            _queue.Dequeue();
            if (next.Cancelled) continue;
            Now = next.At;
            next.Fire();
            return true;
        }
        return false;
    }

    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > Now) Now = at;
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
