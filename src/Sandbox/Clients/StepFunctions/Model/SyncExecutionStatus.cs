// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>A synchronous execution status (mirrors <c>Amazon.StepFunctions.SyncExecutionStatus</c>).</summary>
public sealed class SyncExecutionStatus : IEquatable<SyncExecutionStatus>
{
    /// <summary><c>SUCCEEDED</c>.</summary>
    public static readonly SyncExecutionStatus SUCCEEDED = new("SUCCEEDED");

    /// <summary><c>FAILED</c>.</summary>
    public static readonly SyncExecutionStatus FAILED = new("FAILED");

    /// <summary><c>TIMED_OUT</c>.</summary>
    public static readonly SyncExecutionStatus TIMED_OUT = new("TIMED_OUT");

    /// <summary>Creates a value.</summary>
    public SyncExecutionStatus(string value) => Value = value;

    /// <summary>The value as the API spells it.</summary>
    public string Value { get; }

    /// <summary>The value as a string.</summary>
    public static implicit operator string(SyncExecutionStatus value) => value?.Value;

    /// <summary>Equal values.</summary>
    public static bool operator ==(SyncExecutionStatus a, SyncExecutionStatus b) => a?.Value == b?.Value;

    /// <summary>Different values.</summary>
    public static bool operator !=(SyncExecutionStatus a, SyncExecutionStatus b) => !(a == b);

    /// <inheritdoc />
    public bool Equals(SyncExecutionStatus other) => other is not null && other.Value == Value;

    /// <inheritdoc />
    public override bool Equals(object obj) => obj is SyncExecutionStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <inheritdoc />
    public override string ToString() => Value;
}
