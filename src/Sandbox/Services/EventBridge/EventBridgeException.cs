namespace Course.Sandbox.Services.EventBridge;

/// <summary>
/// An error the sandbox EventBridge returns, with AWS's error code and wording. Built only through the static
/// factories, so each code always carries the same kind of message.
/// </summary>
public sealed class EventBridgeException : Exception
{
    private EventBridgeException(string errorCode, int statusCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>AWS's error code, e.g. <c>ValidationException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status AWS answers with.</summary>
    public int StatusCode { get; }

    /// <summary>A parameter is out of range or malformed (HTTP 400).</summary>
    /// <param name="message">What is wrong, where, and the allowed values.</param>
    /// <returns>The exception.</returns>
    public static EventBridgeException Validation(string message) => new("ValidationException", 400, message);

    /// <summary>A value does not satisfy a constraint, in AWS's "1 validation error detected" form.</summary>
    /// <param name="value">The value given.</param>
    /// <param name="path">Where, e.g. <c>targets.1.member.retryPolicy.maximumRetryAttempts</c>.</param>
    /// <param name="constraint">The constraint, e.g. <c>Member must have value less than or equal to 185</c>.</param>
    /// <returns>The exception.</returns>
    public static EventBridgeException Constraint(string value, string path, string constraint) =>
        Validation($"1 validation error detected: Value '{value}' at '{path}' failed to satisfy constraint: {constraint}");

    /// <summary>An event pattern is not valid (HTTP 400, EB_01).</summary>
    /// <param name="message">The pattern compiler's message (<c>Event pattern is not valid. Reason: ...</c>).</param>
    /// <returns>The exception.</returns>
    public static EventBridgeException InvalidEventPattern(string message) => new("InvalidEventPatternException", 400, message);

    /// <summary>A bus, rule or schedule does not exist (HTTP 400).</summary>
    /// <param name="message">Which one.</param>
    /// <returns>The exception.</returns>
    public static EventBridgeException ResourceNotFound(string message) => new("ResourceNotFoundException", 400, message);

    /// <summary>A bus or schedule of that name already exists (HTTP 400).</summary>
    /// <param name="message">Which one.</param>
    /// <returns>The exception.</returns>
    public static EventBridgeException ResourceAlreadyExists(string message) => new("ResourceAlreadyExistsException", 400, message);

    /// <summary>A quota is exceeded, e.g. more than 5 targets on a rule (HTTP 400).</summary>
    /// <param name="message">Which quota.</param>
    /// <returns>The exception.</returns>
    public static EventBridgeException LimitExceeded(string message) => new("LimitExceededException", 400, message);
}
