namespace Course.Sandbox.Hosting;

/// <summary>
/// The modelled clock of one INIT or INVOKE phase. Handler code runs instantly in real time; the time it
/// "takes" is what the engine models — a base overhead, service-call latencies, declared work — added here.
/// Ambient (flows with async calls) so service clients and <see cref="SimulatedWork"/> can reach it.
/// One scope object serves every phase of an execution environment (it is reset at each phase), so running
/// an invocation does not allocate a new ambient value.
/// </summary>
public sealed class InvocationScope
{
    private static readonly AsyncLocal<InvocationScope?> Ambient = new();

    internal InvocationScope(string functionName, int memorySize)
    {
        FunctionName = functionName;
        MemorySize = memorySize;
    }

    internal InvocationScope(string functionName, string? requestId, int memorySize, bool isInit, DateTimeOffset origin, TimeSpan limit)
        : this(functionName, memorySize) => Begin(requestId, isInit, origin, limit);

    /// <summary>The scope of the phase running on this async flow, or <see langword="null"/> outside one.</summary>
    public static InvocationScope? Current => Ambient.Value is { IsActive: true } scope ? scope : null;

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

    /// <summary>What constructing an SDK client costs in this environment (from the cold-start model).</summary>
    internal TimeSpan ClientSetupCost { get; init; }

    /// <summary>Adds modelled time without ever throwing (for costs paid inside the SDK's own code).</summary>
    internal void AddQuietly(TimeSpan duration)
    {
        if (duration > TimeSpan.Zero) Elapsed += duration;
    }

    /// <summary>True between the start and the end of a phase.</summary>
    internal bool IsActive { get; private set; }

    /// <summary>Modelled time spent so far in this phase.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The virtual time now, inside this phase.</summary>
    public DateTimeOffset Now => Origin + Elapsed;

    /// <summary>Time left before <see cref="Limit"/>; never negative.</summary>
    public TimeSpan Remaining => Elapsed >= Limit ? TimeSpan.Zero : Limit - Elapsed;

    /// <summary>
    /// True once the phase has run past its limit. On AWS the environment is frozen at that moment, so nothing the
    /// code does afterwards takes effect: services check this before applying a write.
    /// </summary>
    public bool IsPastDeadline => Elapsed > Limit;

    /// <summary>Service calls made in this phase, in order.</summary>
    public List<Services.Wire.ServiceCall> Calls { get; } = [];

    /// <summary>The execution environment this phase runs in (set by the engine).</summary>
    internal Environments.ExecutionEnvironment? Environment { get; set; }

    /// <summary>Adds modelled time to this phase.</summary>
    /// <exception cref="InvocationTimeoutException">The phase has now run past its limit.</exception>
    public void Advance(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return;
        Elapsed += duration;
        if (IsPastDeadline) throw new InvocationTimeoutException(Limit);
    }

    /// <summary>
    /// Records a service call and adds its latency. Unlike <see cref="Advance"/> it never throws (it runs inside the
    /// SDK's pipeline); a call that carries the phase past its limit makes the next call or declared work stop it.
    /// </summary>
    public void Record(Services.Wire.ServiceCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Calls.Add(call);
        if (call.Latency > TimeSpan.Zero) Elapsed += call.Latency;
    }

    /// <summary>Starts a phase: resets the clock and the calls, and makes this scope current on this flow.</summary>
    internal void Begin(string? requestId, bool isInit, DateTimeOffset origin, TimeSpan limit)
    {
        RequestId = requestId;
        IsInit = isInit;
        Origin = origin;
        Limit = limit;
        Elapsed = TimeSpan.Zero;
        Calls.Clear();
        IsActive = true;
        if (!ReferenceEquals(Ambient.Value, this)) Ambient.Value = this;
    }

    /// <summary>Ends the phase: <see cref="Current"/> is null again until the next <see cref="Begin"/>.</summary>
    internal void End() => IsActive = false;
}
