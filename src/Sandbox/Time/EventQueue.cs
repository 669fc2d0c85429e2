namespace Course.Sandbox.Time;

/// <summary>
/// The one deterministic queue of future happenings. Events run in time order; events at the same time run
/// in the order they were scheduled.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<ScheduledAction, (long Ticks, long Sequence)> _queue = new();
    private long _sequence;

    public EventQueue(DateTimeOffset start) => Now = start;

    public DateTimeOffset Now { get; private set; }

    public int Count => _queue.Count;

    public ScheduledAction Schedule(DateTimeOffset at, Action action)
    {
        if (at < Now) at = Now;
        var item = new ScheduledAction(at, action);
        _queue.Enqueue(item, (at.UtcTicks, _sequence++));
        return item;
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
            next.Action();
            return true;
        }
        return false;
    }

    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > Now) Now = at;
    }
}

/// <summary>An entry of the event queue; cancel it to skip it.</summary>
internal sealed class ScheduledAction(DateTimeOffset at, Action action)
{
    public DateTimeOffset At { get; } = at;
    public Action Action { get; } = action;
    public bool Cancelled { get; set; }
}
