using System.Text.Json;
using Course.Sandbox.Functions;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.EventBridge.Scheduler;

namespace Course.Sandbox.Tests.Services.EventBridge.Scheduler;

public class EventBridgeSchedulerTests
{
    private static readonly DateTimeOffset T0 = TestHandlers.T0;   // Thursday 2026-01-01

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void EB_03_ScheduledRule_WeekdayNoon_FiresExactlyOnWeekdaysOverAWeek()
    {
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("ticks", new Dictionary<string, string> { ["MessageRetentionPeriod"] = "1209600" });
        var rule = sim.Services.EventBridge.PutRule("weekday-noon", scheduleExpression: "cron(0 12 ? * MON-FRI *)");
        sim.Services.EventBridge.PutTargets("weekday-noon", [new RuleTarget { Id = "q", Arn = queue.Arn }]);

        sim.RunFor(TimeSpan.FromDays(7));

        DateTimeOffset[] expected = [Utc(1, 12), Utc(2, 12), Utc(5, 12), Utc(6, 12), Utc(7, 12)];
        Assert.Equal(expected, rule.Firings);
        Assert.Equal(expected, queue.Messages.Select(m => m.SentTimestamp));
        using var first = JsonDocument.Parse(queue.Messages[0].Body);
        Assert.Equal("Scheduled Event", first.RootElement.GetProperty("detail-type").GetString());
        Assert.Equal("aws.events", first.RootElement.GetProperty("source").GetString());
        Assert.Equal("2026-01-01T12:00:00Z", first.RootElement.GetProperty("time").GetString());
        Assert.Equal(rule.Arn, first.RootElement.GetProperty("resources")[0].GetString());
        Assert.Equal(JsonValueKind.Object, first.RootElement.GetProperty("detail").ValueKind);
    }

    [Fact]
    public void EB_03_ScheduledRule_Rate_CountsFromCreation_AndStopsWhenDisabled()
    {
        var sim = TestHandlers.Sim();
        sim.RunFor(TimeSpan.FromSeconds(30));
        var queue = sim.Services.Sqs.CreateQueue("ticks");
        var rule = sim.Services.EventBridge.PutRule("every-5", scheduleExpression: "rate(5 minutes)");
        sim.Services.EventBridge.PutTargets("every-5", [new RuleTarget { Id = "q", Arn = queue.Arn }]);

        sim.RunFor(TimeSpan.FromMinutes(16));
        sim.Services.EventBridge.SetRuleState("every-5", enabled: false);
        sim.RunFor(TimeSpan.FromMinutes(30));

        Assert.Equal([T0.AddSeconds(330), T0.AddSeconds(630), T0.AddSeconds(930)], rule.Firings);
        Assert.Equal(3, queue.Messages.Count);
    }

    [Fact]
    public void EB_03_Scheduler_Rate_InvokesTheFunction_OnTheVirtualClock()
    {
        var sim = TestHandlers.Sim();
        var seen = new List<string>();
        var fn = sim.Lambda.Deploy(new FunctionOptions { FunctionName = "report" }, Course.Sandbox.Hosting.HandlerFactory.FromDelegate((Dictionary<string, string> e, Course.Lambda.Core.ILambdaContext c) =>
        {
            seen.Add(e["report"]);
            return "ok";
        }));
        var schedule = sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "reports",
            ScheduleExpression = "rate(10 minutes)",
            Target = new RuleTarget { Arn = fn.Arn, Input = """{"report":"daily"}""" },
        });

        sim.RunFor(TimeSpan.FromMinutes(35));

        Assert.Equal([T0.AddMinutes(10), T0.AddMinutes(20), T0.AddMinutes(30)], schedule.Firings);
        Assert.Equal([T0.AddMinutes(10), T0.AddMinutes(20), T0.AddMinutes(30)], sim.Trace.OfKind(TraceKind.AsyncQueued).Select(e => e.Time));
        Assert.Equal(["daily", "daily", "daily"], seen);
    }

    [Fact]
    public void EB_03_Scheduler_CronAndAt_AreReadInTheScheduleTimeZone()
    {
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("q");
        var nine = sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "nine-in-new-york",
            ScheduleExpression = "cron(0 9 * * ? *)",
            ScheduleExpressionTimezone = "America/New_York",
            Target = new RuleTarget { Arn = queue.Arn },
        });
        var once = sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "once-in-paris",
            ScheduleExpression = "at(2026-01-01T09:30:00)",
            ScheduleExpressionTimezone = "Europe/Paris",
            Target = new RuleTarget { Arn = queue.Arn, Input = "{\"once\":true}" },
        });

        sim.RunFor(TimeSpan.FromDays(2));

        Assert.Equal([Utc(1, 14), Utc(2, 14)], nine.Firings);   // 09:00 EST = 14:00 UTC
        Assert.Equal([Utc(1, 8, 30)], once.Firings);            // 09:30 CET = 08:30 UTC, once
        Assert.Equal(3, queue.Messages.Count);
    }

    [Fact]
    public void EB_03_Scheduler_StartAndEndDates_BoundTheFirings_DeleteStopsIt()
    {
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("q");
        var bounded = sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "bounded",
            ScheduleExpression = "cron(0 * * * ? *)",
            StartDate = Utc(1, 2),
            EndDate = Utc(1, 4),
            Target = new RuleTarget { Arn = queue.Arn },
        });
        var deleted = sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "deleted",
            ScheduleExpression = "rate(1 hour)",
            Target = new RuleTarget { Arn = queue.Arn },
        });

        sim.RunFor(TimeSpan.FromMinutes(90));
        sim.Services.EventBridge.Scheduler.DeleteSchedule("deleted");
        sim.RunFor(TimeSpan.FromHours(10));

        Assert.Equal([Utc(1, 2), Utc(1, 3), Utc(1, 4)], bounded.Firings);
        Assert.Equal([Utc(1, 1)], deleted.Firings);
    }

    [Fact]
    public void EB_02_Scheduler_FailingTarget_RetriesThenDlq()
    {
        var sim = TestHandlers.Sim();
        var dlq = sim.Services.Sqs.CreateQueue("scheduler-dlq");
        sim.Services.EventBridge.TargetFaults.ErrorRate = 1;
        sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "once",
            ScheduleExpression = "at(2026-01-01T01:00:00)",
            Target = new RuleTarget
            {
                Arn = "arn:aws:lambda:us-east-1:123456789012:function:any",
                DeadLetterArn = dlq.Arn,
                RetryPolicy = new EventBridgeRetryPolicy { MaximumRetryAttempts = 2 },
            },
        });

        sim.RunFor(TimeSpan.FromHours(2));

        Assert.Equal([Utc(1, 1), Utc(1, 1).AddSeconds(1), Utc(1, 1).AddSeconds(3)], sim.Trace.OfKind(TraceKind.Throttle).Select(e => e.Time));
        var dead = Assert.Single(dlq.Messages);
        Assert.Equal(Utc(1, 1).AddSeconds(3), dead.SentTimestamp);
        Assert.Equal("{}", dead.Body);
        Assert.Equal("arn:aws:scheduler:us-east-1:123456789012:schedule/default/once", dead.MessageAttributes["RULE_ARN"].StringValue);
    }

    [Theory]
    [InlineData("cron(0 12 * * * *)", "ValidationException")]
    [InlineData("rate(0 minutes)", "ValidationException")]
    public void CreateSchedule_InvalidExpression_IsValidationException(string expression, string code)
    {
        var sim = TestHandlers.Sim();
        var e = Assert.Throws<EventBridgeException>(() => sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "bad",
            ScheduleExpression = expression,
            Target = new RuleTarget { Arn = "arn:aws:sqs:us-east-1:123456789012:q" },
        }));
        Assert.Equal(code, e.ErrorCode);
        Assert.StartsWith("Parameter ScheduleExpression is not valid.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateSchedule_BadTimeZoneOrDates_AreValidationExceptions()
    {
        var scheduler = TestHandlers.Sim().Services.EventBridge.Scheduler;
        var target = new RuleTarget { Arn = "arn:aws:sqs:us-east-1:123456789012:q" };
        Assert.Contains("Invalid time zone", Assert.Throws<EventBridgeException>(() => scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "a", ScheduleExpression = "rate(1 hour)", ScheduleExpressionTimezone = "Mars/Olympus", Target = target,
        })).Message, StringComparison.Ordinal);
        Assert.Equal("The EndDate must be later than the StartDate.", Assert.Throws<EventBridgeException>(() => scheduler.CreateSchedule(new ScheduleOptions
        {
            Name = "b", ScheduleExpression = "rate(1 hour)", StartDate = Utc(2, 0), EndDate = Utc(1, 0), Target = target,
        })).Message);
    }
}
