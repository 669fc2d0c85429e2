using System.Globalization;
using System.Text.Json;
using Course.Grading.Exercises;
using Course.Sandbox.Functions;
using Course.Sandbox.Pricing;

namespace ComputeAdvisor.Checks;

/// <summary>
/// Checks for 03-compute-advisor: one check per rule, each on workload profiles the learner has not seen (drawn from
/// the check's seeded random source, plus fixed boundary cases). The cost rules are judged with the engine's cost model
/// (<see cref="CostModel.Estimate"/> against <see cref="CostModel.Fargate"/>, us-east-1, no free tier).
/// </summary>
public static class ComputeAdvisorChecks
{
    private static readonly CostModel Model = new(PriceSheet.UsEast1);
    private static readonly int[] Memories = [128, 256, 512, 1_024, 1_769, 3_008];

    private sealed record Profile(double MaxRunSeconds, bool Gpu, bool Http, double IdleHoursPerDay, long RequestsPerMonth,
        double AverageDurationMs, int MemoryMB, double Vcpu, double MemoryGB, int Tasks)
    {
        public string Json() => string.Create(CultureInfo.InvariantCulture,
            $"{{\"maxRunSeconds\":{MaxRunSeconds},\"gpu\":{Bool(Gpu)},\"http\":{Bool(Http)},\"idleHoursPerDay\":{IdleHoursPerDay},\"requestsPerMonth\":{RequestsPerMonth},\"averageDurationMs\":{AverageDurationMs},\"memoryMB\":{MemoryMB},\"fargate\":{{\"vcpu\":{Vcpu},\"memoryGB\":{MemoryGB},\"tasks\":{Tasks}}}}}");

        public string Container => Http ? "ECS Express Mode" : "Fargate";

        public decimal Lambda => Model.Estimate(RequestsPerMonth, TimeSpan.FromMilliseconds(AverageDurationMs), MemoryMB, Architecture.X86_64).Total;

        public decimal Fleet => Model.Fargate(Vcpu, MemoryGB, tasks: Tasks);

        public long Crossover => Model.Crossover(Fleet, TimeSpan.FromMilliseconds(AverageDurationMs), MemoryMB);

        private static string Bool(bool b) => b ? "true" : "false";
    }

    [Check("gpu")]
    public static async Task Gpu(CheckContext ctx)
    {
        foreach (var p in Randoms(ctx, 5).Select((p, i) => p with { Gpu = true, MaxRunSeconds = i % 2 == 0 ? 7_200 : 60, IdleHoursPerDay = i * 4 }))
        {
            await Expect(ctx, p, "EC2", "gpu", "check for a GPU first: Lambda and Fargate have none, so a GPU workload goes to EC2 whatever else is true");
        }
    }

    [Check("run-time")]
    public static async Task RunTime(CheckContext ctx)
    {
        foreach (var p in Randoms(ctx, 4).Select((p, i) => p with { MaxRunSeconds = 901 + ctx.Random.Next(0, 20_000), Http = i % 2 == 0, IdleHoursPerDay = i * 6 }))
        {
            await Expect(ctx, p, p.Container, "run-time", "a unit of work longer than 900 seconds cannot run on Lambda: recommend \"ECS Express Mode\" for an HTTP service, \"Fargate\" otherwise");
        }

        // Exactly 15 minutes is still within Lambda's limit; this quiet workload belongs on Lambda.
        var edge = new Profile(900, false, false, 20, 100_000, 200, 512, 0.25, 0.5, 1);
        await Expect(ctx, edge, "Lambda", null, "Lambda's limit is 900 seconds inclusive: only a run longer than 900 s rules Lambda out");
    }

    [Check("scale-to-zero")]
    public static async Task ScaleToZero(CheckContext ctx)
    {
        foreach (var p in Randoms(ctx, 4))
        {
            var busy = p with { IdleHoursPerDay = 12 + ctx.Random.Next(0, 12) };
            busy = busy with { RequestsPerMonth = Math.Max(busy.Crossover * 5, 50_000_000) };   // the cost rule alone would pick a container
            await Expect(ctx, busy, "Lambda", "scale-to-zero", "a workload idle 12 hours a day or more goes to Lambda (it scales to zero and bills nothing while idle), before any cost comparison");
        }
    }

    [Check("sustained-traffic")]
    public static async Task SustainedTraffic(CheckContext ctx)
    {
        foreach (var p in Randoms(ctx, 5).Select((p, i) => p with { Http = i % 2 == 1 }))
        {
            var steady = p with { RequestsPerMonth = Math.Max(p.Crossover * 3, 20_000_000) };
            await Expect(ctx, steady, steady.Container, "sustained-traffic",
                $"when a month of Lambda (here ${steady.Lambda:0.00}) costs more than the fleet (${steady.Fleet:0.00}), recommend the container: \"ECS Express Mode\" for an HTTP service, \"Fargate\" otherwise");
        }
    }

    [Check("cost-crossover")]
    public static async Task CostCrossover(CheckContext ctx)
    {
        var profiles = new List<Profile> { new(30, false, false, 0, 0, 200, 512, 0.25, 0.5, 1) };
        profiles.AddRange(Randoms(ctx, 4).Select(p => p with { Http = false }));
        foreach (var p in profiles)
        {
            var n = p.Crossover;
            var below = p with { RequestsPerMonth = (long)(n * 0.97) };
            var above = p with { RequestsPerMonth = (long)(n * 1.03) + 1 };
            var rule = $"compare the two monthly bills with AWS's prices: Lambda overtakes this fleet (${p.Fleet:0.00}) at about {n:N0} requests a month, not at a fixed request count";
            await Expect(ctx, below, "Lambda", "cost", rule);
            await Expect(ctx, above, "Fargate", "sustained-traffic", rule);
        }
    }

    private static List<Profile> Randoms(CheckContext ctx, int count)
    {
        var fleets = new[] { (0.25, 0.5), (0.5, 1.0), (1.0, 2.0), (2.0, 4.0) };
        var list = new List<Profile>();
        for (var i = 0; i < count; i++)
        {
            var (vcpu, gb) = fleets[ctx.Random.Next(fleets.Length)];
            list.Add(new Profile(
                MaxRunSeconds: Math.Round(1 + (ctx.Random.NextDouble() * 600), 1),
                Gpu: false,
                Http: ctx.Random.Next(2) == 0,
                IdleHoursPerDay: ctx.Random.Next(0, 12),
                RequestsPerMonth: (long)Math.Pow(10, 5 + (ctx.Random.NextDouble() * 2)),
                AverageDurationMs: Math.Round(20 + (ctx.Random.NextDouble() * 800), 1),
                MemoryMB: Memories[ctx.Random.Next(Memories.Length)],
                Vcpu: vcpu, MemoryGB: gb, Tasks: ctx.Random.Next(1, 8)));
        }

        return list;
    }

    private static async Task Expect(CheckContext ctx, Profile p, string platform, string? reason, string nextStep)
    {
        var result = await ctx.InvokeAsync(p.Json());
        CheckContext.Require(result.Succeeded,
            observed: $"the advisor failed on {p.Json()}: {result.ErrorType} {result.ErrorMessage}",
            expected: "a recommendation",
            nextStep: "return a Recommendation for every workload; do not throw");
        var root = JsonDocument.Parse(result.Payload).RootElement;
        var gotPlatform = root.TryGetProperty("platform", out var pl) ? pl.GetString() : null;
        var gotReason = root.TryGetProperty("reason", out var r) ? r.GetString() : null;
        CheckContext.Require(gotPlatform == platform && (reason is null || gotReason == reason),
            observed: $"for {p.Json()} the advisor answered platform \"{gotPlatform}\", reason \"{gotReason}\"",
            expected: reason is null ? $"platform \"{platform}\"" : $"platform \"{platform}\", reason \"{reason}\"",
            nextStep: nextStep);
    }
}
