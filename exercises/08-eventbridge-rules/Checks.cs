using System.Globalization;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.EventBridge.Scheduler;

namespace ShopRouting.Checks;

/// <summary>
/// Checks for 08-eventbridge-rules. The learner's patterns (rules.yaml) become rules on the bus "shop", each with an
/// SQS queue as its target; held-out events go onto the bus and the checks compare what reached each queue with what
/// the routing rule says. The schedules become EventBridge Scheduler schedules targeting the function; the checks run
/// a year of virtual time and compare the firings (the platform's record) with the expected instants.
/// </summary>
public static class ShopRoutingChecks
{
    private sealed record Case(string Why, string Source, string DetailType, JsonObject Detail, bool Matches);

    [Check("high-value-orders")]
    public static void HighValueOrders(CheckContext ctx) => Route(ctx, "high-value-orders",
    [
        new("an OrderPlaced with total 1000", "shop.orders", "OrderPlaced", Order(1000m), true),
        new("an OrderPlaced with total 1000.01", "shop.orders", "OrderPlaced", Order(1000.01m), true),
        new("an OrderPlaced with total 25000", "shop.orders", "OrderPlaced", Order(25000m), true),
        new("an OrderPlaced with total 999.99", "shop.orders", "OrderPlaced", Order(999.99m), false),
        new("an OrderPlaced whose total is the string \"1500\"", "shop.orders", "OrderPlaced", new JsonObject { ["orderId"] = "o-9", ["total"] = "1500" }, false),
        new("an OrderPlaced without a total", "shop.orders", "OrderPlaced", new JsonObject { ["orderId"] = "o-8" }, false),
        new("an OrderCancelled with total 5000", "shop.orders", "OrderCancelled", Order(5000m), false),
        new("an OrderPlaced with total 5000 from shop.returns", "shop.returns", "OrderPlaced", Order(5000m), false),
    ]);

    [Check("payment-failures")]
    public static void PaymentFailures(CheckContext ctx) => Route(ctx, "payment-failures",
    [
        new("a PaymentFailed with reason card-declined", "shop.payments", "PaymentFailed", Payment("card-declined"), true),
        new("a RefundFailed without a reason", "shop.payments", "RefundFailed", Payment(null), true),
        new("a PaymentFailed with reason Test-Card (matching is case-sensitive)", "shop.payments", "PaymentFailed", Payment("Test-Card"), true),
        new("a PaymentFailed with reason test-card", "shop.payments", "PaymentFailed", Payment("test-card"), false),
        new("a PaymentSucceeded", "shop.payments", "PaymentSucceeded", Payment(null), false),
        new("a PaymentFailedRetry (does not end in Failed)", "shop.payments", "PaymentFailedRetry", Payment("timeout"), false),
        new("a PaymentFailed from shop.orders", "shop.orders", "PaymentFailed", Payment("card-declined"), false),
    ]);

    [Check("missing-email")]
    public static void MissingEmail(CheckContext ctx) => Route(ctx, "missing-email",
    [
        new("an OrderPlaced whose customer has no email", "shop.orders", "OrderPlaced", Customer(null), true),
        new("an OrderPlaced whose customer email is \"\"", "shop.orders", "OrderPlaced", Customer(""), true),
        new("an OrderPlaced without a customer at all", "shop.orders", "OrderPlaced", new JsonObject { ["orderId"] = "o-7" }, true),
        new("an OrderPlaced with email ana@example.com", "shop.orders", "OrderPlaced", Customer("ana@example.com"), false),
        new("an OrderCancelled without an email", "shop.orders", "OrderCancelled", Customer(null), false),
        new("an OrderPlaced without an email from shop.returns", "shop.returns", "OrderPlaced", Customer(null), false),
    ]);

    [Check("daily-report-schedule")]
    public static void DailyReport(CheckContext ctx)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var expected = Days(ctx).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => Local(d, 6, 30, berlin)).ToList();
        Schedule(ctx, "daily-report", expected, "06:30 Berlin time, Monday to Friday");
    }

    [Check("month-end-schedule")]
    public static void MonthEnd(CheckContext ctx)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var expected = Days(ctx).Where(d => d.AddDays(1).Day == 1).Select(d => Local(d, 23, 0, berlin)).ToList();
        Schedule(ctx, "month-end", expected, "23:00 Berlin time on the last day of each month");
    }

    private static void Route(CheckContext ctx, string rule, IReadOnlyList<Case> cases)
    {
        var pattern = ctx.Exercise.Trigger.Settings[rule];
        var events = ctx.Sim.Services.EventBridge;
        var bus = events.CreateEventBus("shop");
        var queue = ctx.Sim.Services.Sqs.CreateQueue(rule + "-target");
        try
        {
            events.PutRule(rule, eventPattern: pattern, eventBusName: bus.Name);
        }
        catch (EventBridgeException e)
        {
            throw new CheckFailedException($"PutRule {rule} refused the pattern {pattern}: {e.Message}", "a valid event pattern", "fix the pattern in rules.yaml; `./course events test-pattern --pattern p.json --event e.json` shows the reason too");
        }

        events.PutTargets(rule, [new RuleTarget { Id = "queue", Arn = queue.Arn }], bus.Name);
        var ids = cases.Select(c => (Case: c, Id: events.PutEvent(bus, c.Source, c.DetailType, c.Detail))).ToList();
        ctx.Sim.Run();

        var delivered = queue.Messages.Select(m => JsonNode.Parse(m.Body)!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var wrong = ids.Where(x => delivered.Contains(x.Id) != x.Case.Matches).ToList();
        ctx.Note($"{rule}: {ids.Count} held-out events, {delivered.Count} routed, {wrong.Count} wrong");
        CheckContext.Require(wrong.Count == 0,
            string.Join("; ", wrong.Select(w => $"{w.Case.Why} was {(w.Case.Matches ? "not routed" : "routed")}")),
            string.Join("; ", cases.Select(c => $"{c.Why}: {(c.Matches ? "routed" : "not routed")}")),
            $"adjust the {rule} pattern in rules.yaml; the rule for it is in README.md");
    }

    private static void Schedule(CheckContext ctx, string name, IReadOnlyList<DateTimeOffset> expected, string what)
    {
        var settings = ctx.Exercise.Trigger.Settings;
        EventSchedule schedule;
        try
        {
            schedule = ctx.Sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
            {
                Name = name,
                ScheduleExpression = settings[name],
                ScheduleExpressionTimezone = settings[name + "-timezone"],
                Target = new RuleTarget { Id = "fn", Arn = ctx.Function.Arn, Input = $"{{\"job\":\"{name}\"}}" },
            });
        }
        catch (Exception e) when (e is EventBridgeException or ArgumentException or TimeZoneNotFoundException)
        {
            throw new CheckFailedException($"CreateSchedule {name} refused {settings[name]} in {settings[name + "-timezone"]}: {e.Message}", $"a valid schedule firing at {what}", "fix the expression or the time zone in rules.yaml");
        }

        ctx.Sim.RunFor(TimeSpan.FromDays(365));
        var fired = schedule.Firings.ToList();
        var invoked = ctx.Sim.Lambda.Invocations.Count(r => r.FunctionName == ctx.FunctionName);
        var extra = fired.Except(expected).Take(3).ToList();
        var missing = expected.Except(fired).Take(3).ToList();
        ctx.Note($"{name}: {fired.Count} firings in a year (expected {expected.Count}), the function invoked {invoked} times");
        CheckContext.Require(extra.Count == 0 && missing.Count == 0,
            $"{settings[name]} in {settings[name + "-timezone"]} fired {fired.Count} times in {ctx.Sim.Options.Start:yyyy}" +
            (missing.Count > 0 ? $"; missing e.g. {string.Join(", ", missing.Select(Show))}" : "") +
            (extra.Count > 0 ? $"; unexpected e.g. {string.Join(", ", extra.Select(Show))}" : ""),
            $"{expected.Count} firings at {what} (e.g. {string.Join(", ", expected.Take(2).Select(Show))})",
            "check the cron fields (minutes hours day-of-month month day-of-week year) and set the schedule's time zone, so DST is followed");
    }

    /// <summary>Every day of the year the check runs, from the simulation's start.</summary>
    private static IEnumerable<DateOnly> Days(CheckContext ctx)
    {
        var first = DateOnly.FromDateTime(ctx.Sim.Options.Start.UtcDateTime);
        return Enumerable.Range(0, 365).Select(first.AddDays);
    }

    /// <summary>A local wall-clock time on a day in a time zone, as a UTC instant.</summary>
    private static DateTimeOffset Local(DateOnly day, int hour, int minute, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static string Show(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static JsonObject Order(decimal total) => new() { ["orderId"] = $"o-{(int)total}", ["total"] = total };

    private static JsonObject Payment(string? reason)
    {
        var detail = new JsonObject { ["paymentId"] = "p-1", ["amount"] = 42.5m };
        if (reason is not null)
        {
            detail["reason"] = reason;
        }

        return detail;
    }

    private static JsonObject Customer(string? email)
    {
        var customer = new JsonObject { ["id"] = "c-3" };
        if (email is not null)
        {
            customer["email"] = email;
        }

        return new JsonObject { ["orderId"] = "o-5", ["customer"] = customer };
    }
}
