using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>One state of a definition: its type and every field the type uses (unused fields are null).</summary>
public sealed class StateDefinition
{
    /// <summary>The state's name (its key in States).</summary>
    public required string Name { get; init; }

    /// <summary>The state type.</summary>
    public required StateType Type { get; init; }

    /// <summary>The next state, or null when <see cref="End"/> (or for Choice, Succeed, Fail).</summary>
    public string? Next { get; init; }

    /// <summary>True for a terminal state.</summary>
    public bool End { get; init; }

    /// <summary>InputPath (default <c>$</c>).</summary>
    public OptionalPath InputPath { get; init; } = OptionalPath.Root;

    /// <summary>OutputPath (default <c>$</c>).</summary>
    public OptionalPath OutputPath { get; init; } = OptionalPath.Root;

    /// <summary>ResultPath (default <c>$</c>).</summary>
    public OptionalPath ResultPath { get; init; } = OptionalPath.Root;

    /// <summary>Parameters (for Map: the legacy name of ItemSelector).</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary>True when Parameters was given (it may be JSON null).</summary>
    public bool HasParameters { get; init; }

    /// <summary>ResultSelector.</summary>
    public JsonNode? ResultSelector { get; init; }

    /// <summary>Pass: the fixed Result.</summary>
    public JsonNode? Result { get; init; }

    /// <summary>True when Result was given.</summary>
    public bool HasResult { get; init; }

    /// <summary>Assign: variables set when the state completes.</summary>
    public JsonObject? Assign { get; init; }

    /// <summary>Task: the resource ARN.</summary>
    public string? Resource { get; init; }

    /// <summary>Task: TimeoutSeconds (AWS's default for a task is 99999999).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Task: TimeoutSecondsPath.</summary>
    public string? TimeoutSecondsPath { get; init; }

    /// <summary>Task: HeartbeatSeconds.</summary>
    public int? HeartbeatSeconds { get; init; }

    /// <summary>Task: HeartbeatSecondsPath.</summary>
    public string? HeartbeatSecondsPath { get; init; }

    /// <summary>Task, Parallel, Map: Retry rules in order.</summary>
    public IReadOnlyList<RetryPolicy> Retry { get; init; } = [];

    /// <summary>Task, Parallel, Map: Catch rules in order.</summary>
    public IReadOnlyList<CatchPolicy> Catch { get; init; } = [];

    /// <summary>Choice: the rules in order.</summary>
    public IReadOnlyList<ChoiceRule> Choices { get; init; } = [];

    /// <summary>Choice: the state when no rule matches.</summary>
    public string? Default { get; init; }

    /// <summary>Wait: Seconds.</summary>
    public long? Seconds { get; init; }

    /// <summary>Wait: Timestamp.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Wait: SecondsPath.</summary>
    public string? SecondsPath { get; init; }

    /// <summary>Wait: TimestampPath.</summary>
    public string? TimestampPath { get; init; }

    /// <summary>Fail: Error.</summary>
    public string? Error { get; init; }

    /// <summary>Fail: Cause.</summary>
    public string? Cause { get; init; }

    /// <summary>Fail: ErrorPath (a path or an intrinsic).</summary>
    public string? ErrorPath { get; init; }

    /// <summary>Fail: CausePath (a path or an intrinsic).</summary>
    public string? CausePath { get; init; }

    /// <summary>Parallel: the branches.</summary>
    public IReadOnlyList<StateMachineDefinition> Branches { get; init; } = [];

    /// <summary>Map: ItemProcessor (or the legacy Iterator).</summary>
    public StateMachineDefinition? ItemProcessor { get; init; }

    /// <summary>Map: ItemsPath (default <c>$</c>).</summary>
    public string ItemsPath { get; init; } = "$";

    /// <summary>Map: ItemSelector.</summary>
    public JsonNode? ItemSelector { get; init; }

    /// <summary>Map: MaxConcurrency (0 = no limit).</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>Map: MaxConcurrencyPath.</summary>
    public string? MaxConcurrencyPath { get; init; }

    /// <summary>Map: ToleratedFailureCount.</summary>
    public int? ToleratedFailureCount { get; init; }

    /// <summary>Map: ToleratedFailurePercentage.</summary>
    public double? ToleratedFailurePercentage { get; init; }

    /// <summary>Map: ToleratedFailureCountPath.</summary>
    public string? ToleratedFailureCountPath { get; init; }

    /// <summary>Map: ToleratedFailurePercentagePath.</summary>
    public string? ToleratedFailurePercentagePath { get; init; }

    /// <summary>Map: true when <c>ItemProcessor.ProcessorConfig.Mode</c> is <c>DISTRIBUTED</c> (each item runs as a child workflow execution).</summary>
    public bool Distributed { get; init; }

    /// <summary>Distributed Map: <c>ProcessorConfig.ExecutionType</c>, the type of the child workflow executions.</summary>
    public Executions.WorkflowType ChildExecutionType { get; init; }

    /// <summary>Distributed Map: the ItemReader, or null when the items come from the state input.</summary>
    public ItemReaderDefinition? ItemReader { get; init; }

    /// <summary>Distributed Map: the ItemBatcher, or null (one item per child execution).</summary>
    public ItemBatcherDefinition? ItemBatcher { get; init; }

    /// <summary>Distributed Map: the ResultWriter, or null (results become the state's output).</summary>
    public ResultWriterDefinition? ResultWriter { get; init; }

    /// <summary>Distributed Map: the Label (part of the map run and child execution names), or null.</summary>
    public string? Label { get; init; }
}
