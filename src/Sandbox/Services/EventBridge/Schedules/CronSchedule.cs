using System.Globalization;
using Cronos;

namespace Course.Sandbox.Services.EventBridge.Schedules;

/// <summary>
/// <c>cron(minutes hours day-of-month month day-of-week year)</c> with AWS's rules: exactly six fields;
/// <c>?</c> in exactly one of day-of-month and day-of-week; <c>L</c>, <c>W</c> (day-of-month) and <c>L</c>, <c>#</c>
/// (day-of-week); ranges, lists and steps; JAN-DEC and SUN-SAT names; day-of-week numbers 1-7 with 1 = Sunday;
/// years 1970-2199. The first five fields are evaluated by Cronos, the year field here.
/// </summary>
public sealed class CronSchedule : ScheduleExpression
{
    private const int MinYear = 1970;
    private const int MaxYear = 2199;
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private readonly CronExpression _fiveFields;
    private readonly bool[] _years;

    private CronSchedule(string expression, CronExpression fiveFields, bool[] years) : base(expression)
    {
        _fiveFields = fiveFields;
        _years = years;
    }

    internal static CronSchedule Create(string expression, string body)
    {
        var fields = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw Invalid(expression, $"cron needs exactly 6 fields (minutes hours day-of-month month day-of-week year), found {fields.Length}");
        }

        var (minutes, hours, dayOfMonth, month, dayOfWeek, year) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        if ((dayOfMonth == "?") == (dayOfWeek == "?"))
        {
            throw Invalid(expression, dayOfMonth == "?"
                ? "only one of day-of-month and day-of-week may be ?"
                : "one of day-of-month or day-of-week must be ? (you cannot set both); for example cron(0 12 * * ? *) or cron(0 12 ? * MON-FRI *)");
        }

        var dayOfWeekWithoutNames = DayNames.Aggregate(dayOfWeek.ToUpperInvariant(), (text, name) => text.Replace(name, "", StringComparison.Ordinal));
        if (dayOfWeekWithoutNames.Contains('W', StringComparison.Ordinal) || dayOfMonth.Contains('#', StringComparison.Ordinal))
        {
            throw Invalid(expression, "W is allowed only in day-of-month and # only in day-of-week");
        }

        foreach (var (name, field) in new[] { ("minutes", minutes), ("hours", hours), ("month", month) })
        {
            if (field.IndexOfAny(['?', 'L', 'W', '#']) >= 0 && !(name == "month" && ContainsMonthName(field)))
            {
                throw Invalid(expression, $"the {name} field allows only numbers and , - * /");
            }
        }

        var cronosText = string.Join(' ', minutes, hours, dayOfMonth, month, ConvertDayOfWeek(expression, dayOfWeek));
        CronExpression parsed;
        try
        {
            parsed = CronExpression.Parse(cronosText, CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw Invalid(expression, e.Message.Replace("The given cron expression has an invalid format. ", "", StringComparison.Ordinal).TrimEnd('.') + "; fields are minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 1-7 or SUN-SAT");
        }

        return new CronSchedule(expression, parsed, ParseYears(expression, year));
    }

    /// <inheritdoc />
    public override DateTimeOffset? NextOccurrence(DateTimeOffset after, TimeZoneInfo? timeZone = null)
    {
        var zone = timeZone ?? TimeZoneInfo.Utc;
        var from = after.ToUniversalTime();
        while (true)
        {
            var next = _fiveFields.GetNextOccurrence(from, zone, inclusive: false);
            if (next is null)
            {
                return null;
            }

            var localYear = TimeZoneInfo.ConvertTime(next.Value, zone).Year;
            if (localYear > MaxYear)
            {
                return null;
            }

            if (_years[localYear - MinYear])
            {
                return next.Value.ToUniversalTime();
            }

            var nextYear = Array.IndexOf(_years, true, localYear - MinYear + 1);
            if (nextYear < 0)
            {
                return null;
            }

            var startOfYear = new DateTime(MinYear + nextYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(startOfYear, zone), TimeSpan.Zero).AddTicks(-1);
        }
    }

    private static bool ContainsMonthName(string field) =>
        field.Split(',', '-', '/').All(part => part.Length == 0 || part == "*" || int.TryParse(part, out _) ||
            DateTimeFormatInfo.InvariantInfo.AbbreviatedMonthNames.Any(m => m.Length > 0 && string.Equals(m, part, StringComparison.OrdinalIgnoreCase)));

    /// <summary>AWS numbers Sunday 1 to Saturday 7; Cronos numbers Sunday 0 to Saturday 6. Names pass through.</summary>
    private static string ConvertDayOfWeek(string expression, string field)
    {
        if (field is "?" or "*")
        {
            return field;
        }

        if (field == "L")
        {
            return "SAT"; // L alone is the last day of the week
        }

        return string.Join(',', field.Split(',').Select(item =>
        {
            if (item.Contains('#', StringComparison.Ordinal))
            {
                var hash = item.Split('#');
                if (hash.Length != 2 || !int.TryParse(hash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) || nth is < 1 or > 5)
                {
                    throw Invalid(expression, $"\"{item}\" in day-of-week: use day#n with n 1-5, such as 3#2 (the second Tuesday)");
                }

                return ConvertDay(expression, hash[0]) + "#" + hash[1];
            }

            if (item.EndsWith('L') && item.Length > 1)
            {
                return ConvertDay(expression, item[..^1]) + "L";
            }

            var slash = item.Split('/');
            if (slash.Length > 2)
            {
                throw Invalid(expression, $"\"{item}\" in day-of-week has more than one /");
            }

            var range = slash[0] == "*" ? "*" : string.Join('-', slash[0].Split('-').Select(d => ConvertDay(expression, d)));
            if (slash.Length == 1)
            {
                return range;
            }

            // A stepped day-of-week ends at Saturday (AWS 7); Cronos would run on to its 7 (= Sunday again).
            return (range == "*" ? "0-6" : range.Contains('-', StringComparison.Ordinal) ? range : range + "-6") + "/" + slash[1];
        }));
    }

    /// <summary>An AWS day (1-7 or SUN-SAT) as a Cronos day number (0-6).</summary>
    private static string ConvertDay(string expression, string day)
    {
        var named = Array.FindIndex(DayNames, n => string.Equals(n, day, StringComparison.OrdinalIgnoreCase));
        if (named >= 0)
        {
            return named.ToString(CultureInfo.InvariantCulture);
        }

        return int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 7
            ? (number - 1).ToString(CultureInfo.InvariantCulture)
            : throw Invalid(expression, $"day-of-week \"{day}\" is out of range: use 1-7 (1 = SUN) or SUN-SAT");
    }

    private static bool[] ParseYears(string expression, string field)
    {
        var allowed = new bool[MaxYear - MinYear + 1];
        foreach (var item in field.Split(','))
        {
            var slash = item.Split('/');
            if (slash.Length > 2 || item.Length == 0)
            {
                throw Invalid(expression, $"\"{item}\" is not a valid year item; use *, 2026, 2026-2030, 2026,2028 or 2026/2");
            }

            int from, to;
            if (slash[0] == "*")
            {
                (from, to) = (MinYear, MaxYear);
            }
            else
            {
                var bounds = slash[0].Split('-');
                if (bounds.Length > 2)
                {
                    throw Invalid(expression, $"\"{item}\" is not a valid year range");
                }

                from = Year(expression, bounds[0]);
                to = bounds.Length == 2 ? Year(expression, bounds[1]) : (slash.Length == 2 ? MaxYear : from);
                if (to < from)
                {
                    throw Invalid(expression, $"year range {slash[0]} runs backwards");
                }
            }

            var step = 1;
            if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                throw Invalid(expression, $"year step \"{slash[1]}\" must be a positive whole number");
            }

            for (var y = from; y <= to; y += step)
            {
                allowed[y - MinYear] = true;
            }
        }

        return allowed;
    }

    private static int Year(string expression, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear
            ? year
            : throw Invalid(expression, $"year \"{text}\" is out of range: use {MinYear}-{MaxYear}");

    private static InvalidScheduleExpressionException Invalid(string expression, string reason) => new(expression, reason);
}
