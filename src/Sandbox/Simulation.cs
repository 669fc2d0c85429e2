using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Time;

namespace Course.Sandbox;

/// <summary>
/// The root of the engine: a virtual clock over one deterministic event queue, a seeded random source, the trace,
/// and the simulated services. Nothing happens until <see cref="Run"/>, <see cref="RunFor"/> or <see cref="RunUntil"/>
/// processes the queue; the same inputs and seed always give the same trace.
/// </summary>
public sealed class Simulation
{
    private readonly EventQueue _queue;

    /// <summary>Creates a simulation with <paramref name="options"/> (or the defaults).</summary>
    public Simulation(SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        _queue = new EventQueue(Options.Start);
        Time = new VirtualTimeProvider(_queue);
        Random = new Random(Options.Seed);
        Ids = new SeededIds(Random);
        Trace = new Trace();
        Lambda = new LambdaService(this);
        _services = new Lazy<Services.SimulationServices>(() => new Services.SimulationServices(this));
    }

    private readonly Lazy<Services.SimulationServices> _services;

    /// <summary>The simulated AWS services (S3, SQS, SNS, DynamoDB), reachable from handlers through the AWS SDK.</summary>
    public Services.SimulationServices Services => _services.Value;

    /// <summary>The settings it was created with.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The virtual clock. Pass it to anything time-dependent.</summary>
    public VirtualTimeProvider Time { get; }

    /// <summary>The seeded random source: the only randomness in the engine. Draw ids through <see cref="Ids"/>.</summary>
    public Random Random { get; }

    /// <summary>The engine's one id source, drawing from <see cref="Random"/> under its lock.</summary>
    public SeededIds Ids { get; }

    /// <summary>Everything that happened.</summary>
    public Trace Trace { get; }

    /// <summary>The Lambda service: deploy and invoke functions.</summary>
    public LambdaService Lambda { get; }

    /// <summary>The virtual time now.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Events waiting in the queue.</summary>
    public int Pending => _queue.Count;

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/> of virtual time.</summary>
    public void Schedule(TimeSpan delay, Action action) => ScheduleAt(_queue.Now + delay, action);

    /// <summary>Runs <paramref name="action"/> at <paramref name="at"/> (or now, if that has passed).</summary>
    public void ScheduleAt(DateTimeOffset at, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _queue.Schedule(at, action);
    }

    /// <summary>Queues one of the engine's own happenings (no delegate or wrapper is allocated for it).</summary>
    internal void ScheduleAt(DateTimeOffset at, ScheduledItem item) => _queue.Schedule(at, item);

    /// <summary>Processes the next event, whenever it is due; false when the queue is empty.</summary>
    internal bool RunNext() => _queue.RunNext(DateTimeOffset.MaxValue);

    /// <summary>Processes events until the queue is empty; returns how many ran.</summary>
    /// <exception cref="InvalidOperationException">More than <paramref name="maxEvents"/> ran (a runaway loop, e.g. a schedule without end).</exception>
    public long Run(long maxEvents = 50_000_000)
    {
        long count = 0;
        while (_queue.RunNext(DateTimeOffset.MaxValue))
        {
            if (++count > maxEvents)
            {
                throw new InvalidOperationException($"The simulation ran more than {maxEvents} events without going idle; use RunFor or RunUntil for open-ended scenarios.");
            }
        }
        return count;
    }

    /// <summary>Processes events for <paramref name="duration"/> of virtual time and leaves the clock at its end.</summary>
    public long RunFor(TimeSpan duration) => RunUntil(_queue.Now + duration);

    /// <summary>Processes every event up to and including <paramref name="until"/>, then sets the clock there.</summary>
    public long RunUntil(DateTimeOffset until)
    {
        long count = 0;
        while (_queue.RunNext(until))
        {
            count++;
        }
        _queue.AdvanceTo(until);
        Lambda.ReapIdleEnvironments();
        return count;
    }

    /// <summary>Processes events until <paramref name="task"/> completes (or the queue empties).</summary>
    public void RunUntilComplete(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        while (!task.IsCompleted && _queue.RunNext(DateTimeOffset.MaxValue)) { }
    }

    private static int s_simulations;
    private string? _scratchRoot;

    /// <summary>
    /// The real folder under which this simulation's execution environments keep their /tmp (one sub-folder each):
    /// <c>SimulationOptions.ScratchRoot</c>, else <c>COURSE_SCRATCH</c>, else the machine's temp folder; unique per
    /// simulation in the process. Never part of graded or compared output.
    /// </summary>
    internal string ScratchRoot => _scratchRoot ??= Path.Combine(
        Options.ScratchRoot ?? System.Environment.GetEnvironmentVariable("COURSE_SCRATCH") ?? Path.Combine(Path.GetTempPath(), "course-sandbox"),
        $"{System.Environment.ProcessId}-{Interlocked.Increment(ref s_simulations)}");

    /// <summary>A new request id (a GUID drawn from the seeded random source).</summary>
    public string NewRequestId() => Ids.Guid();

    /// <summary>A new hexadecimal id of <paramref name="length"/> characters from the seeded random source.</summary>
    public string NewHexId(int length = 32) => Ids.Hex(length);
}
