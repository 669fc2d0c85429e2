namespace Course.Sandbox.Hosting.Runtime;

/// <summary>
/// Replaces <see cref="System.Diagnostics.Stopwatch"/> in handler code (TIME_02): the same members, measuring the
/// simulation's virtual time (ticks of 100 ns), so what a handler measures is what the engine bills.
/// </summary>
public sealed class SandboxStopwatch
{
    private long _started;
    private long _elapsed;

    /// <summary>Ticks per second of <see cref="GetTimestamp"/> (as <c>Stopwatch.Frequency</c>).</summary>
    public static readonly long Frequency = TimeSpan.TicksPerSecond;

    /// <summary>True: the virtual clock has 100 ns resolution.</summary>
    public static readonly bool IsHighResolution = true;

    /// <summary>True while measuring.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Time measured so far.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(ElapsedTicks);

    /// <summary>Milliseconds measured so far.</summary>
    public long ElapsedMilliseconds => ElapsedTicks / TimeSpan.TicksPerMillisecond;

    /// <summary>Ticks (of <see cref="Frequency"/>) measured so far.</summary>
    public long ElapsedTicks => _elapsed + (IsRunning ? GetTimestamp() - _started : 0);

    /// <summary>The virtual clock now, in ticks.</summary>
    public static long GetTimestamp() => SandboxClock.Time.GetTimestamp();

    /// <summary>Time between two timestamps.</summary>
    public static TimeSpan GetElapsedTime(long startingTimestamp) => GetElapsedTime(startingTimestamp, GetTimestamp());

    /// <summary>Time between two timestamps.</summary>
    public static TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) =>
        TimeSpan.FromTicks((endingTimestamp - startingTimestamp) * TimeSpan.TicksPerSecond / SandboxClock.Time.TimestampFrequency);

    /// <summary>A new stopwatch, started.</summary>
    public static SandboxStopwatch StartNew()
    {
        var watch = new SandboxStopwatch();
        watch.Start();
        return watch;
    }

    /// <summary>Starts or resumes measuring.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            return;
        }
        _started = GetTimestamp();
        IsRunning = true;
    }

    /// <summary>Stops measuring.</summary>
    public void Stop()
    {
        if (!IsRunning)
        {
            return;
        }
        _elapsed += GetTimestamp() - _started;
        IsRunning = false;
    }

    /// <summary>Stops and sets the elapsed time to zero.</summary>
    public void Reset()
    {
        _elapsed = 0;
        IsRunning = false;
    }

    /// <summary>Sets the elapsed time to zero and starts.</summary>
    public void Restart()
    {
        _elapsed = 0;
        _started = GetTimestamp();
        IsRunning = true;
    }

    /// <inheritdoc />
    public override string ToString() => Elapsed.ToString();
}
