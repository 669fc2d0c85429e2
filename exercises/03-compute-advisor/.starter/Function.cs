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
    // Decide in this order, and say which rule decided in "reason":
    // TODO task 1 ("gpu"): a workload that needs a GPU goes to "EC2".
    // TODO task 2 ("run-time"): one unit of work longer than Lambda's 900 seconds goes to a container:
    //              "ECS Express Mode" when it serves HTTP, "Fargate" otherwise.
    // TODO task 3 ("scale-to-zero"): idle 12 hours a day or more goes to "Lambda".
    // TODO task 4 ("sustained-traffic" / "cost"): otherwise compare a month of Lambda (requests x $0.20 per million
    //              + GB-seconds at $0.0000166667, the duration rounded up to 1 ms) with the Fargate fleet
    //              (tasks x 730 h x (vCPU x $0.04048 + GB x $0.004445)): Lambda dearer -> the container, else "Lambda".
    public Recommendation FunctionHandler(Workload w, ILambdaContext context)
    {
        return new Recommendation { Platform = "Lambda", Reason = "cost", Explanation = "TODO" };
    }
}
