namespace Course.Sandbox.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when the simulation's event queue runs.
/// Inside an invocation, <see cref="GetUtcNow"/> also adds the modelled time the handler has spent so far,
/// so a service call made 40 ms into a handler is stamped 40 ms after the invocation started.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly EventQueue _queue;

    internal VirtualTimeProvider(EventQueue queue) => _queue = queue;

    /// <summary>The queue's time: the time of the event being processed (without any in-handler offset).</summary>
    public DateTimeOffset QueueTime => _queue.Now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Hosting.InvocationScope.Current?.Now ?? _queue.Now;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new VirtualTimer(this, callback, state, dueTime, period);
    }

    /// <summary>Queues <paramref name="item"/> at <paramref name="at"/>, from any thread (another thread's goes through the queue's inbox).</summary>
    internal void Post(DateTimeOffset at, ScheduledItem item) => _queue.Post(at, item);

    /// <summary>Runs the queue's events (nested, from handler code that blocks on a task) while <paramref name="condition"/> holds and events remain.</summary>
    internal void RunWhile(Func<bool> condition)
    {
        while (condition() && _queue.RunNext(DateTimeOffset.MaxValue)) { }
    }

    /// <summary>True on the thread that runs the simulation's queue.</summary>
    internal bool IsQueueThread => _queue.IsOwnerThread;

    /// <summary>Queues <paramref name="item"/> at <paramref name="at"/> on the simulation's queue.</summary>
    internal void ScheduleAt(DateTimeOffset at, ScheduledItem item) => _queue.Schedule(at, item);

    /// <summary>
    /// A task that completes when the simulation's queue reaches <paramref name="at"/> (at once when it has). Its
    /// continuations run on the simulation's thread, inside the queue event, so nothing else happens in between.
    /// </summary>
    internal Task WhenAt(DateTimeOffset at)
    {
        if (at <= _queue.Now)
        {
            return Task.CompletedTask;
        }
        var wake = new Wake();
        _queue.Schedule(at, wake);
        return wake.Task;
    }

    private sealed class Wake : ScheduledItem
    {
        private readonly TaskCompletionSource _done = new();

        public Task Task => _done.Task;

        public override void Fire() => _done.TrySetResult();
    }
}
