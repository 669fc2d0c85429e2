using System.Globalization;

namespace Course.Sandbox.Services.EventBridge.Schedules;

/// <summary>
/// <c>rate(value unit)</c>: fires every <see cref="Interval"/>. The unit is singular for 1 (<c>rate(1 minute)</c>)
/// and plural otherwise (<c>rate(5 minutes)</c>), as AWS validates; the shortest rate is one minute.
/// Occurrences count from the previous one (the first from when the rule was created).
/// </summary>
public sealed class RateSchedule : ScheduleExpression
{
    private RateSchedule(string expression, int value, string unit, TimeSpan interval) : base(expression)
    {
        Value = value;
        Unit = unit;
        Interval = interval;
    }

    /// <summary>The number of units.</summary>
    public int Value { get; }

    /// <summary>The unit as written: minute(s), hour(s) or day(s).</summary>
    public string Unit { get; }

    /// <summary>The time between occurrences.</summary>
    public TimeSpan Interval { get; }

    internal static RateSchedule Create(string expression, string body)
    {
        var parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            throw new InvalidScheduleExpressionException(expression, "a rate needs a value and a unit, such as rate(5 minutes)");
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new InvalidScheduleExpressionException(expression,
                $"the rate value must be a positive whole number, not \"{parts[0]}\"; the shortest rate is rate(1 minute)");
        }

        var unit = parts[1];
        var singular = unit.TrimEnd('s');
        var one = singular switch
        {
            "minute" => TimeSpan.FromMinutes(1),
            "hour" => TimeSpan.FromHours(1),
            "day" => TimeSpan.FromDays(1),
            _ => throw new InvalidScheduleExpressionException(expression, $"unknown rate unit \"{unit}\"; use minute(s), hour(s) or day(s)"),
        };

        var expected = value == 1 ? singular : singular + "s";
        if (unit != expected)
        {
            throw new InvalidScheduleExpressionException(expression,
                value == 1 ? $"a value of 1 takes the singular unit: rate(1 {singular})" : $"a value above 1 takes the plural unit: rate({value} {singular}s)");
        }

        return new RateSchedule(expression, value, unit, one * value);
    }

    /// <inheritdoc />
    public override DateTimeOffset? NextOccurrence(DateTimeOffset after, TimeZoneInfo? timeZone = null) =>
        after.ToUniversalTime() + Interval;
}
