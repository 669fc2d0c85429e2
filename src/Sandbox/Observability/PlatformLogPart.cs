namespace Course.Sandbox.Observability;

/// <summary>Which of Lambda's own lines about an invocation a <see cref="LogEvent"/> is.</summary>
internal enum PlatformLogPart : byte
{
    Start,
    TimedOut,
    End,
    Report,
}
