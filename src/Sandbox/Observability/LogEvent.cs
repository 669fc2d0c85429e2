namespace Course.Sandbox.Observability;

/// <summary>One log line and the virtual time it was written.</summary>
/// <param name="Time">When it was written.</param>
/// <param name="Message">The line, without a trailing line break.</param>
public sealed record LogEvent(DateTimeOffset Time, string Message);
