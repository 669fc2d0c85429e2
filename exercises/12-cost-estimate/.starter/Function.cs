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
    // TODO task 1: price a month of Lambda - $0.20 per million requests, GB-seconds (memory in GB x billed seconds,
    //              the duration rounded up to 1 ms) at $0.0000166667 for the first 6 billion GB-s on x86_64
    //              ($0.000015 for the next 9 billion, $0.0000133334 above); arm64 is $0.0000133334 for the first 7.5
    //              billion ($0.0000120001 for the next 11.25 billion, $0.0000106667 above).
    // TODO task 2: when FreeTier is true, the first 1,000,000 requests and 400,000 GB-s of the month are free.
    // TODO task 3: price the Fargate fleet: tasks x 730 hours x (vCPU x $0.04048 + GB x $0.004445).
    // TODO task 4: the crossover: the smallest number of requests a month at which this Lambda function costs more
    //              than the Fargate fleet.
    public Estimate FunctionHandler(Workload w, ILambdaContext context)
    {
        return new Estimate();
    }
}
