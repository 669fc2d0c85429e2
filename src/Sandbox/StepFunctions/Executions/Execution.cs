using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.History;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// One run of a state machine: what DescribeExecution and GetExecutionHistory report, plus what the engine counted
/// for the bill (state transitions; for Express, the duration).
/// </summary>
public sealed class Execution
{
    private readonly List<HistoryEvent> _history = [];
    private readonly List<Execution> _children = [];
    private readonly TaskCompletionSource _done = new();

    internal Execution(StateMachine stateMachine, string name, string arn, string input, DateTimeOffset start)
    {
        StateMachine = stateMachine;
        Name = name;
        Arn = arn;
        Input = input;
        StartDate = start;
    }

    /// <summary>The state machine it runs.</summary>
    public StateMachine StateMachine { get; }

    /// <summary>The execution's name.</summary>
    public string Name { get; }

    /// <summary><c>arn:aws:states:region:account:execution:machine:name</c> (Express: <c>express:</c>).</summary>
    public string Arn { get; }

    /// <summary>The input, as JSON text.</summary>
    public string Input { get; }

    /// <summary>The status.</summary>
    public ExecutionStatus Status { get; private set; } = ExecutionStatus.Running;

    /// <summary>The output as JSON text when it succeeded; otherwise null.</summary>
    public string? Output { get; private set; }

    /// <summary>The error name when it failed or timed out.</summary>
    public string? Error { get; private set; }

    /// <summary>The cause when it failed or timed out.</summary>
    public string? Cause { get; private set; }

    /// <summary>When it started (virtual time).</summary>
    public DateTimeOffset StartDate { get; }

    /// <summary>When it stopped, or null while running.</summary>
    public DateTimeOffset? StopDate { get; private set; }

    /// <summary>The history, in GetExecutionHistory's shape and order.</summary>
    public IReadOnlyList<HistoryEvent> History => _history;

    /// <summary>State transitions so far (each state entered and each retry): what a Standard workflow is billed for.</summary>
    public long StateTransitions { get; internal set; }

    /// <summary>The largest input or output of any state, in bytes (for the Express memory estimate).</summary>
    public int LargestPayloadBytes { get; internal set; }

    /// <summary>Map iterations and Parallel branches run (for the Express memory estimate).</summary>
    public long ParallelMapSteps { get; internal set; }

    /// <summary>
    /// The child workflow executions its distributed Map states started, in start order (each with its own history;
    /// each billed as its own Standard or Express execution).
    /// </summary>
    public IReadOnlyList<Execution> ChildExecutions => _children;

    /// <summary>A task that completes when the execution stops (drive it with <c>sim.RunUntilComplete</c>).</summary>
    public Task Completion => _done.Task;

    /// <summary>The status in the API's spelling: <c>RUNNING</c>, <c>SUCCEEDED</c>, <c>FAILED</c>, <c>TIMED_OUT</c>, <c>ABORTED</c>.</summary>
    public string StatusText => Status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        _ => "ABORTED",
    };

    /// <summary>The history as GetExecutionHistory's <c>events</c> array.</summary>
    public JsonArray HistoryJson() => new([.. _history.Select(e => (JsonNode)e.ToJson())]);

    internal bool IsRunning => Status == ExecutionStatus.Running;

    internal HistoryEvent Append(DateTimeOffset at, long previous, string type, string? detailsName, JsonObject? details)
    {
        var e = new HistoryEvent
        {
            Id = _history.Count + 1, PreviousEventId = previous, Timestamp = at, Type = type, DetailsName = detailsName, Details = details,
        };
        _history.Add(e);
        return e;
    }

    internal int EventCount => _history.Count;

    internal void AddChild(Execution child) => _children.Add(child);

    internal void Stop(ExecutionStatus status, DateTimeOffset at, string? output, string? error, string? cause)
    {
        if (!IsRunning)
        {
            return;
        }
        Status = status;
        StopDate = at;
        Output = output;
        Error = error;
        Cause = cause;
        _done.TrySetResult();
    }
}
