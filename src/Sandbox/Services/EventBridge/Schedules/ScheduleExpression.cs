namespace Course.Sandbox.Services.EventBridge.Schedules;

/// <summary>
/// An EventBridge schedule expression: <c>cron(minutes hours day-of-month month day-of-week year)</c>,
/// <c>rate(value unit)</c> or the one-time <c>at(yyyy-mm-ddThh:mm:ss)</c>. Parse once, then ask for occurrences.
/// </summary>
public abstract class ScheduleExpression
{
    private protected ScheduleExpression(string expression) => Expression = expression;

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>Parses <paramref name="expression"/>.</summary>
    /// <param name="expression">A <c>cron(...)</c>, <c>rate(...)</c> or <c>at(...)</c> expression.</param>
    /// <returns>A <see cref="CronSchedule"/>, <see cref="RateSchedule"/> or <see cref="AtSchedule"/>.</returns>
    /// <exception cref="InvalidScheduleExpressionException">The expression is not valid; the message says why.</exception>
    public static ScheduleExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Trim();
        if (text.StartsWith("cron(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return CronSchedule.Create(expression, text[5..^1]);
        }

        if (text.StartsWith("rate(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return RateSchedule.Create(expression, text[5..^1]);
        }

        if (text.StartsWith("at(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return AtSchedule.Create(expression, text[3..^1]);
        }

        throw new InvalidScheduleExpressionException(expression,
            "expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss), " +
            "for example cron(0 12 * * ? *) or rate(5 minutes)");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC, or null when there is none.</summary>
    /// <param name="after">The instant to search from (exclusive).</param>
    /// <param name="timeZone">The zone the expression's fields are read in; the default is UTC (EventBridge rules always use UTC).</param>
    /// <returns>The next occurrence (offset zero), or null if the schedule never fires again.</returns>
    public abstract DateTimeOffset? NextOccurrence(DateTimeOffset after, TimeZoneInfo? timeZone = null);

    /// <summary>Up to <paramref name="count"/> successive occurrences after <paramref name="after"/>.</summary>
    /// <param name="after">The instant to search from (exclusive).</param>
    /// <param name="count">How many occurrences at most.</param>
    /// <param name="timeZone">The zone the expression's fields are read in; the default is UTC.</param>
    /// <returns>The occurrences in order, fewer if the schedule ends.</returns>
    public IReadOnlyList<DateTimeOffset> NextOccurrences(DateTimeOffset after, int count, TimeZoneInfo? timeZone = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new List<DateTimeOffset>(count);
        var from = after;
        while (result.Count < count && NextOccurrence(from, timeZone) is { } next)
        {
            result.Add(next);
            from = next;
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => Expression;
}
