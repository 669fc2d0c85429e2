using System.Globalization;
using Course.Sandbox.Services.EventBridge.Schedules;
using CsCheck;

namespace Course.Sandbox.Tests.Services.EventBridge.Schedules;

/// <summary>
/// Random AWS cron expressions checked against an independent minute-by-minute evaluator written from the AWS
/// field rules (day-of-week 1 = Sunday), so the Cronos translation and the year field are tested from outside.
/// </summary>
public sealed class CronSchedulePropertyTests
{
    private sealed record Field(string Text, Func<int, bool> Allows);

    private sealed record DayField(string Text, Func<DateTime, bool> Allows);

    /// <summary>Day-of-month: a plain field, or L (last day of the month).</summary>
    private static DayField RandomDayOfMonth(Random r)
    {
        switch (r.Next(8))
        {
            case 0:
                return new DayField("L", t => t.Day == DateTime.DaysInMonth(t.Year, t.Month));
            case 1:
                return new DayField("LW", t => t.Day == NearestWeekday(t.Year, t.Month, DateTime.DaysInMonth(t.Year, t.Month)));
            case 2:
                {
                    var n = r.Next(1, 29);
                    return new DayField($"{n}W", t => t.Day == NearestWeekday(t.Year, t.Month, n));
                }
        }

        var field = RandomField(r, 1, 31);
        return new DayField(field.Text, t => field.Allows(t.Day));
    }

    /// <summary>The weekday nearest to day <paramref name="n"/> without leaving the month (the W rule).</summary>
    private static int NearestWeekday(int year, int month, int n)
    {
        var last = DateTime.DaysInMonth(year, month);
        return new DateTime(year, month, n, 0, 0, 0, DateTimeKind.Utc).DayOfWeek switch
        {
            DayOfWeek.Saturday => n == 1 ? 3 : n - 1,
            DayOfWeek.Sunday => n == last ? n - 2 : n + 1,
            _ => n,
        };
    }

    /// <summary>Day-of-week (1 = SUN): a plain field, a name, nL (last such day of the month) or n#k (k-th such day).</summary>
    private static DayField RandomDayOfWeek(Random r)
    {
        static int Aws(DateTime t) => (int)t.DayOfWeek + 1;
        var day = r.Next(1, 8);
        switch (r.Next(6))
        {
            case 0:
                return new DayField($"{day}L", t => Aws(t) == day && t.Day + 7 > DateTime.DaysInMonth(t.Year, t.Month));
            case 1:
                {
                    var k = r.Next(1, 6);
                    return new DayField($"{day}#{k}", t => Aws(t) == day && (t.Day - 1) / 7 + 1 == k);
                }

            case 2:
                {
                    string[] names = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
                    return new DayField(names[day - 1], t => Aws(t) == day);
                }

            default:
                {
                    var field = RandomField(r, 1, 7);
                    return new DayField(field.Text, t => field.Allows(Aws(t)));
                }
        }
    }

    private static Field RandomField(Random r, int min, int max)
    {
        switch (r.Next(5))
        {
            case 0:
                return new Field("*", _ => true);
            case 1:
                {
                    var v = r.Next(min, max + 1);
                    return new Field(v.ToString(CultureInfo.InvariantCulture), x => x == v);
                }

            case 2:
                {
                    var a = r.Next(min, max + 1);
                    var b = r.Next(a, max + 1);
                    return new Field($"{a}-{b}", x => x >= a && x <= b);
                }

            case 3:
                {
                    var start = r.Next(min, max + 1);
                    var step = r.Next(1, Math.Max(2, (max - min) / 2));
                    return new Field($"{start}/{step}", x => x >= start && (x - start) % step == 0);
                }

            default:
                {
                    var values = Enumerable.Range(0, r.Next(2, 4)).Select(_ => r.Next(min, max + 1)).Distinct().Order().ToArray();
                    return new Field(string.Join(',', values), values.Contains);
                }
        }
    }

    [Fact]
    public void EB_03_Property_CronAgreesWithMinuteByMinuteEvaluation()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            var minute = RandomField(r, 0, 59);
            var hour = RandomField(r, 0, 23);
            var month = RandomField(r, 1, 12);
            var useDayOfWeek = r.Next(2) == 0;
            var dayOfMonth = useDayOfWeek ? new DayField("?", _ => true) : RandomDayOfMonth(r);
            var dayOfWeek = useDayOfWeek ? RandomDayOfWeek(r) : new DayField("?", _ => true);
            var year = r.Next(3) switch
            {
                0 => new Field("*", _ => true),
                1 => new Field("2026-2027", y => y is 2026 or 2027),
                _ => new Field("2027", y => y == 2027),
            };
            var expression = $"cron({minute.Text} {hour.Text} {dayOfMonth.Text} {month.Text} {dayOfWeek.Text} {year.Text})";
            var schedule = ScheduleExpression.Parse(expression);

            bool Fires(DateTime t) =>
                minute.Allows(t.Minute) && hour.Allows(t.Hour) && dayOfMonth.Allows(t) && month.Allows(t.Month) &&
                dayOfWeek.Allows(t) && year.Allows(t.Year);

            var after = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(r.Next(0, 60 * 24 * 365));
            var actual = schedule.NextOccurrence(after);

            // Scan minute by minute (in whole days) up to the end of 2027, stopping at the first firing minute.
            DateTimeOffset? expected = null;
            var limit = new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var t = after.UtcDateTime.AddMinutes(1).AddSeconds(-after.Second); t < limit; t = t.AddMinutes(1))
            {
                if (!dayOfMonth.Allows(t) || !month.Allows(t.Month) || !dayOfWeek.Allows(t) || !year.Allows(t.Year))
                {
                    t = t.Date.AddDays(1).AddMinutes(-1);
                    continue;
                }

                if (Fires(t))
                {
                    expected = new DateTimeOffset(t, TimeSpan.Zero);
                    break;
                }
            }

            if (expected is null)
            {
                Assert.True(actual is null || actual.Value.UtcDateTime >= limit, $"{expression} after {after:O}: expected none, got {actual:O}");
            }
            else
            {
                Assert.True(expected == actual, $"{expression} after {after:O}: expected {expected:O}, got {actual:O}");
            }
        }, iter: 300);
    }
}
