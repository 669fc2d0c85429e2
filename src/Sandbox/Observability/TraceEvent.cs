using System.Globalization;

namespace Course.Sandbox.Observability;

/// <summary>One happening in a simulation, with its virtual time. Graders read these, never what a handler says.</summary>
/// <param name="Sequence">Order of recording (ties at the same time keep this order).</param>
/// <param name="Time">The virtual time it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Source">The function, queue, table, rule... it concerns.</param>
/// <param name="RequestId">The Lambda request id, when there is one.</param>
/// <param name="Detail">A human-readable detail (reason, delay, duration, error).</param>
public sealed record TraceEvent(long Sequence, DateTimeOffset Time, TraceKind Kind, string Source, string? RequestId, string Detail)
{
    /// <summary>The attempt number for invocations and retries (1-based), when it applies.</summary>
    public int? Attempt { get; init; }

    /// <summary>The execution environment, when it applies.</summary>
    public string? EnvironmentId { get; init; }

    /// <summary>A duration (init, invoke, retry delay), when it applies.</summary>
    public TimeSpan? Duration { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{LogStream.Timestamp(Time)}  {Kind,-20} {Source,-16} {(RequestId is null ? "" : RequestId[..8] + "  ")}{Detail}");
}
