using System.Globalization;
using Course.Sandbox.Services.EventBridge.Schedules;

namespace Course.Sandbox.Tests.Services.EventBridge.Schedules;

public sealed class ScheduleExpressionTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Next(string expression, string after) =>
        ScheduleExpression.Parse(expression).NextOccurrence(T(after))?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z' ddd", CultureInfo.InvariantCulture) ?? "none";

    [Theory]
    [InlineData("cron(0 12 * * ? *)", "2026-01-01T00:00:00Z", "2026-01-01T12:00:00Z Thu")]
    [InlineData("cron(0 12 * * ? *)", "2026-01-01T12:00:00Z", "2026-01-02T12:00:00Z Fri")]
    [InlineData("cron(15 10 ? * 6L 2026-2027)", "2026-01-01T00:00:00Z", "2026-01-30T10:15:00Z Fri")]
    [InlineData("cron(0 18 ? * MON-FRI *)", "2026-01-02T19:00:00Z", "2026-01-05T18:00:00Z Mon")]
    [InlineData("cron(0 8 1 * ? *)", "2026-01-01T09:00:00Z", "2026-02-01T08:00:00Z Sun")]
    [InlineData("cron(0/15 * * * ? *)", "2026-01-01T00:07:00Z", "2026-01-01T00:15:00Z Thu")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)", "2026-01-02T17:56:00Z", "2026-01-05T08:00:00Z Mon")]
    [InlineData("cron(0 9 ? * 2#1 *)", "2026-01-01T00:00:00Z", "2026-01-05T09:00:00Z Mon")]
    [InlineData("cron(0 9 ? * 3#2 *)", "2026-01-01T00:00:00Z", "2026-01-13T09:00:00Z Tue")]
    [InlineData("cron(0 9 ? * 1 *)", "2026-01-01T00:00:00Z", "2026-01-04T09:00:00Z Sun")]
    [InlineData("cron(0 9 ? * 7 *)", "2026-01-01T00:00:00Z", "2026-01-03T09:00:00Z Sat")]
    [InlineData("cron(0 9 ? * L *)", "2026-01-01T00:00:00Z", "2026-01-03T09:00:00Z Sat")]
    [InlineData("cron(0 0 L * ? *)", "2026-02-01T00:00:00Z", "2026-02-28T00:00:00Z Sat")]
    [InlineData("cron(0 0 LW * ? *)", "2026-01-01T00:00:00Z", "2026-01-30T00:00:00Z Fri")]
    [InlineData("cron(0 0 3W * ? *)", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z Fri")]
    [InlineData("cron(0 0 1 JAN,JUL ? *)", "2026-01-02T00:00:00Z", "2026-07-01T00:00:00Z Wed")]
    [InlineData("cron(0 0 1 1 ? 2030)", "2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z Tue")]
    [InlineData("cron(0 0 1 1 ? 2026/4)", "2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z Tue")]
    [InlineData("cron(0 0 29 2 ? 2026-2027)", "2026-01-01T00:00:00Z", "none")]
    [InlineData("cron(0 0 * * ? 2025)", "2026-01-01T00:00:00Z", "none")]
    [InlineData("cron(0 9 ? * WED *)", "2026-01-01T00:00:00Z", "2026-01-07T09:00:00Z Wed")]
    [InlineData("cron(0 9 ? * 4/2 *)", "2026-01-02T10:00:00Z", "2026-01-07T09:00:00Z Wed")]
    [InlineData("cron(0 9 ? * 6/2 *)", "2026-01-03T10:00:00Z", "2026-01-09T09:00:00Z Fri")]
    [InlineData("cron(0 9 ? * MON/3 *)", "2026-01-05T10:00:00Z", "2026-01-08T09:00:00Z Thu")]
    [InlineData("cron(0 9 ? * */3 *)", "2026-01-07T10:00:00Z", "2026-01-10T09:00:00Z Sat")]
    [InlineData("cron(59 23 31 12 ? 2199)", "2199-12-31T23:58:00Z", "2199-12-31T23:59:00Z Tue")]
    public void EB_03_Cron_NextOccurrence_FollowsAwsFields(string expression, string after, string expected) =>
        Assert.Equal(expected, Next(expression, after));

    [Theory]
    [InlineData("cron(0 12 * * *)", "exactly 6 fields")]
    [InlineData("cron(0 12 * * ? * *)", "exactly 6 fields")]
    [InlineData("cron(0 12 * * * *)", "must be ?")]
    [InlineData("cron(0 12 1 * MON *)", "must be ?")]
    [InlineData("cron(0 12 ? * ? *)", "only one of day-of-month and day-of-week may be ?")]
    [InlineData("cron(60 12 * * ? *)", "minutes 0-59")]
    [InlineData("cron(0 24 * * ? *)", "hours 0-23")]
    [InlineData("cron(0 12 32 * ? *)", "day-of-month 1-31")]
    [InlineData("cron(0 12 * 13 ? *)", "month 1-12")]
    [InlineData("cron(0 12 ? * 8 *)", "day-of-week \"8\" is out of range")]
    [InlineData("cron(0 12 ? * 0 *)", "day-of-week \"0\" is out of range")]
    [InlineData("cron(0 12 ? * FUN *)", "day-of-week \"FUN\" is out of range")]
    [InlineData("cron(0 12 * * ? 1969)", "year \"1969\" is out of range")]
    [InlineData("cron(0 12 * * ? 2200)", "year \"2200\" is out of range")]
    [InlineData("cron(0 12 * * ? 2030-2026)", "runs backwards")]
    [InlineData("cron(0 12 ? * 2#6 *)", "n 1-5")]
    [InlineData("cron(L 12 * * ? *)", "minutes field allows only")]
    [InlineData("cron(0 12 ? * 2W *)", "W is allowed only in day-of-month")]
    [InlineData("rate(1 minutes)", "rate(1 minute)")]
    [InlineData("rate(5 minute)", "rate(5 minutes)")]
    [InlineData("rate(0 minutes)", "positive whole number")]
    [InlineData("rate(-1 minutes)", "positive whole number")]
    [InlineData("rate(1.5 hours)", "positive whole number")]
    [InlineData("rate(30 seconds)", "unknown rate unit \"seconds\"")]
    [InlineData("rate(5)", "a value and a unit")]
    [InlineData("at(2026-03-01 09:30:00)", "at(yyyy-mm-ddThh:mm:ss)")]
    [InlineData("at(2026-03-01T09:30:00Z)", "at(yyyy-mm-ddThh:mm:ss)")]
    [InlineData("every 5 minutes", "expected cron(")]
    public void EB_03_InvalidExpression_IsRejectedWithClearReason(string expression, string reason)
    {
        var error = Assert.Throws<InvalidScheduleExpressionException>(() => ScheduleExpression.Parse(expression));
        Assert.StartsWith("Parameter ScheduleExpression is not valid.", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(expression, error.Expression);
    }

    [Theory]
    [InlineData("rate(1 minute)", 1)]
    [InlineData("rate(5 minutes)", 5)]
    [InlineData("rate(1 hour)", 60)]
    [InlineData("rate(12 hours)", 720)]
    [InlineData("rate(1 day)", 1440)]
    [InlineData("rate(7 days)", 10080)]
    public void EB_03_Rate_IntervalInMinutes(string expression, int minutes)
    {
        var rate = Assert.IsType<RateSchedule>(ScheduleExpression.Parse(expression));
        Assert.Equal(TimeSpan.FromMinutes(minutes), rate.Interval);
        Assert.Equal(T("2026-01-01T00:00:00Z").AddMinutes(minutes), rate.NextOccurrence(T("2026-01-01T00:00:00Z")));
    }

    [Fact]
    public void EB_03_MinimumOneMinute_NoScheduleFiresTwiceWithinAMinute()
    {
        foreach (var expression in new[] { "cron(* * * * ? *)", "rate(1 minute)" })
        {
            var times = ScheduleExpression.Parse(expression).NextOccurrences(T("2026-01-01T00:00:30Z"), 10);
            Assert.Equal(10, times.Count);
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(1), pair.Second - pair.First));
        }

        Assert.All(ScheduleExpression.Parse("cron(* * * * ? *)").NextOccurrences(T("2026-01-01T00:00:30Z"), 5), t => Assert.Equal(0, t.Second));
    }

    [Fact]
    public void EB_03_At_FiresOnceInUtcOrItsZone()
    {
        var at = Assert.IsType<AtSchedule>(ScheduleExpression.Parse("at(2026-03-01T09:30:00)"));
        Assert.Equal(T("2026-03-01T09:30:00Z"), at.NextOccurrence(T("2026-01-01T00:00:00Z")));
        Assert.Null(at.NextOccurrence(T("2026-03-01T09:30:00Z")));

        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(T("2026-03-01T14:30:00Z"), at.NextOccurrence(T("2026-01-01T00:00:00Z"), newYork));
        Assert.Single(at.NextOccurrences(T("2026-01-01T00:00:00Z"), 5));
    }

    [Fact]
    public void EB_03_Cron_InTimeZone_ReadsFieldsInLocalTimeAcrossDaylightSaving()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var cron = ScheduleExpression.Parse("cron(0 9 * * ? *)");

        Assert.Equal(T("2026-03-07T14:00:00Z"), cron.NextOccurrence(T("2026-03-07T00:00:00Z"), newYork)); // EST, UTC-5
        Assert.Equal(T("2026-03-09T13:00:00Z"), cron.NextOccurrence(T("2026-03-09T00:00:00Z"), newYork)); // EDT, UTC-4
        Assert.Equal(TimeSpan.Zero, cron.NextOccurrence(T("2026-03-09T00:00:00Z"), newYork)!.Value.Offset);
    }

    [Fact]
    public void EB_03_Cron_YearInZone_UsesLocalYear()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var cron = ScheduleExpression.Parse("cron(0 0 1 1 ? 2027)");

        Assert.Equal(T("2026-12-31T15:00:00Z"), cron.NextOccurrence(T("2026-06-01T00:00:00Z"), tokyo));
    }
}
