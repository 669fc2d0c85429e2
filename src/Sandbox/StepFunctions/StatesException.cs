namespace Course.Sandbox.StepFunctions;

/// <summary>
/// An error raised while a state machine runs: the <see cref="Error"/> name (a <c>States.*</c> name or a task's own
/// error type) and its <see cref="Cause"/>, as they appear in the execution's history and in a Catch's error output.
/// </summary>
public sealed class StatesException : Exception
{
    /// <summary>Creates an error named <paramref name="error"/> with <paramref name="cause"/>.</summary>
    public StatesException(string? error, string? cause) : base(cause ?? error ?? "The state machine failed.")
    {
        Error = error;
        Cause = cause;
    }

    /// <summary>The error name matched by Retry and Catch <c>ErrorEquals</c> (a Fail state may leave it out: null).</summary>
    public string? Error { get; }

    /// <summary>The human-readable cause, or <see langword="null"/>.</summary>
    public string? Cause { get; }

    /// <summary>True when a Fail state raised it (it ends its branch without Retry or Catch).</summary>
    internal bool FromFailState { get; init; }

    /// <summary>True for the errors no Retry or Catch handles and no Parallel or Map contains: they fail the execution.</summary>
    internal bool IsTerminal => Error is StatesErrors.Runtime or StatesErrors.DataLimitExceeded;
}
