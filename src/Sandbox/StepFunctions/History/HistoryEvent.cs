using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.History;

/// <summary>
/// One event of an execution's history, in the shape of GetExecutionHistory: <c>timestamp</c>, <c>type</c> (such as
/// <c>ExecutionStarted</c>, <c>PassStateEntered</c>, <c>TaskScheduled</c>, <c>LambdaFunctionSucceeded</c>,
/// <c>MapIterationStarted</c>), <c>id</c>, <c>previousEventId</c> and, for most types, one <c>…EventDetails</c> object.
/// </summary>
public sealed record HistoryEvent
{
    /// <summary>The event's number, from 1.</summary>
    public required long Id { get; init; }

    /// <summary>The event this one follows (0 for the first event, and for the first state entered).</summary>
    public required long PreviousEventId { get; init; }

    /// <summary>When it happened (virtual time).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The event type.</summary>
    public required string Type { get; init; }

    /// <summary>The name of the details member (<c>stateEnteredEventDetails</c>, …), or null.</summary>
    public string? DetailsName { get; init; }

    /// <summary>The details (input and output as JSON text, as the API returns them), or null.</summary>
    public JsonObject? Details { get; init; }

    /// <summary>The event as GetExecutionHistory returns it.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["timestamp"] = Timestamps.Format(Timestamp),
            ["type"] = Type,
            ["id"] = Id,
            ["previousEventId"] = PreviousEventId,
        };
        if (DetailsName is not null)
        {
            o[DetailsName] = Details?.DeepClone();
        }
        return o;
    }
}
