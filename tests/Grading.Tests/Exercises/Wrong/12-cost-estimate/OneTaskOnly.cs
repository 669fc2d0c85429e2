// expect-fail: fargate
// Prices the fleet as one task, whatever the task count.
using System.Text.Json.Serialization;
using Course.Lambda.Core;

namespace CostEstimate;

/// <summary>A workload to price: a month of Lambda requests, and the Fargate fleet it is compared with.</summary>
public sealed class Workload
{
    [JsonPropertyName("requests")] public long Requests { get; set; }
    [JsonPropertyName("durationMs")] public double DurationMs { get; set; }
    [JsonPropertyName("memoryMB")] public int MemoryMB { get; set; }
    [JsonPropertyName("architecture")] public string Architecture { get; set; } = "x86_64";
    [JsonPropertyName("freeTier")] public bool FreeTier { get; set; }
    [JsonPropertyName("fargate")] public FargateFleet Fargate { get; set; } = new();
}

/// <summary>Always-on Fargate tasks (Linux, x86).</summary>
public sealed class FargateFleet
{
    [JsonPropertyName("vcpu")] public double Vcpu { get; set; } = 0.25;
    [JsonPropertyName("memoryGB")] public double MemoryGB { get; set; } = 0.5;
    [JsonPropertyName("tasks")] public int Tasks { get; set; } = 1;
}

/// <summary>The estimate, in US dollars a month.</summary>
public sealed class Estimate
{
    [JsonPropertyName("lambdaRequests")] public decimal LambdaRequests { get; set; }
    [JsonPropertyName("lambdaDuration")] public decimal LambdaDuration { get; set; }
    [JsonPropertyName("lambdaTotal")] public decimal LambdaTotal { get; set; }
    [JsonPropertyName("fargateMonthly")] public decimal FargateMonthly { get; set; }
    [JsonPropertyName("crossoverRequests")] public long CrossoverRequests { get; set; }
}

public class Function
{
    // us-east-1 list prices (AWS Lambda and AWS Fargate pricing pages).
    private const decimal PerMillionRequests = 0.20m;
    private const long FreeRequests = 1_000_000;
    private const decimal FreeGbSeconds = 400_000m;
    private static readonly (decimal Size, decimal Price)[] X86 = [(6_000_000_000m, 0.0000166667m), (9_000_000_000m, 0.000015m), (decimal.MaxValue, 0.0000133334m)];
    private static readonly (decimal Size, decimal Price)[] Arm = [(7_500_000_000m, 0.0000133334m), (11_250_000_000m, 0.0000120001m), (decimal.MaxValue, 0.0000106667m)];
    private const decimal VcpuHour = 0.04048m, GbHour = 0.004445m, HoursPerMonth = 730m;

    public Estimate FunctionHandler(Workload w, ILambdaContext context)
    {
        var (requests, duration) = Lambda(w, w.Requests);
        var fargate = HoursPerMonth * (((decimal)w.Fargate.Vcpu * VcpuHour) + ((decimal)w.Fargate.MemoryGB * GbHour));
        return new Estimate
        {
            LambdaRequests = requests,
            LambdaDuration = duration,
            LambdaTotal = requests + duration,
            FargateMonthly = fargate,
            CrossoverRequests = Crossover(w, fargate),
        };
    }

    private static (decimal Requests, decimal Duration) Lambda(Workload w, long requests)
    {
        var billable = w.FreeTier ? Math.Max(0, requests - FreeRequests) : requests;
        var billedSeconds = Math.Ceiling((decimal)w.DurationMs) / 1000m;                  // rounded up to 1 ms
        var gbSeconds = requests * billedSeconds * w.MemoryMB / 1024m;
        if (w.FreeTier) gbSeconds = Math.Max(0, gbSeconds - FreeGbSeconds);
        decimal cost = 0, left = gbSeconds;
        foreach (var (size, price) in w.Architecture == "arm64" ? Arm : X86)
        {
            var inTier = Math.Min(left, size);
            cost += inTier * price;
            left -= inTier;
            if (left <= 0) break;
        }

        return (billable * PerMillionRequests / 1_000_000m, cost);
    }

    // The first request count at which Lambda costs more than the fleet: Lambda's cost only grows, so bisect.
    private static long Crossover(Workload w, decimal fargate)
    {
        long lo = 0, hi = 1;
        while (Total(w, hi) <= fargate) { lo = hi; hi *= 2; }
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Total(w, mid) <= fargate) lo = mid; else hi = mid;
        }

        return hi;
    }

    private static decimal Total(Workload w, long requests)
    {
        var (r, d) = Lambda(w, requests);
        return r + d;
    }
}
