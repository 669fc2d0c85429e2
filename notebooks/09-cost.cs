// Lesson 09: What it costs: Lambda pricing, the free tier and the Fargate crossover
// Generated from lessons/09-cost.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/09-cost.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Lambda.Core;
using Course.Lessons.Display;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Pricing;
using Course.Sandbox;

// ## The two lines of a Lambda bill
//
// Lesson 01 showed that a Lambda bill has two parts. This lesson takes the bill apart line by line,
// adds what the optional features and the surrounding services cost, and ends where most
// architecture debates end: at what traffic an always-on container becomes cheaper.
//
// Every price here comes from the engine's price sheet, `PriceSheet.UsEast1`: AWS's public list prices
// for us-east-1, checked on the date the sheet carries. The prices are AWS's; the durations, cold
// starts and traffic in the runs are the simulator's model.
//
// | line | price (us-east-1) | how it is counted |
// |---|---|---|
// | requests | $0.20 per million | every invocation that runs, cold or warm, failed or not (throttled ones are not billed) |
// | duration, x86_64 | $0.0000166667 per GB-s for the first 6 billion GB-s a month, $0.000015 for the next 9 billion, $0.0000133334 above 15 billion | memory in GB × billed duration in seconds, rounded up to the next millisecond |
// | duration, arm64 | $0.0000133334 per GB-s for the first 7.5 billion, $0.0000120001 for the next 11.25 billion, $0.0000106667 above | the same, about 20 % cheaper |
// | free tier | 1 million requests and 400,000 GB-s a month | shared by all functions and both architectures |


var costs = new CostModel(PriceSheet.UsEast1);
Console.WriteLine($"price sheet: {costs.Prices.Region}, as of {costs.Prices.AsOf:yyyy-MM-dd}");

// One workload, three memory sizes, both architectures. Memory is what you pay for per second.
foreach (var memory in new[] { 128, 512, 1769 })
{
    var x86 = costs.Estimate(5_000_000, TimeSpan.FromMilliseconds(120), memory);
    var arm = costs.Estimate(5_000_000, TimeSpan.FromMilliseconds(120), memory, Architecture.Arm64);
    Console.WriteLine($"5 M × 120 ms at {memory,5} MB: {x86.GbSeconds,10:N0} GB-s  x86 ${x86.Total,7:0.00}  arm64 ${arm.Total,7:0.00}");
}

// The duration tiers only matter at very large scale: 6 billion GB-seconds is 1.2 billion requests of
// a full second at 5 GB. For almost every workload in this course the first tier is the only one
// that applies.
//
// **Challenge — More memory, smaller bill?**
//
// A CPU-bound function takes 800 ms at 512 MB. At 1,024 MB it gets twice the CPU share and takes
// 380 ms. Which is cheaper for 10 million requests a month, and why can doubling memory lower the bill?
//
// <details><summary>Hint</summary>
//
// Compare GB-seconds: 0.5 GB × 0.8 s against 1 GB × 0.38 s.
//
// </details>
//
// <details><summary>Solution</summary>
//
// At 512 MB: 10 M × 0.5 × 0.8 = 4,000,000 GB-s, about $66.67 of compute. At 1,024 MB:
// 10 M × 1 × 0.38 = 3,800,000 GB-s, about $63.33. The request charge ($2.00) is the same. Lambda
// gives CPU in proportion to memory (a full vCPU at 1,769 MB), so for CPU-bound code more memory
// can finish sooner by more than it costs per second. Measure before you choose; for code that
// mostly waits on the network, more memory only costs more.
//
// </details>
//
// ## INIT, ephemeral storage and the free tier in a real run
//
// Since 1 August 2025 AWS bills the INIT phase of on-demand functions packaged as .zip on managed
// runtimes: the billed duration of a cold start includes its Init Duration. Ephemeral storage
// (`/tmp`) above the included 512 MB costs $0.0000000309 per GB-s. The engine bills a run the way
// AWS would:

var sim = new Simulation(new SimulationOptions { Seed = 9 });
sim.Lambda.Deploy(new FunctionOptions { FunctionName = "thumbnails", MemorySize = 1024, EphemeralStorageSize = 2048 },
    HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) =>
    {
        SimulatedWork.Spend(250);   // the simulator's model of 250 ms of work at 1,769 MB
        return "ok";
    }));
for (var i = 0; i < 5; i++) sim.Lambda.Invoke("thumbnails", "{}");

Show.Invocations(sim);
var run = costs.Summarize(sim.Lambda.Invocations);
Console.WriteLine($"billed {sim.Lambda.Invocations.Sum(r => r.BilledDurationMs)} ms in all, the first one with its INIT; /tmp above 512 MB: ${run.EphemeralCost:0.000000000}");
Show.Cost(run);

// The first row's billed duration is its run plus its Init Duration; the other four are warm. A
// month of such a function is the same arithmetic with more requests: the share of cold starts
// decides how much INIT adds (lesson 04 used AWS's observation that cold starts are typically under
// 1 % of invocations in production).
//
// ## Provisioned concurrency and SnapStart
//
// Both features shorten cold starts (lesson 08 measures by how much); both change the bill.
//
// - **Provisioned concurrency** keeps N environments initialised. You pay $0.0000041667 per GB-s
//   for every second they are enabled (rounded up to 5 minutes), busy or idle, and executions on
//   them cost $0.0000097222 per GB-s instead of the on-demand $0.0000166667. Requests beyond N spill
//   over to on-demand environments at on-demand prices. The free tier does not apply to functions
//   with provisioned concurrency.
// - **SnapStart for .NET and Python** restores a snapshot instead of running INIT. AWS charges for
//   caching the snapshot, $0.0000015046 per GB-s of memory for as long as the published version is
//   active, and $0.0001397998 per GB for each restore. SnapStart for Java has no such charges, which
//   is where the common claim "SnapStart costs nothing extra" comes from; it is not true for C#.

var warm = new Simulation(new SimulationOptions { Seed = 3 });
warm.Lambda.Deploy(new FunctionOptions { FunctionName = "api", MemorySize = 1024, ProvisionedConcurrentExecutions = 2 },
    HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) => { SimulatedWork.Spend(40); return "ok"; }));
warm.Lambda.Deploy(new FunctionOptions { FunctionName = "snap", MemorySize = 1024, SnapStart = true },
    HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) => { SimulatedWork.Spend(40); return "ok"; }));
for (var i = 0; i < 100; i++)
{
    warm.Lambda.Invoke("api", "{}");
    warm.Lambda.Invoke("snap", "{}");
}
warm.RunUntil(warm.Options.Start + TimeSpan.FromHours(1));   // one hour enabled / active

var bill = costs.Bill(warm);
Console.WriteLine($"provisioned concurrency enabled: ${bill.ProvisionedConcurrencyCost:0.0000} (2 × 1 GB × 3,600 s × $0.0000041667)");
Console.WriteLine($"SnapStart cache + restores:      ${bill.SnapStartCost:0.0000}");
Console.WriteLine($"requests + duration:             ${bill.RequestCost + bill.ComputeCost:0.0000}   total ${bill.Total:0.0000}");
Console.WriteLine($"a month of the provisioned pair alone: ${costs.ProvisionedConcurrency(2, 1024, TimeSpan.FromHours(730)):0.00}");
Show.Cost(bill);

// Two provisioned 1 GB environments cost about $21.90 a month before they serve a single request;
// that is the price of never having a cold start on the first two concurrent requests.
//
// ## The services around a function
//
// A function rarely runs alone. The engine prices the usual neighbours from the same sheet:
//
// | service | price (us-east-1) | note |
// |---|---|---|
// | API Gateway HTTP API | $1.00 per million requests | REST APIs: $3.50 per million |
// | SQS | $0.40 per million requests (FIFO $0.50) | every 64 KB of a payload is one request; a Lambda poller's receives and deletes are requests too |
// | SNS | $0.50 per million publishes | from a weaker source than the others (catalogue row PRICE_08, ?) |
// | Step Functions Standard | $0.025 per 1,000 state transitions, 4,000 free a month | retries count as transitions |
// | Step Functions Express | $1.00 per million executions + duration | duration rounded up to 100 ms, memory to 64 MB chunks, $0.00001667 per GB-s for the first 1,000 GB-hours |

var requests = 10_000_000L;
var lambda = costs.Estimate(requests, TimeSpan.FromMilliseconds(80), 512);
Console.WriteLine($"HTTP API + Lambda, 10 M requests: ${costs.ApiGateway(requests) + lambda.Total:0.00} (API ${costs.ApiGateway(requests):0.00}, Lambda ${lambda.Total:0.00})");
Console.WriteLine($"same on a REST API:                ${costs.ApiGateway(requests, restApi: true) + lambda.Total:0.00}");
Console.WriteLine($"SQS, 10 M messages of 100 KB (2 chunks each): ${costs.Sqs(requests, payloadBytes: 100_000):0.00}");
Console.WriteLine($"Step Functions, 1 M runs of 5 transitions: Standard ${costs.StepFunctionsStandard(5_000_000):0.00}, " +
    $"Express (1 s, 64 MB) ${costs.StepFunctionsExpress(1_000_000, TimeSpan.FromSeconds(1)):0.00}");

// For an HTTP API the gateway often costs more than the function behind it: at 80 ms and 512 MB,
// Lambda's compute per request is smaller than API Gateway's $0.000001.
//
// ## Fargate: paying for the hour
//
// ECS on Fargate bills a task for the vCPU and memory it reserves, per second, whether it is busy or
// idle: $0.04048 per vCPU-hour and $0.004445 per GB-hour (Linux, x86; arm64 is about 20 % less).
// The smallest common task, 0.25 vCPU and 0.5 GB, running all month (730 hours):
//
// 0.25 × 730 × $0.04048 + 0.5 × 730 × $0.004445 = $7.3876 + $1.6224 = **$9.01**.

Console.WriteLine($"one task, 0.25 vCPU + 0.5 GB, 730 h: ${costs.Fargate(0.25, 0.5):0.00}; arm64: ${costs.Fargate(0.25, 0.5, architecture: Architecture.Arm64):0.00}; two: ${costs.Fargate(0.25, 0.5, tasks: 2):0.00}");

// That price ignores what usually sits in front of a task (a load balancer, public IPv4 addresses,
// NAT), and Lambda's side ignores API Gateway; compare like with like.
//
// ## The guide's table, recomputed
//
// The seed guide of this course compares Lambda at 512 MB and 200 ms with Fargate tasks of
// 0.25 vCPU / 0.5 GB. Here is its table with every figure recomputed by the engine's cost model
// (no free tier unless the column says so; the Fargate task counts are the guide's assumptions):
//
// | requests a month | guide: Lambda | Lambda (engine) | Lambda with free tier (engine) | guide: Fargate | tasks | Fargate (engine) | what the guide got wrong |
// |---|---|---|---|---|---|---|---|
// | 100K | ~$0.02 | $0.19 | $0.00 | ~$11 | 1 | $9.01 | Lambda: requests only, compute ($0.17) left out; Fargate task priced at $11 |
// | 1M | ~$1.90 | $1.87 | $0.00 | ~$11 | 1 | $9.01 | compute rounded up to $1.70 (it is $1.67); Fargate task priced at $11 |
// | 10M | ~$19 | $18.67 | $11.80 | ~$22 | 2 | $18.02 | compute rounded to $17 ($16.67); "roughly equal" holds only without the free tier |
// | 100M | ~$190 | $186.67 | $179.80 | ~$110 | 10 | $90.10 | Fargate overstated by $20; the verdict stands |
// | 1B | ~$1,900 | $1,866.67 | $1,859.80 | ~$550 | 50 | $450.50 | Fargate overstated by $99.50; the verdict stands |
//
// The guide's errors are of two kinds. Its Lambda column rounds $1.6667 per million requests' worth
// of compute up to $1.70 and, in the first row, drops compute altogether. Its Fargate column prices a
// 0.25 vCPU / 0.5 GB task at about $11 a month; at AWS's prices it is $9.01 (22 % less). Neither
// changes a verdict, but the 10M row's "roughly equal" depends on ignoring the free tier, and the
// task counts (1, 2, 10, 50) are assumptions about capacity, not prices: how many requests one task
// can serve depends entirely on the application.

foreach (var (n, tasks) in new[] { (100_000L, 1), (1_000_000L, 1), (10_000_000L, 2), (100_000_000L, 10), (1_000_000_000L, 50) })
{
    var noFree = costs.Estimate(n, TimeSpan.FromMilliseconds(200), 512);
    var free = costs.Estimate(n, TimeSpan.FromMilliseconds(200), 512, freeTier: true);
    Console.WriteLine($"{n,13:N0}  Lambda ${noFree.Total,9:N2} (free tier ${free.Total,9:N2})  Fargate × {tasks,2}: ${costs.Fargate(0.25, 0.5, tasks: tasks),7:N2}");
}

// ## The crossover
//
// Lambda's bill grows with every request; a Fargate fleet's is flat until the load needs another
// task. Drawn on log–log axes from the cost model, the Lambda line crosses the one-task line at about
// 4.8 million requests a month, and the ten-task line at about 48 million:
//
// <svg xmlns="http://www.w3.org/2000/svg" class="chart" width="680" height="380" viewBox="0 0 680 380" font-family="sans-serif" font-size="11" role="img"><title>Monthly cost: Lambda (512 MB, 200 ms) vs always-on Fargate (0.25 vCPU, 0.5 GB)</title><rect x="70" y="30" width="580" height="300" fill="none" stroke="#999"/><line x1="70" y1="30" x2="70" y2="330" stroke="#eee"/><text x="70" y="346" text-anchor="middle">100K</text><line x1="215" y1="30" x2="215" y2="330" stroke="#eee"/><text x="215" y="346" text-anchor="middle">1M</text><line x1="360" y1="30" x2="360" y2="330" stroke="#eee"/><text x="360" y="346" text-anchor="middle">10M</text><line x1="505" y1="30" x2="505" y2="330" stroke="#eee"/><text x="505" y="346" text-anchor="middle">100M</text><line x1="650" y1="30" x2="650" y2="330" stroke="#eee"/><text x="650" y="346" text-anchor="middle">1B</text><line x1="70" y1="330" x2="650" y2="330" stroke="#eee"/><text x="64" y="334" text-anchor="end">$0.01</text><line x1="70" y1="280" x2="650" y2="280" stroke="#eee"/><text x="64" y="284" text-anchor="end">$0.1</text><line x1="70" y1="230" x2="650" y2="230" stroke="#eee"/><text x="64" y="234" text-anchor="end">$1</text><line x1="70" y1="180" x2="650" y2="180" stroke="#eee"/><text x="64" y="184" text-anchor="end">$10</text><line x1="70" y1="130" x2="650" y2="130" stroke="#eee"/><text x="64" y="134" text-anchor="end">$100</text><line x1="70" y1="80" x2="650" y2="80" stroke="#eee"/><text x="64" y="84" text-anchor="end">$1,000</text><line x1="70" y1="30" x2="650" y2="30" stroke="#eee"/><text x="64" y="34" text-anchor="end">$10,000</text><text x="360" y="368" text-anchor="middle">requests a month</text><text x="14" y="180" text-anchor="middle" transform="rotate(-90 14 180)">USD a month</text><polyline fill="none" stroke="#e07b00" stroke-width="2" points="70,266.4 77.3,263.9 84.5,261.4 91.8,258.9 99,256.4 106.3,253.9 113.5,251.4 120.8,248.9 128,246.4 135.3,243.9 142.5,241.4 149.8,238.9 157,236.4 164.3,233.9 171.5,231.4 178.8,228.9 186,226.4 193.3,223.9 200.5,221.4 207.8,218.9 215,216.4 222.3,213.9 229.5,211.4 236.8,208.9 244,206.4 251.3,203.9 258.5,201.4 265.8,198.9 273,196.4 280.3,193.9 287.5,191.4 294.8,188.9 302,186.4 309.3,183.9 316.5,181.4 323.8,178.9 331,176.4 338.3,173.9 345.5,171.4 352.8,168.9 360,166.4 367.3,163.9 374.5,161.4 381.8,158.9 389,156.4 396.3,153.9 403.5,151.4 410.8,148.9 418,146.4 425.3,143.9 432.5,141.4 439.8,138.9 447,136.4 454.3,133.9 461.5,131.4 468.8,128.9 476,126.4 483.3,123.9 490.5,121.4 497.8,118.9 505,116.4 512.3,113.9 519.5,111.4 526.8,108.9 534,106.4 541.3,103.9 548.5,101.4 555.8,98.9 563,96.4 570.3,93.9 577.5,91.4 584.8,88.9 592,86.4 599.3,83.9 606.5,81.4 613.8,78.9 621,76.4 628.3,73.9 635.5,71.4 642.8,68.9 650,66.4"><title>Lambda</title></polyline><text x="78" y="46" fill="#e07b00">Lambda, 512 MB × 200 ms (no free tier)</text><line x1="70" y1="182.3" x2="650" y2="182.3" stroke="#2a6fb0" stroke-width="2" stroke-dasharray="6 3"><title>1 Fargate task: $9.01; Lambda costs more above 4.83M requests</title></line><circle cx="314.1" cy="182.3" r="4" fill="#2a6fb0"><title>1 Fargate task: $9.01; Lambda costs more above 4.83M requests</title></circle><text x="78" y="62" fill="#2a6fb0">1 Fargate task: $9.01; Lambda costs more above 4.83M requests</text><line x1="70" y1="132.3" x2="650" y2="132.3" stroke="#2a6fb0" stroke-width="2" stroke-dasharray="2 2"><title>10 Fargate tasks: $90.10; Lambda costs more above 48.27M requests</title></line><circle cx="459.1" cy="132.3" r="4" fill="#2a6fb0"><title>10 Fargate tasks: $90.10; Lambda costs more above 48.27M requests</title></circle><text x="78" y="78" fill="#2a6fb0">10 Fargate tasks: $90.10; Lambda costs more above 48.27M requests</text></svg>
//
// Monthly cost of a Lambda function at 512 MB and 200 ms (no free tier) against one and ten
// always-on Fargate tasks of 0.25 vCPU and 0.5 GB, drawn from the engine's cost model. The dots are
// the crossovers found by `CostModel.Crossover`.
//
// Change the workload and the crossover moves. Try a faster function with more memory:

Show.LambdaVsFargate(durationMs: 50, memoryMB: 1024);
var fargate = costs.Fargate(0.25, 0.5);
Console.WriteLine($"Lambda costs more than one task from {costs.Crossover(fargate, TimeSpan.FromMilliseconds(50), 1024):N0} requests a month");

// **A crossover is not a decision.**
//
// Below the crossover Lambda is cheaper *and* has nothing to operate. Above it, the Fargate fleet is
// cheaper only if it really is that size: traffic that peaks at ten times its average needs the
// peak's tasks (or autoscaling that lags), while Lambda bills only what ran. Lesson 03 weighs the
// rest: run time, scale to zero, GPUs, and who operates what.
//
// **Challenge — Where is your crossover?**
//
// An API handles 300 requests a second around the clock, each taking 120 ms at 1,024 MB on arm64.
// How much is Lambda a month (no free tier), and how many 0.25 vCPU / 0.5 GB Fargate tasks could you
// run for the same money?
//
// <details><summary>Hint</summary>
//
// 300 requests a second for 730 hours is 300 × 3,600 × 730 requests. Use `costs.Estimate(..., Architecture.Arm64)`
// and divide by `costs.Fargate(0.25, 0.5)`.
//
// </details>
//
// <details><summary>Solution</summary>
//
// 788,400,000 requests: $157.68 of requests plus 788.4 M × 1 GB × 0.12 s = 94,608,000 GB-s at
// $0.0000133334, about $1,261.45; about $1,419.13 in all. That buys about 157 always-on tasks at
// $9.01. Whether 157 quarter-vCPU tasks can carry 300 requests a second of 120 ms work is a capacity
// question, not a pricing one; if they can, Fargate is far cheaper at this steady load.
//
// ```csharp
// using Course.Sandbox.Functions;
// using Course.Sandbox.Pricing;
//
// public static class Crossover
// {
//     public static (decimal Lambda, decimal Tasks) Answer()
//     {
//         var costs = new CostModel(PriceSheet.UsEast1);
//         var lambda = costs.Estimate(300L * 3_600 * 730, TimeSpan.FromMilliseconds(120), 1024, Architecture.Arm64).Total;
//         return (lambda, lambda / costs.Fargate(0.25, 0.5));
//     }
// }
// ```
//
// </details>
//
// **Exercise [12-cost-estimate](../exercises/12-cost-estimate/README.md)** — check it with `./grade 12-cost-estimate`.
//
// Write the estimator yourself: Lambda and Fargate monthly costs and the crossover point. The checks
// compare your figures with the engine's cost model on profiles you have not seen, within 1 %.

// **Key points**
//
// - A Lambda bill is requests ($0.20 per million) plus GB-seconds (memory × billed time, about $0.0000167 on x86 and 20 % less on arm64), minus a free tier of 1 M requests and 400,000 GB-s a month.
// - INIT is billed on cold starts of on-demand functions; provisioned concurrency bills every GB-second it is enabled; SnapStart for .NET and Python bills its cache and every restore (Java's SnapStart is free).
// - An always-on Fargate task of 0.25 vCPU and 0.5 GB costs $9.01 for a 730-hour month; at 512 MB and 200 ms, Lambda costs more than one such task above about 4.8 million requests a month.
// - The crossover moves with duration, memory and how many tasks the load needs; compute it from the prices, do not copy it from a table.
