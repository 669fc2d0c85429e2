using System.Globalization;

namespace Course.Sandbox.Services.EventBridge.Schedules;

/// <summary><c>at(yyyy-mm-ddThh:mm:ss)</c>: a one-time schedule (EventBridge Scheduler), read in the schedule's time zone.</summary>
public sealed class AtSchedule : ScheduleExpression
{
    private AtSchedule(string expression, DateTime localTime) : base(expression) => LocalTime = localTime;

    /// <summary>The date and time as written, without a zone.</summary>
    public DateTime LocalTime { get; }

    internal static AtSchedule Create(string expression, string body)
    {
        if (!DateTime.TryParseExact(body, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new InvalidScheduleExpressionException(expression,
                "a one-time schedule is at(yyyy-mm-ddThh:mm:ss) with no zone or fraction, such as at(2026-03-01T09:30:00)");
        }

        return new AtSchedule(expression, DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
    }

    /// <summary>The instant the schedule fires, reading <see cref="LocalTime"/> in <paramref name="timeZone"/>.</summary>
    /// <param name="timeZone">The schedule's zone; the default is UTC.</param>
    /// <returns>The instant, offset zero; a time skipped by a daylight-saving change moves to the first valid minute after it.</returns>
    public DateTimeOffset At(TimeZoneInfo? timeZone = null)
    {
        var zone = timeZone ?? TimeZoneInfo.Utc;
        var local = LocalTime;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1); // a wall-clock time skipped by a daylight-saving change fires when the clock resumes
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <inheritdoc />
    public override DateTimeOffset? NextOccurrence(DateTimeOffset after, TimeZoneInfo? timeZone = null)
    {
        var at = At(timeZone);
        return at > after ? at : null;
    }
}
