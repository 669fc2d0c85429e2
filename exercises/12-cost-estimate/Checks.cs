using System.Globalization;
using System.Text.Json;
using Course.Grading.Exercises;
using Course.Sandbox.Functions;
using Course.Sandbox.Pricing;

namespace CostEstimate.Checks;

/// <summary>
/// Checks for 12-cost-estimate. Each check sends workload profiles the learner has not seen (drawn from the check's
/// seeded random source, plus fixed cases such as the guide's 1M × 200 ms × 512 MB row) and compares the handler's
/// estimate with the engine's cost model (<see cref="CostModel"/>, <see cref="PriceSheet.UsEast1"/>) within 1 %.
/// </summary>
public static class CostEstimateChecks
{
    private static readonly CostModel Model = new(PriceSheet.UsEast1);

    private sealed record Profile(long Requests, double DurationMs, int MemoryMB, bool Arm, bool FreeTier, double Vcpu, double MemoryGB, int Tasks)
    {
        public string Json() => string.Create(CultureInfo.InvariantCulture,
            $"{{\"requests\":{Requests},\"durationMs\":{DurationMs},\"memoryMB\":{MemoryMB},\"architecture\":\"{(Arm ? "arm64" : "x86_64")}\",\"freeTier\":{(FreeTier ? "true" : "false")},\"fargate\":{{\"vcpu\":{Vcpu},\"memoryGB\":{MemoryGB},\"tasks\":{Tasks}}}}}");

        public CostSummary Lambda(long? requests = null) =>
            Model.Estimate(requests ?? Requests, TimeSpan.FromMilliseconds(DurationMs), MemoryMB, Arm ? Architecture.Arm64 : Architecture.X86_64, FreeTier);

        public decimal Fargate() => Model.Fargate(Vcpu, MemoryGB, tasks: Tasks);
    }

    [Check("lambda-x86")]
    public static async Task LambdaX86(CheckContext ctx)
    {
        var profiles = new List<Profile>
        {
            new(1_000_000, 200, 512, false, false, 0.25, 0.5, 1),            // the guide's row: $0.20 + $1.67 = $1.87
            new(3_000_000_000, 2_000, 2_048, false, false, 0.25, 0.5, 1),    // 12 billion GB-s: the second duration tier
        };
        profiles.AddRange(Random(ctx, 4, arm: false, freeTier: false));
        foreach (var p in profiles)
        {
            var e = await Estimate(ctx, p);
            var m = p.Lambda();
            Near(p, "lambdaRequests", e.GetProperty("lambdaRequests").GetDecimal(), m.RequestCost, "$0.20 per million requests");
            Near(p, "lambdaDuration", e.GetProperty("lambdaDuration").GetDecimal(), m.ComputeCost, "GB-seconds (memory in GB × the duration rounded up to 1 ms, in seconds) priced by the x86_64 tiers");
            Near(p, "lambdaTotal", e.GetProperty("lambdaTotal").GetDecimal(), m.Total, "requests + duration");
        }
    }

    [Check("lambda-arm64")]
    public static async Task LambdaArm64(CheckContext ctx)
    {
        foreach (var p in Random(ctx, 5, arm: true, freeTier: false))
        {
            var e = await Estimate(ctx, p);
            var m = p.Lambda();
            Near(p, "lambdaDuration", e.GetProperty("lambdaDuration").GetDecimal(), m.ComputeCost, "arm64 GB-seconds at $0.0000133334 (first 7.5 billion a month), not the x86_64 price");
            Near(p, "lambdaTotal", e.GetProperty("lambdaTotal").GetDecimal(), m.Total, "requests + arm64 duration");
        }
    }

    [Check("free-tier")]
    public static async Task FreeTier(CheckContext ctx)
    {
        var profiles = new List<Profile>
        {
            new(1_000_000, 200, 512, false, true, 0.25, 0.5, 1),             // inside both allowances: $0
            new(3_000_000, 120, 1_024, false, true, 0.25, 0.5, 1),           // 360,000 GB-s free, 2 M requests billed: $0.40
            new(500_000, 1_500, 1_024, false, true, 0.25, 0.5, 1),           // requests free, 350,000 GB-s billed
        };
        profiles.AddRange(Random(ctx, 3, arm: false, freeTier: true));
        foreach (var p in profiles)
        {
            var e = await Estimate(ctx, p);
            Near(p, "lambdaTotal", e.GetProperty("lambdaTotal").GetDecimal(), p.Lambda().Total,
                "the month's bill after the free tier: the first 1,000,000 requests and 400,000 GB-s are free");
        }
    }

    [Check("fargate")]
    public static async Task Fargate(CheckContext ctx)
    {
        var profiles = new List<Profile> { new(1_000_000, 200, 512, false, false, 0.25, 0.5, 1) };   // $9.01
        var sizes = new[] { (0.25, 0.5), (0.5, 1.0), (1.0, 2.0), (2.0, 4.0), (4.0, 8.0), (1.0, 3.0) };
        for (var i = 0; i < 5; i++)
        {
            var (vcpu, gb) = sizes[ctx.Random.Next(sizes.Length)];
            profiles.Add(new(1_000_000, 100, 512, false, false, vcpu, gb, ctx.Random.Next(2, 40)));
        }

        foreach (var p in profiles)
        {
            var e = await Estimate(ctx, p);
            Near(p, "fargateMonthly", e.GetProperty("fargateMonthly").GetDecimal(), p.Fargate(),
                "tasks × 730 hours × (vCPU × $0.04048 + GB × $0.004445)");
        }
    }

    [Check("crossover")]
    public static async Task Crossover(CheckContext ctx)
    {
        var profiles = new List<Profile> { new(1_000_000, 200, 512, false, false, 0.25, 0.5, 1) };   // about 4.83 M
        var sizes = new[] { (0.25, 0.5), (0.5, 1.0), (1.0, 2.0), (2.0, 4.0) };
        foreach (var p in Random(ctx, 4, arm: false, freeTier: false))
        {
            var (vcpu, gb) = sizes[ctx.Random.Next(sizes.Length)];
            profiles.Add(p with { Vcpu = vcpu, MemoryGB = gb, Tasks = 1 });
        }

        foreach (var p in profiles)
        {
            var e = await Estimate(ctx, p);
            var expected = Model.Crossover(p.Fargate(), TimeSpan.FromMilliseconds(p.DurationMs), p.MemoryMB, Architecture.X86_64, p.FreeTier);
            var got = e.GetProperty("crossoverRequests").GetInt64();
            CheckContext.Require(Math.Abs(got - expected) <= expected * 0.01,
                observed: $"for {p.Json()} the handler answered crossoverRequests = {got:N0}",
                expected: $"{expected:N0} (±1 %): the first monthly request count at which requests + duration cost more than the fleet's ${p.Fargate():0.00}",
                nextStep: "count both Lambda charges, requests and duration, when you look for the request count where Lambda overtakes the fleet (bisect, or divide the fleet's cost by Lambda's cost per request)");
        }
    }

    private static List<Profile> Random(CheckContext ctx, int count, bool arm, bool freeTier)
    {
        var memories = new[] { 128, 256, 512, 1_024, 1_769, 3_008, 10_240 };
        var list = new List<Profile>();
        for (var i = 0; i < count; i++)
        {
            var requests = (long)Math.Round(Math.Pow(10, 5 + (ctx.Random.NextDouble() * 3)));        // 100K – 100M: the first duration tier
            var duration = Math.Round(5 + (ctx.Random.NextDouble() * 3_000), 1);                     // fractional ms
            list.Add(new(requests, duration, memories[ctx.Random.Next(memories.Length)], arm, freeTier, 0.25, 0.5, 1));
        }

        return list;
    }

    private static async Task<JsonElement> Estimate(CheckContext ctx, Profile p)
    {
        var result = await ctx.InvokeAsync(p.Json());
        CheckContext.Require(result.Succeeded,
            observed: $"the handler failed on {p.Json()}: {result.ErrorType} {result.ErrorMessage}",
            expected: "an estimate object",
            nextStep: "return an Estimate for every workload; do not throw");
        return JsonDocument.Parse(result.Payload).RootElement.Clone();
    }

    private static void Near(Profile p, string field, decimal got, decimal expected, string rule) =>
        CheckContext.Require(Math.Abs(got - expected) <= Math.Max(0.005m, Math.Abs(expected) * 0.01m),
            observed: $"for {p.Json()} the handler answered {field} = ${got:0.######}",
            expected: $"${expected:0.######} (±1 %), from the engine's cost model",
            nextStep: rule);
}
