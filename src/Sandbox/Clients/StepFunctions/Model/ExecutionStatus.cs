// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>An execution status (mirrors the constant class <c>Amazon.StepFunctions.ExecutionStatus</c>).</summary>
public sealed class ExecutionStatus : IEquatable<ExecutionStatus>
{
    /// <summary><c>RUNNING</c>.</summary>
    public static readonly ExecutionStatus RUNNING = new("RUNNING");

    /// <summary><c>SUCCEEDED</c>.</summary>
    public static readonly ExecutionStatus SUCCEEDED = new("SUCCEEDED");

    /// <summary><c>FAILED</c>.</summary>
    public static readonly ExecutionStatus FAILED = new("FAILED");

    /// <summary><c>TIMED_OUT</c>.</summary>
    public static readonly ExecutionStatus TIMED_OUT = new("TIMED_OUT");

    /// <summary><c>ABORTED</c>.</summary>
    public static readonly ExecutionStatus ABORTED = new("ABORTED");

    /// <summary>Creates a value.</summary>
    public ExecutionStatus(string value) => Value = value;

    /// <summary>The value as the API spells it.</summary>
    public string Value { get; }

    /// <summary>The value as a string.</summary>
    public static implicit operator string(ExecutionStatus value) => value?.Value;

    /// <summary>Equal values.</summary>
    public static bool operator ==(ExecutionStatus a, ExecutionStatus b) => a?.Value == b?.Value;

    /// <summary>Different values.</summary>
    public static bool operator !=(ExecutionStatus a, ExecutionStatus b) => !(a == b);

    /// <inheritdoc />
    public bool Equals(ExecutionStatus other) => other is not null && other.Value == Value;

    /// <inheritdoc />
    public override bool Equals(object obj) => obj is ExecutionStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <inheritdoc />
    public override string ToString() => Value;
}
