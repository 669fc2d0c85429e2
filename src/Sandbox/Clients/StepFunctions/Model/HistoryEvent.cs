using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>One history event (mirrors <c>Amazon.StepFunctions.Model.HistoryEvent</c>; the details most used are typed, all are in <see cref="DetailsJson"/>).</summary>
public sealed class HistoryEvent
{
    /// <summary>The event id.</summary>
    public long Id { get; set; }

    /// <summary>The previous event id.</summary>
    public long PreviousEventId { get; set; }

    /// <summary>When it happened (virtual time, UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>The event type.</summary>
    public HistoryEventType Type { get; set; }

    /// <summary>For <c>…StateEntered</c>.</summary>
    public StateEnteredEventDetails StateEnteredEventDetails { get; set; }

    /// <summary>For <c>…StateExited</c>.</summary>
    public StateExitedEventDetails StateExitedEventDetails { get; set; }

    /// <summary>For <c>ExecutionFailed</c>.</summary>
    public ExecutionFailedEventDetails ExecutionFailedEventDetails { get; set; }

    /// <summary>The event's details object as JSON text (the sandbox's addition, for the types not typed here).</summary>
    public string DetailsJson { get; set; }
}
