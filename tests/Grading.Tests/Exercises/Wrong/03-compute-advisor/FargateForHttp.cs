// expect-fail: sustained-traffic
// Sends sustained HTTP traffic to plain Fargate instead of ECS Express Mode.
using System.Text.Json.Serialization;
using Course.Lambda.Core;

namespace ComputeAdvisor;

/// <summary>A workload to place.</summary>
public sealed class Workload
{
    [JsonPropertyName("maxRunSeconds")] public double MaxRunSeconds { get; set; }
    [JsonPropertyName("gpu")] public bool Gpu { get; set; }
    [JsonPropertyName("http")] public bool Http { get; set; }
    [JsonPropertyName("idleHoursPerDay")] public double IdleHoursPerDay { get; set; }
    [JsonPropertyName("requestsPerMonth")] public long RequestsPerMonth { get; set; }
    [JsonPropertyName("averageDurationMs")] public double AverageDurationMs { get; set; }
    [JsonPropertyName("memoryMB")] public int MemoryMB { get; set; } = 512;
    [JsonPropertyName("fargate")] public FargateFleet Fargate { get; set; } = new();
}

/// <summary>The always-on Fargate fleet (Linux, x86) that would carry the load instead.</summary>
public sealed class FargateFleet
{
    [JsonPropertyName("vcpu")] public double Vcpu { get; set; } = 0.25;
    [JsonPropertyName("memoryGB")] public double MemoryGB { get; set; } = 0.5;
    [JsonPropertyName("tasks")] public int Tasks { get; set; } = 1;
}

/// <summary>Where to run it, and the rule that decided.</summary>
public sealed class Recommendation
{
    [JsonPropertyName("platform")] public string Platform { get; set; } = "";
    [JsonPropertyName("reason")] public string Reason { get; set; } = "";
    [JsonPropertyName("explanation")] public string Explanation { get; set; } = "";
}

public class Function
{
    private const double LambdaMaxRunSeconds = 900;   // 15 minutes per invocation
    private const double IdleHoursForLambda = 12;
    private const decimal PerMillionRequests = 0.20m;
    private static readonly (decimal Size, decimal Price)[] X86 = [(6_000_000_000m, 0.0000166667m), (9_000_000_000m, 0.000015m), (decimal.MaxValue, 0.0000133334m)];
    private const decimal VcpuHour = 0.04048m, GbHour = 0.004445m, HoursPerMonth = 730m;

    public Recommendation FunctionHandler(Workload w, ILambdaContext context)
    {
        if (w.Gpu) return Recommend("EC2", "gpu", "Lambda and Fargate offer no GPUs; EC2 has GPU instance families.");
        var container = w.Http ? "ECS Express Mode" : "Fargate";
        if (w.MaxRunSeconds > LambdaMaxRunSeconds)
            return Recommend(container, "run-time", $"a unit of work runs {w.MaxRunSeconds:0} s, longer than Lambda's 900 s limit.");
        if (w.IdleHoursPerDay >= IdleHoursForLambda)
            return Recommend("Lambda", "scale-to-zero", $"idle {w.IdleHoursPerDay:0} hours a day: Lambda bills nothing while idle, a fleet bills every hour.");
        var lambda = LambdaMonthly(w);
        var fleet = w.Fargate.Tasks * HoursPerMonth * (((decimal)w.Fargate.Vcpu * VcpuHour) + ((decimal)w.Fargate.MemoryGB * GbHour));
        return lambda > fleet
            ? Recommend("Fargate", "sustained-traffic", $"sustained traffic: Lambda ${lambda:0.00} a month against ${fleet:0.00} for the fleet.")
            : Recommend("Lambda", "cost", $"Lambda ${lambda:0.00} a month, the fleet ${fleet:0.00}.");
    }

    private static decimal LambdaMonthly(Workload w)
    {
        var gbSeconds = w.RequestsPerMonth * (Math.Ceiling((decimal)w.AverageDurationMs) / 1000m) * w.MemoryMB / 1024m;
        decimal compute = 0, left = gbSeconds;
        foreach (var (size, price) in X86)
        {
            var inTier = Math.Min(left, size);
            compute += inTier * price;
            left -= inTier;
            if (left <= 0) break;
        }

        return (w.RequestsPerMonth * PerMillionRequests / 1_000_000m) + compute;
    }

    private static Recommendation Recommend(string platform, string reason, string why) =>
        new() { Platform = platform, Reason = reason, Explanation = why };
}
