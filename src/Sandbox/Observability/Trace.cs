namespace Course.Sandbox.Observability;

/// <summary>
/// The append-only record of everything that happened in a simulation. Entries are appended as the engine
/// processes them; <see cref="Events"/> lists them in virtual-time order (stable for ties).
/// </summary>
public sealed class Trace
{
    private readonly List<TraceEvent> _events = [];
    private bool _sorted = true;

    /// <summary>Everything recorded, in virtual-time order.</summary>
    public IReadOnlyList<TraceEvent> Events
    {
        get
        {
            if (!_sorted)
            {
                var ordered = _events.OrderBy(e => e.Time).ThenBy(e => e.Sequence).ToList();
                _events.Clear();
                _events.AddRange(ordered);
                _sorted = true;
            }
            return _events;
        }
    }

    /// <summary>How many entries there are.</summary>
    public int Count => _events.Count;

    /// <summary>Entries of one kind, in time order.</summary>
    public IEnumerable<TraceEvent> OfKind(TraceKind kind) => Events.Where(e => e.Kind == kind);

    /// <summary>Entries about one function, queue, table or rule, in time order.</summary>
    public IEnumerable<TraceEvent> For(string source) => Events.Where(e => e.Source == source);

    /// <summary>Records a happening and returns it.</summary>
    public TraceEvent Add(DateTimeOffset time, TraceKind kind, string source, string? requestId, string detail,
        int? attempt = null, string? environmentId = null, TimeSpan? duration = null)
    {
        return Add(new TraceEvent(_events.Count, time, kind, source, requestId, detail)
        {
            Attempt = attempt,
            EnvironmentId = environmentId,
            Duration = duration,
        });
    }

    /// <summary>Records a routine happening whose detail is written only when read.</summary>
    internal TraceEvent AddLazy(DateTimeOffset time, TraceKind kind, string source, string? requestId, ITraceDetail detail,
        int? attempt = null, string? environmentId = null, TimeSpan? duration = null) =>
        Add(new TraceEvent(_events.Count, time, kind, source, requestId, detail)
        {
            Attempt = attempt,
            EnvironmentId = environmentId,
            Duration = duration,
        });

    private TraceEvent Add(TraceEvent e)
    {
        if (_events.Count > 0 && _events[^1].Time > e.Time)
        {
            _sorted = false;
        }
        _events.Add(e);
        return e;
    }

    /// <summary>The whole trace as text, one line per entry.</summary>
    public override string ToString() => string.Join('\n', Events.Select(e => e.ToString()));
}
