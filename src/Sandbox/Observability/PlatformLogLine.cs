using System.Globalization;
using System.Text;

namespace Course.Sandbox.Observability;

/// <summary>
/// What Lambda writes about one invocation (START, END, REPORT and the timeout line), kept as numbers and
/// formatted in AWS's exact layout on demand (ENV_05). It also writes the details of the invocation's start and
/// end trace entries when they are read.
/// </summary>
internal sealed class PlatformLogLine : ITraceDetail
{
    public required string RequestId { get; init; }
    public DateTimeOffset End { get; set; }
    public TimeSpan Duration { get; set; }
    public long BilledMs { get; set; }
    public int MemorySize { get; init; }
    public int MemoryUsed { get; init; }
    public TimeSpan? InitDuration { get; init; }
    public bool SnapStart { get; init; }
    public bool TimedOut { get; set; }
    public bool Failed { get; set; }
    public TimeSpan Timeout { get; init; }

    public string Format(PlatformLogPart part) => part switch
    {
        PlatformLogPart.Start => $"START RequestId: {RequestId} Version: $LATEST",
        PlatformLogPart.End => $"END RequestId: {RequestId}",
        PlatformLogPart.TimedOut => string.Create(CultureInfo.InvariantCulture, $"{LogStream.Timestamp(End)} {RequestId} Task timed out after {Timeout.TotalSeconds:0.00} seconds"),
        _ => Report(),
    };

    private string Report()
    {
        var sb = new StringBuilder(200);
        sb.Append(CultureInfo.InvariantCulture, $"REPORT RequestId: {RequestId}\tDuration: {Ms(Duration)} ms\tBilled Duration: {BilledMs} ms\tMemory Size: {MemorySize} MB\tMax Memory Used: {MemoryUsed} MB");
        if (InitDuration is { } init)
        {
            sb.Append(SnapStart
                ? $"\tRestore Duration: {Ms(init)} ms\tBilled Restore Duration: {(long)Math.Ceiling(init.TotalMilliseconds - 1e-9)} ms"
                : $"\tInit Duration: {Ms(init)} ms");
        }
        if (TimedOut)
        {
            sb.Append("\tStatus: timeout");
        }
        else if (Failed)
        {
            sb.Append("\tStatus: error\tError Type: Runtime.Unhandled");
        }
        return sb.ToString();
    }

    /// <summary>The detail of the invocation's <see cref="TraceKind.InvokeStart"/> or successful <see cref="TraceKind.InvokeEnd"/> entry.</summary>
    public string Format(TraceEvent entry) => entry.Kind == TraceKind.InvokeStart
        ? string.Create(CultureInfo.InvariantCulture,
            $"{(InitDuration is null ? "warm" : "cold")} start in {entry.EnvironmentId}{(entry.Attempt > 1 ? $", attempt {entry.Attempt}" : "")}")
        : string.Create(CultureInfo.InvariantCulture, $"ok in {Ms(Duration)} ms (billed {BilledMs} ms)");

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);
}
