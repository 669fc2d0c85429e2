namespace Course.Sandbox.Time;

/// <summary>A timer that fires on the virtual clock (so <c>Task.Delay(x, sim.Time)</c> waits virtual time).</summary>
internal sealed class VirtualTimer : ITimer
{
    private readonly EventQueue _queue;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private ScheduledAction? _next;
    private TimeSpan _period;

    public VirtualTimer(EventQueue queue, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _queue = queue;
        _callback = callback;
        _state = state;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_next is not null) _next.Cancelled = true;
        _next = null;
        _period = period;
        if (dueTime != Timeout.InfiniteTimeSpan) Arm(dueTime);
        return true;
    }

    private void Arm(TimeSpan due) => _next = _queue.Schedule(_queue.Now + due, Fire);

    private void Fire()
    {
        _next = null;
        if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan) Arm(_period);
        _callback(_state);
    }

    public void Dispose()
    {
        if (_next is not null) _next.Cancelled = true;
        _next = null;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
