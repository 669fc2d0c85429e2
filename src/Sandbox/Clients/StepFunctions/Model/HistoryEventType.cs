// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>A history event type (mirrors <c>Amazon.StepFunctions.HistoryEventType</c>); any type the engine writes is accepted.</summary>
public sealed class HistoryEventType : IEquatable<HistoryEventType>
{
    /// <summary><c>ExecutionStarted</c>.</summary>
    public static readonly HistoryEventType ExecutionStarted = new("ExecutionStarted");

    /// <summary><c>ExecutionSucceeded</c>.</summary>
    public static readonly HistoryEventType ExecutionSucceeded = new("ExecutionSucceeded");

    /// <summary><c>ExecutionFailed</c>.</summary>
    public static readonly HistoryEventType ExecutionFailed = new("ExecutionFailed");

    /// <summary><c>ExecutionTimedOut</c>.</summary>
    public static readonly HistoryEventType ExecutionTimedOut = new("ExecutionTimedOut");

    /// <summary><c>ExecutionAborted</c>.</summary>
    public static readonly HistoryEventType ExecutionAborted = new("ExecutionAborted");

    /// <summary><c>TaskStateEntered</c>.</summary>
    public static readonly HistoryEventType TaskStateEntered = new("TaskStateEntered");

    /// <summary><c>TaskStateExited</c>.</summary>
    public static readonly HistoryEventType TaskStateExited = new("TaskStateExited");

    /// <summary><c>PassStateEntered</c>.</summary>
    public static readonly HistoryEventType PassStateEntered = new("PassStateEntered");

    /// <summary><c>PassStateExited</c>.</summary>
    public static readonly HistoryEventType PassStateExited = new("PassStateExited");

    /// <summary><c>TaskScheduled</c>.</summary>
    public static readonly HistoryEventType TaskScheduled = new("TaskScheduled");

    /// <summary><c>TaskStarted</c>.</summary>
    public static readonly HistoryEventType TaskStarted = new("TaskStarted");

    /// <summary><c>TaskSucceeded</c>.</summary>
    public static readonly HistoryEventType TaskSucceeded = new("TaskSucceeded");

    /// <summary><c>TaskFailed</c>.</summary>
    public static readonly HistoryEventType TaskFailed = new("TaskFailed");

    /// <summary><c>LambdaFunctionScheduled</c>.</summary>
    public static readonly HistoryEventType LambdaFunctionScheduled = new("LambdaFunctionScheduled");

    /// <summary><c>LambdaFunctionStarted</c>.</summary>
    public static readonly HistoryEventType LambdaFunctionStarted = new("LambdaFunctionStarted");

    /// <summary><c>LambdaFunctionSucceeded</c>.</summary>
    public static readonly HistoryEventType LambdaFunctionSucceeded = new("LambdaFunctionSucceeded");

    /// <summary><c>LambdaFunctionFailed</c>.</summary>
    public static readonly HistoryEventType LambdaFunctionFailed = new("LambdaFunctionFailed");

    /// <summary><c>MapStateStarted</c>.</summary>
    public static readonly HistoryEventType MapStateStarted = new("MapStateStarted");

    /// <summary><c>MapIterationStarted</c>.</summary>
    public static readonly HistoryEventType MapIterationStarted = new("MapIterationStarted");

    /// <summary><c>MapIterationSucceeded</c>.</summary>
    public static readonly HistoryEventType MapIterationSucceeded = new("MapIterationSucceeded");

    /// <summary><c>MapIterationFailed</c>.</summary>
    public static readonly HistoryEventType MapIterationFailed = new("MapIterationFailed");

    /// <summary>Creates a value.</summary>
    public HistoryEventType(string value) => Value = value;

    /// <summary>The value as the API spells it.</summary>
    public string Value { get; }

    /// <summary>The value as a string.</summary>
    public static implicit operator string(HistoryEventType value) => value?.Value;

    /// <summary>Equal values.</summary>
    public static bool operator ==(HistoryEventType a, HistoryEventType b) => a?.Value == b?.Value;

    /// <summary>Different values.</summary>
    public static bool operator !=(HistoryEventType a, HistoryEventType b) => !(a == b);

    /// <inheritdoc />
    public bool Equals(HistoryEventType other) => other is not null && other.Value == Value;

    /// <inheritdoc />
    public override bool Equals(object obj) => obj is HistoryEventType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <inheritdoc />
    public override string ToString() => Value;
}
