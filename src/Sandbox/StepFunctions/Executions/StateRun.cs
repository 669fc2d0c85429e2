using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Definition;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>One entry into a state: the state, its raw input, its frame, its Entered event and the retries so far.</summary>
internal sealed class StateRun(StateDefinition state, JsonNode? input, ExecutionFrame frame, long enteredEventId, DateTimeOffset enteredAt)
{
    public StateDefinition State { get; } = state;

    /// <summary>The state's raw input (before InputPath).</summary>
    public JsonNode? Input { get; } = input;

    public ExecutionFrame Frame { get; } = frame;

    public long EnteredEventId { get; } = enteredEventId;

    public DateTimeOffset EnteredAt { get; } = enteredAt;

    /// <summary>Retries so far (<c>$$.State.RetryCount</c>).</summary>
    public int RetryCount { get; set; }
}
