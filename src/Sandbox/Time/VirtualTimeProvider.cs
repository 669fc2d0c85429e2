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
        return new VirtualTimer(_queue, callback, state, dueTime, period);
    }
}
