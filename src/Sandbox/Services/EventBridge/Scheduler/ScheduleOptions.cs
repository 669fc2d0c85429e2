namespace Course.Sandbox.Services.EventBridge.Scheduler;

/// <summary>What <c>CreateSchedule</c> takes (EventBridge Scheduler).</summary>
public sealed class ScheduleOptions
{
    /// <summary>The schedule name, 1–64 letters, digits, <c>.</c>, <c>-</c>, <c>_</c>. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>cron(…)</c>, <c>rate(…)</c> or <c>at(yyyy-mm-ddThh:mm:ss)</c>. Required.</summary>
    public string ScheduleExpression { get; set; } = "";

    /// <summary>The IANA time zone cron and at expressions are read in. <value>The default is <c>UTC</c>.</value></summary>
    public string ScheduleExpressionTimezone { get; set; } = "UTC";

    /// <summary>No occurrence before this. <value>The default is none.</value></summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>No occurrence after this. <value>The default is none.</value></summary>
    public DateTimeOffset? EndDate { get; set; }

    /// <summary>The target; its <see cref="RuleTarget.Input"/> is the payload (<c>{}</c> when null), its retry policy and
    /// dead-letter queue apply. Required.</summary>
    public RuleTarget Target { get; set; } = new();
}
