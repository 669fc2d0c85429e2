// expect-fail: missing-email
// exists: false alone: an empty email is not routed (the handler is right; see ExistsOnly.rules.yaml)
using Course.Lambda.Core;

namespace ShopRouting;

/// <summary>What EventBridge Scheduler passes to the function: the schedule's Input, here {"job":"daily-report"}.</summary>
public sealed class ScheduledJob
{
    /// <summary>Which job to run.</summary>
    public string? Job { get; set; }
}

/// <summary>The scheduled jobs of the shop: the weekday report and the month-end close.</summary>
public class Function
{
    public string FunctionHandler(ScheduledJob job, ILambdaContext context)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin);
        context.Logger.LogInformation($"running {job.Job} at {now:yyyy-MM-dd HH:mm} Berlin time");
        return job.Job switch
        {
            "daily-report" => "report sent",
            "month-end" => "month closed",
            _ => throw new ArgumentException($"unknown job '{job.Job}'"),
        };
    }
}
