namespace Course.Sandbox.Services.Faults;

/// <summary>
/// Decides, per service call, whether to inject a failure or extra latency. One injector per service.
/// <list type="bullet">
/// <item>Scripts come first: <see cref="Script"/> queues faults for the next calls of one operation (or of any
/// operation with <c>"*"</c>), consumed in order — exact, for tests and exercises.</item>
/// <item>Then rates: with probability <see cref="ErrorRate"/> a call fails with <see cref="RateFault"/>, and with
/// probability <see cref="LatencyRate"/> it gets <see cref="ExtraLatency"/> more latency. The draws come from
/// the seeded <see cref="Random"/> given to the constructor, so a seed replays the same faults.</item>
/// </list>
/// Thread-safe: scripting and deciding take one lock, so calls from any thread draw from the seed in a fixed order.
/// </summary>
public sealed class FaultInjector
{
    private readonly Random _random;
    private readonly Dictionary<string, Queue<FaultKind>> _scripts = new(StringComparer.Ordinal);

    /// <summary>Creates an injector that injects nothing until configured.</summary>
    /// <param name="random">The simulation's seeded random source.</param>
    public FaultInjector(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
    }

    /// <summary>Probability (0–1) that a call fails with <see cref="RateFault"/>.</summary>
    /// <value>The default value is 0 (never).</value>
    public double ErrorRate { get; set; }

    /// <summary>The failure used by <see cref="ErrorRate"/>.</summary>
    /// <value>The default value is <see cref="FaultKind.Throttling"/>.</value>
    public FaultKind RateFault { get; set; } = FaultKind.Throttling;

    /// <summary>Probability (0–1) that a call gets <see cref="ExtraLatency"/> added.</summary>
    /// <value>The default value is 0 (never).</value>
    public double LatencyRate { get; set; }

    /// <summary>Latency added when <see cref="LatencyRate"/> fires.</summary>
    /// <value>The default value is 100 ms.</value>
    public TimeSpan ExtraLatency { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many calls have been failed so far.</summary>
    public int InjectedCount { get; private set; }

    /// <summary>Queues faults for the next calls of <paramref name="operation"/> (<c>"*"</c> for any operation).</summary>
    /// <exception cref="ArgumentException">The operation is empty.</exception>
    public FaultInjector Script(string operation, params FaultKind[] faults)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        lock (_scripts)
        {
            if (!_scripts.TryGetValue(operation, out var queue))
            {
                queue = new Queue<FaultKind>();
                _scripts[operation] = queue;
            }

            foreach (var fault in faults)
            {
                queue.Enqueue(fault);
            }
        }

        return this;
    }

    /// <summary>Drops every fault still queued by <see cref="Script"/> (rates are kept).</summary>
    /// <returns>This injector.</returns>
    public FaultInjector ClearScripts()
    {
        _scripts.Clear();
        return this;
    }

    /// <summary>Decides the fate of one call of <paramref name="operation"/>.</summary>
    public FaultDecision Decide(string operation)
    {
        lock (_scripts)
        {
            return DecideLocked(operation);
        }
    }

    private FaultDecision DecideLocked(string operation)
    {
        if (ErrorRate is < 0 or > 1 || LatencyRate is < 0 or > 1)
        {
            throw new InvalidOperationException($"FaultInjector rates must be between 0 and 1; ErrorRate is {ErrorRate}, LatencyRate is {LatencyRate}.");
        }

        var kind = Dequeue(operation) ?? Dequeue("*") ?? FaultKind.None;
        if (kind == FaultKind.None && ErrorRate > 0 && _random.NextDouble() < ErrorRate)
        {
            kind = RateFault;
        }

        var latency = LatencyRate > 0 && _random.NextDouble() < LatencyRate ? ExtraLatency : TimeSpan.Zero;
        if (kind != FaultKind.None)
        {
            InjectedCount++;
        }

        return new FaultDecision(kind, latency);
    }

    private FaultKind? Dequeue(string key) =>
        _scripts.TryGetValue(key, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
}
