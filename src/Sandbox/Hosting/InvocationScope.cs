namespace Course.Sandbox.Hosting;

/// <summary>
/// The clock of one INIT or INVOKE phase (TIME_01–TIME_03). Handler code spends virtual time in two ways:
/// <list type="bullet">
/// <item>synchronously (<c>Thread.Sleep</c>, <see cref="SimulatedWork"/>, an SDK client's set-up cost, any service call
/// in a phase that cannot yield): the phase's <see cref="Now"/> moves ahead of the simulation's queue;</item>
/// <item>by awaiting (a delay, a service call, a long poll): the handler's task yields, the simulation runs other
/// happenings, and the handler resumes when the virtual clock reaches the moment the awaited thing completes.</item>
/// </list>
/// <see cref="Now"/> is the later of the two: the queue's time and the point synchronous work has reached.
/// Ambient (flows with async calls) so service clients, clocks and <see cref="SimulatedWork"/> can reach it.
/// One scope object serves every phase of an execution environment (it is reset at each phase).
/// </summary>
public sealed class InvocationScope
{
    private static readonly AsyncLocal<InvocationScope?> Ambient = new();

    private readonly Time.VirtualTimeProvider? _clock;
    private DateTimeOffset _mark;

    internal InvocationScope(string functionName, int memorySize, Time.VirtualTimeProvider? clock = null)
    {
        FunctionName = functionName;
        MemorySize = memorySize;
        _clock = clock;
    }

    internal InvocationScope(string functionName, string? requestId, int memorySize, bool isInit, DateTimeOffset origin, TimeSpan limit)
        : this(functionName, memorySize) => Begin(requestId, isInit, origin, limit);

    /// <summary>The scope of the phase running on this async flow, or <see langword="null"/> outside one.</summary>
    public static InvocationScope? Current => Ambient.Value is { IsActive: true } scope ? scope : null;

    /// <summary>The scope this flow belongs to even after its phase ended (so a frozen invocation's late code can be stopped).</summary>
    internal static InvocationScope? Flowing => Ambient.Value;

    /// <summary>The function whose code is running.</summary>
    public string FunctionName { get; }

    /// <summary>The request id, or <see langword="null"/> during INIT.</summary>
    public string? RequestId { get; private set; }

    /// <summary>The function's memory, MB (CPU share is proportional).</summary>
    public int MemorySize { get; }

    /// <summary>True during the INIT phase (the handler class's constructor and static initialisers).</summary>
    public bool IsInit { get; private set; }

    /// <summary>The virtual time at which this phase started.</summary>
    public DateTimeOffset Origin { get; private set; }

    /// <summary>How long this phase may run: the function timeout, or the INIT limit.</summary>
    public TimeSpan Limit { get; private set; }

    /// <summary>
    /// True when the phase's code runs as a task on the virtual clock (an asynchronous handler): awaited service calls
    /// and delays yield to the simulation. False for INIT (constructors cannot await) and synchronous handlers, whose
    /// service calls complete at once and add their latency to <see cref="Now"/>.
    /// </summary>
    public bool CanYield { get; internal set; }

    /// <summary>What constructing an SDK client costs in this environment (from the cold-start model).</summary>
    internal TimeSpan ClientSetupCost { get; init; }

    /// <summary>The simulation's clock (null for scopes made outside a simulation, e.g. in unit tests).</summary>
    internal Time.VirtualTimeProvider? Clock => _clock;

    /// <summary>True between the start and the end of a phase.</summary>
    internal bool IsActive { get; private set; }

    /// <summary>True once the invocation was stopped at its deadline: code still running for it is frozen (never resumes).</summary>
    internal bool IsAbandoned { get; private set; }

    /// <summary>Virtual time spent so far in this phase.</summary>
    public TimeSpan Elapsed => Now - Origin;

    /// <summary>The virtual time now, inside this phase.</summary>
    public DateTimeOffset Now
    {
        get
        {
            if (_clock is null)
            {
                return _mark;
            }
            var queue = _clock.QueueTime;
            return queue > _mark ? queue : _mark;
        }
    }

    /// <summary>The point synchronous work has reached, which may be ahead of the simulation's queue.</summary>
    internal DateTimeOffset Mark => _mark;

    /// <summary>The moment the phase's limit is reached.</summary>
    public DateTimeOffset Deadline => Origin + Limit;

    /// <summary>Time left before <see cref="Limit"/>; never negative.</summary>
    public TimeSpan Remaining => Elapsed >= Limit ? TimeSpan.Zero : Limit - Elapsed;

    /// <summary>
    /// True once the phase has run past its limit. On AWS the environment is frozen at that moment, so nothing the
    /// code does afterwards takes effect: services check this before applying a write.
    /// </summary>
    public bool IsPastDeadline => IsAbandoned || Elapsed > Limit;

    /// <summary>Service calls made in this phase, in order.</summary>
    public List<Services.Wire.ServiceCall> Calls { get; } = [];

    /// <summary>The execution environment this phase runs in (set by the engine).</summary>
    internal Environments.ExecutionEnvironment? Environment { get; set; }

    /// <summary>Spends <paramref name="duration"/> synchronously (a sleep, declared CPU work).</summary>
    /// <exception cref="InvocationTimeoutException">The phase has now run past its limit.</exception>
    public void Advance(TimeSpan duration)
    {
        if (duration > TimeSpan.Zero)
        {
            _mark = Now + duration;
        }
        if (IsPastDeadline)
        {
            throw new InvocationTimeoutException(Limit);
        }
    }

    /// <summary>Adds synchronous time without ever throwing (for costs paid inside the SDK's own code).</summary>
    internal void AddQuietly(TimeSpan duration)
    {
        if (duration > TimeSpan.Zero)
        {
            _mark = Now + duration;
        }
    }

    /// <summary>Records a service call made in this phase (the endpoint charges its latency).</summary>
    public void Record(Services.Wire.ServiceCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Calls.Add(call);
    }

    /// <summary>Starts a phase: resets the clock and the calls, and makes this scope current on this flow.</summary>
    internal void Begin(string? requestId, bool isInit, DateTimeOffset origin, TimeSpan limit)
    {
        RequestId = requestId;
        IsInit = isInit;
        Origin = origin;
        _mark = origin;
        Limit = limit;
        Calls.Clear();
        IsActive = true;
        IsAbandoned = false;
        CanYield = false;
        Enter(this);
    }

    /// <summary>Ends the phase: <see cref="Current"/> is null again until the next <see cref="Begin"/>.</summary>
    internal void End() => IsActive = false;

    /// <summary>Stops the phase at its deadline: whatever of its code is still pending never runs.</summary>
    internal void Abandon()
    {
        IsAbandoned = true;
        IsActive = false;
    }

    /// <summary>Makes <paramref name="scope"/> the ambient scope of this flow; returns the one it replaces.</summary>
    internal static InvocationScope? Enter(InvocationScope? scope)
    {
        var previous = Ambient.Value;
        if (!ReferenceEquals(previous, scope))
        {
            Ambient.Value = scope;
        }
        return previous;
    }
}
