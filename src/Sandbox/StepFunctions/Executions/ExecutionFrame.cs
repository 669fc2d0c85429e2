using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// Where a chain of states runs: the top level, one Parallel branch or one Map iteration. It tracks the last event
/// it wrote (the next one's previousEventId), its variables, the Map item it works on, and whether it was aborted
/// (a sibling failed, or the execution stopped).
/// </summary>
internal sealed class ExecutionFrame
{
    private readonly ExecutionFrame? _parent;
    private bool _aborted;

    public ExecutionFrame(ExecutionFrame? parent, long lastEventId, VariableScope variables, JsonObject? mapItem = null)
    {
        _parent = parent;
        LastEventId = lastEventId;
        Variables = variables;
        MapItem = mapItem;
    }

    /// <summary>The id of the last event this frame wrote (or its starting event).</summary>
    public long LastEventId { get; set; }

    /// <summary>The variables in scope.</summary>
    public VariableScope Variables { get; }

    /// <summary><c>{"Index", "Value"}</c> of the current Map item (for <c>$$.Map.Item</c>), or null.</summary>
    public JsonObject? MapItem { get; }

    /// <summary>True when this frame or an enclosing one was aborted.</summary>
    public bool Aborted => _aborted || (_parent?.Aborted ?? false);

    /// <summary>True once the branch or iteration has written its final event.</summary>
    public bool Done { get; set; }

    /// <summary>Stops the frame: its states write no more events and its chain ends at the next step.</summary>
    public void Abort() => _aborted = true;

    /// <summary>Ends the chain if the frame was aborted.</summary>
    public void ThrowIfAborted()
    {
        if (Aborted)
        {
            throw new FrameAbortedException();
        }
    }
}

/// <summary>Unwinds a chain whose frame was aborted; never reaches the execution's result.</summary>
internal sealed class FrameAbortedException : Exception;
