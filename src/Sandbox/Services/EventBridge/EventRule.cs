using Course.Sandbox.Services.EventBridge.Patterns;
using Course.Sandbox.Services.EventBridge.Schedules;

namespace Course.Sandbox.Services.EventBridge;

/// <summary>A rule: an event pattern or a schedule expression, and up to five targets.</summary>
public sealed class EventRule
{
    internal EventRule(string name, string arn, EventBus bus, EventPattern? pattern, ScheduleExpression? schedule)
    {
        Name = name;
        Arn = arn;
        Bus = bus;
        Pattern = pattern;
        Schedule = schedule;
    }

    /// <summary>The rule name.</summary>
    public string Name { get; }

    /// <summary>The rule ARN, e.g. <c>arn:aws:events:us-east-1:123456789012:rule/orders</c> (custom buses add the bus name).</summary>
    public string Arn { get; }

    /// <summary>The bus the rule belongs to.</summary>
    public EventBus Bus { get; }

    /// <summary>The compiled event pattern, or null for a scheduled rule.</summary>
    public EventPattern? Pattern { get; }

    /// <summary>The schedule, or null for a pattern rule.</summary>
    public ScheduleExpression? Schedule { get; }

    /// <summary>Whether the rule is <c>ENABLED</c>. <value>The default is true.</value></summary>
    public bool Enabled { get; internal set; } = true;

    /// <summary>The targets, in the order they were put.</summary>
    public IReadOnlyList<RuleTarget> Targets => TargetList;

    internal List<RuleTarget> TargetList { get; } = [];

    /// <summary>The virtual times a scheduled rule fired, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Firings => FiringList;

    internal List<DateTimeOffset> FiringList { get; } = [];

    internal int Generation { get; set; }
}
