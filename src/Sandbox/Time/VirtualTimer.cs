namespace Course.Sandbox.Time;

/// <summary>A timer that fires on the virtual clock (so <c>Task.Delay(x, sim.Time)</c> waits virtual time), counted from the caller's virtual now.</summary>
internal sealed class VirtualTimer : ITimer
{
    private readonly VirtualTimeProvider _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private ScheduledAction? _next;
    private TimeSpan _period;

    public VirtualTimer(VirtualTimeProvider clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_next is not null)
        {
            _next.Cancelled = true;
        }
        _next = null;
        _period = period;
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Arm(dueTime);
        }
        return true;
    }

    // Inside a handler, "now" is the handler's own time (TIME_01), which may be ahead of the queue.
    private void Arm(TimeSpan due)
    {
        var action = new ScheduledAction(Fire);
        _clock.ScheduleAt(_clock.GetUtcNow() + due, action);
        _next = action;
    }

    private void Fire()
    {
        _next = null;
        if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
        {
            Arm(_period);
        }
        _callback(_state);
    }

    public void Dispose()
    {
        if (_next is not null)
        {
            _next.Cancelled = true;
        }
        _next = null;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
