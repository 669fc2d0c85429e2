// Lesson 08: Cold starts: where INIT time goes, and each switch that removes it
// Generated from lessons/08-cold-starts.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/08-cold-starts.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Lambda.Core;
using Course.Lessons.Display;
using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Load;
using Course.Sandbox.Pricing;
using Course.Sandbox;

// ## What INIT is made of
//
// When no idle environment is free, Lambda creates one and runs its **INIT** phase before your handler
// sees the request. INIT has three parts, in order: the extensions you added start, the **runtime** starts
// (for .NET: the runtime host, your assemblies loaded and JIT-compiled as they run), and your **function
// initialisation** — constructor, field initialisers and statics. Only then does INVOKE begin. The
// response waits for all of it; the REPORT line shows it as `Init Duration`.
//
// What makes each part long:
//
// - **the runtime**: an interpreted or JIT-compiled runtime starts slower than a native binary; .NET Native
//   AOT (on `provided.al2023`) skips the JIT at start-up;
// - **the package**: more and larger assemblies take longer to load;
// - **your INIT code**: SDK clients, configuration, caches, frameworks (often the largest part);
// - **memory**: CPU is allocated in proportion to memory (1,769 MB = one vCPU), so CPU-bound INIT code
//   runs up to 14 times slower at 128 MB than at 1,769 MB.
//
// The engine models the first two with fixed figures per runtime and per MB; these are **the course's
// model** (catalogue row ENV_08), chosen from published measurements of trivial functions, not AWS
// figures:


var model = ColdStartModel.Default;
foreach (var (runtime, start) in model.RuntimeStart)
{
    Console.WriteLine($"{runtime,-16} runtime start {start.TotalMilliseconds,5:0} ms");
}
Console.WriteLine($"per MB of package: {model.PerPackageMB.TotalMilliseconds} ms; SnapStart restore: {model.SnapStartRestore.TotalMilliseconds} ms");
Console.WriteLine($"a 40 MB .NET 8 package starts in {model.PlatformInit(new FunctionOptions { PackageSizeMB = 40 }).TotalMilliseconds} ms before your INIT code runs");

// ## A function under load
//
// Here is an API function whose INIT does 500 ms of CPU work at one vCPU (loading configuration, building
// a client, warming a cache) and whose requests do 40 ms of CPU work (139 ms at 512 MB). The engine's **load generator** sends it
// traffic with seeded random arrival times on the virtual clock — here a *burst* pattern: quiet at half
// the mean rate, then ten seconds a minute at 3.5 times it.

LoadReport Measure(string label, Action<FunctionOptions>? configure = null, LoadProfile? profile = null, Action<Simulation>? before = null)
{
    var sim = new Simulation(new SimulationOptions { Seed = 8 });
    var options = new FunctionOptions { FunctionName = "api", MemorySize = 512 };
    configure?.Invoke(options);
    sim.Lambda.Deploy(options, HandlerFactory.FromType(typeof(Api)));
    before?.Invoke(sim);
    var report = LoadGenerator.Run(sim, "api", profile ?? new LoadProfile { RatePerSecond = 20, Duration = TimeSpan.FromMinutes(3), Pattern = LoadPattern.Burst });
    Console.WriteLine($"{label,-26} p50 {report.P50.TotalMilliseconds,6:0.0} ms  p99 {report.P99.TotalMilliseconds,7:0.0} ms  max {report.Max.TotalMilliseconds,7:0.0} ms  "
        + $"cold {report.ColdStarts,3} ({report.ColdStartShare * 100,5:0.00} %)  month ${report.MonthlyCost,8:0.00}");
    return report;
}

var baseline = Measure("512 MB, on demand");
Show.Load(baseline);

// The median is the warm path; the slowest requests are INIT. At 512 MB the function has 29 % of a vCPU,
// so the 500 ms of INIT work takes about 1.7 s, and every request that meets a new environment waits for it.
// The cold starts cluster: most come in the first seconds, when every request that arrives while the first
// environments are still in INIT needs an environment of its own, and a few at the spikes, where
// concurrency grows. Here they are under 1 % of the requests, so the p99 is still a warm request — but the
// max is a cold one, and with sparser traffic, a tighter percentile (p99.9) or a spikier pattern the tail
// *is* INIT.
//
// The "month" column scales the run to a 730-hour month: requests, duration and SnapStart restores scale
// with the run, provisioned concurrency and SnapStart's cache are billed for the whole month. Because the
// scaled run repeats its own start-up (every environment's first cold start) each time, it overstates the
// cold starts of traffic that really runs all month; it is a figure to compare configurations by, not a
// forecast.
//
// ## Switch 1: memory
//
// More memory buys more CPU for INIT (and for every request):

Measure("512 MB, on demand");
Measure("1769 MB (1 vCPU)", o => o.MemorySize = 1769);
Measure("3008 MB", o => o.MemorySize = 3008);

// Above one vCPU the single-threaded INIT gains nothing more, but each GB-second costs the same, so the
// bill keeps growing. The price of a GB-second is the same at every size; the work just finishes sooner.
//
// ## Switch 2: provisioned concurrency
//
// **Provisioned concurrency** keeps N environments initialised ahead of traffic: requests served by them
// never wait for INIT. You pay for them while they are enabled, used or not — $0.0000041667 per GB-second
// on x86 in the engine's price sheet (PRICE_04), plus a lower duration rate ($0.0000097222 per GB-second)
// for the requests they serve. Requests beyond N spill over to on-demand environments, cold starts and all:

Measure("512 MB, 12 provisioned", o => o.ProvisionedConcurrentExecutions = 12);
var provisioned = Measure("512 MB, 30 provisioned", o => o.ProvisionedConcurrentExecutions = 30);
Show.Cost(provisioned.Cost);

// Twelve are fewer than the first seconds and the spikes need at once, so requests spill over to
// on-demand environments and still meet cold starts; thirty cover them, and the max falls to a warm
// request. The bill shows the enabled time as its own line, and it runs all month whether requests come
// or not: compare the monthly figures.
//
// ## Switch 3: SnapStart
//
// **SnapStart** runs INIT once, when you publish a version, snapshots the initialised memory, and restores
// that snapshot in each new environment instead of running INIT. It supports .NET 8 and later, Python 3.12
// and later, and Java; it works on published versions only and cannot be combined with provisioned
// concurrency. For **.NET and Python** it is not free: AWS charges for caching the snapshot (per GB-second
// while the version is active, $0.0000015046 in the price sheet) and for each restore (per GB restored,
// $0.0001397998) — PRICE_10. Only for Java is SnapStart free of charge.

var snap = Measure("512 MB, SnapStart", o => o.SnapStart = true);
Console.WriteLine($"SnapStart charges in this run: ${snap.Cost.SnapStartCost:0.00000000} of ${snap.Cost.Total:0.00000000}");

// The restore (150 ms in the model) replaces INIT. Code that must not be copied between environments —
// a random seed, a unique id, an open connection — has to be refreshed after a restore (the .NET runtime
// offers hooks for it).
//
// ## Switch 4: lean packages and lazy initialisation
//
// A package pulls in its assemblies at start-up; 40 MB of dependencies you do not need cost time on
// every cold start:

Measure("40 MB package", o => o.PackageSizeMB = 40);
Measure("2 MB package", o => o.PackageSizeMB = 2);

// **Lazy initialisation** defers set-up a request may not need until the first request that does
// (`Lazy<T>`): the cost moves from INIT to that request, and requests that never need it never pay. It
// helps when only some paths need the expensive part; when every request needs it, it only moves the cost.
//
// ## Keep-warm pings, and why they fail under concurrency
//
// A common trick is a scheduled rule that invokes the function every few minutes so an environment stays
// warm. In sparse traffic it works for one environment. Here: one request every four minutes or so for
// two hours, with and without a ping every five minutes (the engine shuts down environments idle for 15
// minutes, its model of what AWS does not document):

var sparse = new LoadProfile { RatePerSecond = 1.0 / 240, Duration = TimeSpan.FromHours(2) };
void Pings(Simulation sim)
{
    for (var t = TimeSpan.Zero; t < TimeSpan.FromHours(2); t += TimeSpan.FromMinutes(5))
    {
        sim.Schedule(t, () => sim.Lambda.InvokeAsync("api", "{\"ping\":true}"));
    }
}

Measure("sparse, no pings", profile: sparse);
Measure("sparse, pings every 5 min", profile: sparse, before: Pings);
Measure("burst, pings every 5 min", before: Pings);

// The pings cut the sparse function's cold starts (from three to one here: the ping itself pays the
// first INIT), but under the burst they change almost nothing: a
// spike that needs a dozen environments at once finds one warm, and the other eleven start cold. Only
// capacity initialised *for the concurrency you get* (provisioned concurrency) or a cheaper INIT
// (memory, SnapStart, a leaner INIT) moves the p99.
//
// **Challenge — The cheapest fix**
//
// With the numbers of the runs above, which switch gives the lowest maximum latency per dollar a month:
// 1,769 MB, 30 provisioned environments or SnapStart? Which would you choose for a p99 target of 200 ms,
// and which for a target that the slowest request must stay under 500 ms?
//
// <details><summary>Solution</summary>
//
// For the p99 any of them does here (the p99 is already a warm request; 1,769 MB also shortens every
// warm request to about 40 ms). For "the slowest under 500 ms", 1,769 MB still has a 775 ms cold start;
// SnapStart (a 150 ms restore plus the request) stays under 300 ms for about a quarter more than on-demand,
// while 30 provisioned environments remove cold starts entirely at nearly three times the monthly bill.
// SnapStart is the cheapest fix that meets it; provisioned concurrency buys the last bit at a high price.
//
// </details>
//
// **Challenge — Lazy, measured**
//
// Write a second handler class whose constructor does nothing and whose first request that needs the
// configuration builds it through a `Lazy<Dictionary<string, string>>` (500 ms of `SimulatedWork.Spend`),
// and send it the same burst. Where does the cost go, and what happens to the p99?
//
// <details><summary>Solution</summary>
//
// INIT shrinks to the runtime start, so cold starts are shorter; the 500 ms (1.7 s at 512 MB) moves to the
// first request in each environment that touches the configuration. If every request needs it, the
// same requests wait as long as before (the cost only moved); if few do, most environments never pay it.
// Either way the work is billed as duration rather than as INIT.
//
// </details>
//
// ## From the command line
//
// `course load` runs the same generator on a handler file, compiled as the grader compiles it (so
// `Thread.Sleep` in INIT is virtual time):
//
// ```
// course load exercises/04-init-once/solution/Function.cs --rate 20 --duration 180 --pattern burst --memory 512
// course load Function.cs --rate 20 --duration 180 --pattern burst --provisioned 30 --format json
// ```
//
// It prints p50/p90/p99, the cold-start share, the bill of the run and the same traffic for a month
// (provisioned concurrency and SnapStart's cache billed for the whole month, the rest scaled from the run).
//
// **Exercise [11-cold-start-tuning](../exercises/11-cold-start-tuning/README.md)** — check it with `./grade 11-cold-start-tuning`.
//
// Choose memory, provisioned concurrency, SnapStart and the INIT code of a price API so that 99.9 % of
// its requests answer within a second under bursts, at the least cost.

// **Key points**
//
// - A cold start is INIT on the request path: runtime start + package + your INIT code; on a .NET function your INIT code is usually the biggest part, and it runs on the CPU share your memory setting buys.
// - Cold starts are rare in steady traffic (AWS puts them under 1 % of invocations for most functions) and cluster where concurrency grows: at deploy, in bursts, after idle periods — which is why they decide the p99, not the median.
// - Provisioned concurrency keeps N environments initialised: no INIT on the request path for up to N at once, billed per GB-second while enabled (plus a lower duration rate); traffic above N is on-demand again.
// - SnapStart (.NET 8+, Python 3.12+, Java) restores a snapshot of initialised memory instead of running INIT; for .NET and Python it is charged for the cache while the version is active and per GB restored (for Java it is free).
// - Keep-warm pings keep one environment warm; a burst that needs ten still pays nine cold starts.

// Types used above. C# wants top-level statements before type declarations, so they come last here.


public sealed class Api
{
    private readonly Dictionary<string, string> _config;

    public Api()
    {
        SimulatedWork.Spend(500);          // INIT: CPU work, scaled by the memory setting
        _config = new Dictionary<string, string> { ["greeting"] = "hello" };
    }

    public string FunctionHandler(Dictionary<string, object> request, ILambdaContext context)
    {
        if (request.ContainsKey("ping")) return "pong";
        SimulatedWork.Spend(40);           // the request's own work
        return _config["greeting"];
    }
}
