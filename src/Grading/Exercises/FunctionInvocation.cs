namespace Course.Grading.Exercises;

/// <summary>One invocation of the learner's function as the platform recorded it (not as the handler describes it).</summary>
/// <param name="RequestId">The invocation's request id.</param>
/// <param name="Payload">The response payload JSON (the error object when <paramref name="FunctionError"/> is set).</param>
/// <param name="FunctionError">Null on success; "Unhandled" when the handler threw or the runtime failed.</param>
/// <param name="ErrorType">The error type (e.g. <c>System.Text.Json.JsonException</c>, <c>Sandbox.Timedout</c>), or null.</param>
/// <param name="ErrorMessage">The error message, or null.</param>
/// <param name="Duration">Virtual duration of the invoke phase.</param>
/// <param name="ColdStart">True when this invocation ran INIT in a new execution environment.</param>
public sealed record FunctionInvocation(
    string RequestId,
    string Payload,
    string? FunctionError,
    string? ErrorType,
    string? ErrorMessage,
    TimeSpan Duration,
    bool ColdStart)
{
    /// <summary>True when the function ran and returned normally (not throttled, no function error).</summary>
    public bool Succeeded => FunctionError is null && !Throttled && StatusCode is >= 200 and < 300;

    /// <summary>The Invoke API's HTTP status (200 for a synchronous invoke that ran, 429 when throttled...); default 200.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>True when the invocation hit the function's timeout.</summary>
    public bool TimedOut { get; init; }

    /// <summary>True when the invocation was throttled (429) and never ran.</summary>
    public bool Throttled { get; init; }

    /// <summary>
    /// The error type as a learner can catch it: <see cref="ErrorType"/> itself when that type is public, else its
    /// nearest public base type (System.Text.Json's internal <c>JsonReaderException</c> → <c>JsonException</c>);
    /// null on success.
    /// </summary>
    public string? CatchableErrorType => ErrorType is null ? null : ErrorTypes.Catchable(ErrorType);

    /// <summary>
    /// How a failure message names the error: <c>JsonException</c>, or <c>JsonReaderException (internal; catch its
    /// public base type JsonException)</c>; null on success.
    /// </summary>
    public string? ErrorTypeForMessage => ErrorType is null ? null
        : CatchableErrorType == ErrorType ? ErrorType
        : $"{ErrorType} (an internal type; catch its public base type {CatchableErrorType})";
}
