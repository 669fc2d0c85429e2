using System.Globalization;

namespace Course.Sandbox.Observability;

/// <summary>One execution environment's CloudWatch log stream: lines in the order written, each with its virtual time.</summary>
public sealed class LogStream
{
    private readonly List<LogEvent> _events = [];

    internal LogStream(string groupName, string name)
    {
        GroupName = groupName;
        Name = name;
    }

    /// <summary>The log group (<c>/aws/lambda/&lt;function&gt;</c>).</summary>
    public string GroupName { get; }

    /// <summary>The stream name (<c>yyyy/MM/dd/[$LATEST]&lt;id&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>The lines written so far.</summary>
    public IReadOnlyList<LogEvent> Events => _events;

    internal void Append(DateTimeOffset time, string message) => _events.Add(new LogEvent(time, message));

    internal void Append(DateTimeOffset time, PlatformLogLine line, PlatformLogPart part) => _events.Add(new LogEvent(time, line, part));

    /// <summary>Lambda's timestamp format in log lines, e.g. <c>2026-01-01T00:00:00.123Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
