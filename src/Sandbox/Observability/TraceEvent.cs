using System.Globalization;

namespace Course.Sandbox.Observability;

/// <summary>
/// One happening in a simulation, with its virtual time. Graders read these, never what a handler says.
/// Routine entries (an invocation's start and end) keep their numbers and write <see cref="Detail"/> when it is
/// first read, so recording them costs no text formatting.
/// </summary>
public sealed class TraceEvent : IEquatable<TraceEvent>
{
    private string? _detail;
    private readonly ITraceDetail? _source;

    internal TraceEvent(long sequence, DateTimeOffset time, TraceKind kind, string source, string? requestId, string detail)
        : this(sequence, time, kind, source, requestId) => _detail = detail;

    internal TraceEvent(long sequence, DateTimeOffset time, TraceKind kind, string source, string? requestId, ITraceDetail detail)
        : this(sequence, time, kind, source, requestId) => _source = detail;

    private TraceEvent(long sequence, DateTimeOffset time, TraceKind kind, string source, string? requestId)
    {
        Sequence = sequence;
        Time = time;
        Kind = kind;
        Source = source;
        RequestId = requestId;
    }

    /// <summary>Order of recording (ties at the same time keep this order).</summary>
    public long Sequence { get; }

    /// <summary>The virtual time it happened.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>What happened.</summary>
    public TraceKind Kind { get; }

    /// <summary>The function, queue, table, rule... it concerns.</summary>
    public string Source { get; }

    /// <summary>The Lambda request id, when there is one.</summary>
    public string? RequestId { get; }

    /// <summary>A human-readable detail (reason, delay, duration, error).</summary>
    public string Detail => _detail ?? (_source is null ? null! : _detail = _source.Format(this));

    /// <summary>The attempt number for invocations and retries (1-based), when it applies.</summary>
    public int? Attempt { get; init; }

    /// <summary>The execution environment, when it applies.</summary>
    public string? EnvironmentId { get; init; }

    /// <summary>A duration (init, invoke, retry delay), when it applies.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Deconstructs the entry into its main parts.</summary>
    public void Deconstruct(out long sequence, out DateTimeOffset time, out TraceKind kind, out string source, out string? requestId, out string detail)
    {
        (sequence, time, kind, source, requestId) = (Sequence, Time, Kind, Source, RequestId);
        detail = Detail;
    }

    /// <summary>True when every property of <paramref name="other"/> is equal to this entry's.</summary>
    public bool Equals(TraceEvent? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Sequence == other.Sequence && Time.Equals(other.Time) && Kind == other.Kind && Source == other.Source
                && RequestId == other.RequestId && Detail == other.Detail && Attempt == other.Attempt
                && EnvironmentId == other.EnvironmentId && Duration == other.Duration));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TraceEvent);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Sequence, Time, Kind, Source, RequestId, Detail, Attempt, HashCode.Combine(EnvironmentId, Duration));

    /// <summary>True when both are null or equal.</summary>
    public static bool operator ==(TraceEvent? left, TraceEvent? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True unless both are null or equal.</summary>
    public static bool operator !=(TraceEvent? left, TraceEvent? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{LogStream.Timestamp(Time)}  {Kind,-20} {Source,-16} {(RequestId is null ? "" : RequestId[..8] + "  ")}{Detail}");
}
