using Course.Sandbox.Services.EventBridge.Schedules;

namespace Course.Sandbox.Services.EventBridge.Scheduler;

/// <summary>One EventBridge Scheduler schedule and the times it fired.</summary>
public sealed class EventSchedule
{
    internal EventSchedule(string name, string arn, ScheduleExpression expression, TimeZoneInfo timeZone, ScheduleOptions options)
    {
        Name = name;
        Arn = arn;
        Expression = expression;
        TimeZone = timeZone;
        Options = options;
    }

    /// <summary>The schedule name.</summary>
    public string Name { get; }

    /// <summary>The ARN, e.g. <c>arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly</c>.</summary>
    public string Arn { get; }

    /// <summary>The parsed expression.</summary>
    public ScheduleExpression Expression { get; }

    /// <summary>The zone the expression is read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The virtual times it fired, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Firings => FiringList;

    /// <summary>False once deleted.</summary>
    public bool Active { get; internal set; } = true;

    internal List<DateTimeOffset> FiringList { get; } = [];

    internal ScheduleOptions Options { get; }
}
