namespace Course.Sandbox.Observability;

/// <summary>
/// One log line and the virtual time it was written. The platform's own lines (START, END, REPORT) are kept as
/// data and turned into text only when <see cref="Message"/> is first read.
/// </summary>
public sealed class LogEvent
{
    private readonly PlatformLogLine? _line;
    private readonly PlatformLogPart _part;
    private string? _message;

    internal LogEvent(DateTimeOffset time, string message)
    {
        Time = time;
        _message = message;
    }

    internal LogEvent(DateTimeOffset time, PlatformLogLine line, PlatformLogPart part)
    {
        Time = time;
        _line = line;
        _part = part;
    }

    /// <summary>When it was written.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The line, without a trailing line break.</summary>
    public string Message => _message ??= _line!.Format(_part);

    /// <inheritdoc />
    public override string ToString() => Message;
}
