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
    /// <summary>True when the function returned normally.</summary>
    public bool Succeeded => FunctionError is null;
}
