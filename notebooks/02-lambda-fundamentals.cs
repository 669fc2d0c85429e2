// Lesson 02: Lambda fundamentals: runtimes, micro-VMs, limits and concurrency
// Generated from lessons/02-lambda-fundamentals.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/02-lambda-fundamentals.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Lessons.Display;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;
using Course.Sandbox;

// ## What runs your code
//
// A Lambda function is three things: your code, a **runtime** that knows how to call it, and a
// configuration (memory, timeout, environment variables …). The runtime comes in one of three forms.
//
// | form | you ship | Lambda provides | .NET example |
// |---|---|---|---|
// | **managed runtime** | a .zip of your compiled assemblies | the language runtime and its updates | `dotnet8`: the .NET 8 runtime calls `Assembly::Type::Method` |
// | **OS-only runtime** | a .zip with an executable called `bootstrap` | Amazon Linux 2023 (`provided.al2023`), nothing else | a Native AOT binary built with `Amazon.Lambda.RuntimeSupport` |
// | **container image** | an OCI image of up to 10 GB, from Amazon ECR | the execution environment | an AWS base image for .NET, or any image with a runtime interface client |
//
// Whatever the form, the runtime talks to Lambda through the **Runtime API**, a small HTTP interface
// inside the environment: the runtime asks for the next event (`GET …/invocation/next`), runs your
// handler, and posts the response or error back. A managed runtime does this for you; with an OS-only
// runtime your `bootstrap` does it (in .NET, `Amazon.Lambda.RuntimeSupport` is that loop, so a Native AOT
// function is still a plain handler method). Native AOT starts faster because there is no JIT at start-up —
// lesson 08 measures what that does to a cold start.
//
// ## The execution environment: a micro-VM
//
// Each **execution environment** is a [Firecracker](https://firecracker-microvm.github.io/) micro-VM:
// a lightweight virtual machine with its own kernel, memory and `/tmp`, isolated from every other
// customer's. One environment serves **one request at a time**. Its life has three phases:
//
// 1. **INIT** — Lambda starts the runtime and runs your initialisation code (constructor, field
//    initialisers, statics). Limited to 10 seconds.
// 2. **INVOKE** — one request, then the next, as long as requests keep coming: the same process, the
//    same objects in memory.
// 3. **SHUTDOWN** — after a while without requests (AWS does not say how long), the environment is
//    frozen and removed.
//
// Two requests that arrive at the same moment need two environments, each with its own INIT: this
// is why "concurrency" in Lambda counts environments. In the course's engine each environment gets its
// own copy of your statics too (its own load context), as on AWS.
//
// **What the simulator models.**
//
// The engine runs your handler in-process, on a virtual clock: the micro-VM's isolation is modelled (one
// environment per concurrent request, separate statics, separate environment variables), not emulated.
// How long INIT takes is the course's model (catalogue row ENV_08, see lesson 08), not a measurement.
//
// ## The limits, one run each
//
// Every number below comes from the engine's `Limits` class, which holds Lambda's documented quotas;
// each block hits one of them. First, a simulation and a function that does nothing for as long as you
// ask it to — on the virtual clock, so a "15-minute" run takes a millisecond of real time:


var sim = new Simulation(new SimulationOptions { Seed = 2 });
sim.Lambda.Deploy(
    new FunctionOptions { FunctionName = "sleeper", Timeout = TimeSpan.FromSeconds(3) },
    HandlerFactory.FromDelegate<int, string>(async (milliseconds, context) =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), sim.Time);
        return $"slept {milliseconds} ms, {context.RemainingTime.TotalMilliseconds:0} ms left";
    }));

Console.WriteLine($"timeout: {Limits.MinTimeout.TotalSeconds:0}–{Limits.MaxTimeout.TotalSeconds:0} s (default 3 s)");
var fits = sim.Lambda.Invoke("sleeper", "1200");
Console.WriteLine($"1.2 s of work: {fits.Payload}");
var late = sim.Lambda.Invoke("sleeper", "5000");
Console.WriteLine($"5 s of work:   {late.ErrorType}: {late.ErrorMessage} (timed out: {late.TimedOut}, billed {late.BilledDurationMs} ms)");

// The handler was stopped at exactly three seconds and the caller got an error, not a partial
// result: whatever it was in the middle of is lost. The environment is reset too, so the next request
// is a cold start. The longest timeout you can set is 15 minutes:

try
{
    sim.Lambda.Deploy(new FunctionOptions { FunctionName = "too-long", Timeout = TimeSpan.FromMinutes(20) },
        HandlerFactory.FromDelegate<int, int>((x, _) => x));
}
catch (LambdaException e)
{
    Console.WriteLine($"{e.ErrorCode}: {e.Message}");
}

// Payloads: a synchronous request (and its response) may be 6 MB, an asynchronous (`Event`) request
// 1 MB — raised from 256 KB in 2025. Above that, Lambda answers **413** before any code runs:

var sixMb = Limits.MaxSyncPayloadBytes;
var oneMb = Limits.MaxAsyncPayloadBytes;
var big = "\"" + new string('x', sixMb) + "\"";
var sync = sim.Lambda.Invoke("sleeper", big);
Console.WriteLine($"sync, {big.Length:N0} bytes:  {sync.StatusCode} {sync.ErrorType}: {sync.ErrorMessage}");

var medium = "\"" + new string('x', oneMb) + "\"";
var queued = await sim.Lambda.InvokeAsync("sleeper", medium, InvocationType.Event);
Console.WriteLine($"async, {medium.Length:N0} bytes: {queued.StatusCode} {queued.ErrorType}: {queued.ErrorMessage}");
var tiny = await sim.Lambda.InvokeAsync("sleeper", "100", InvocationType.Event);
Console.WriteLine($"async, 3 bytes:          {tiny.StatusCode} (accepted, queued)");

// The configuration limits are checked when you deploy, each with the wording of Lambda's own
// `InvalidParameterValueException`: memory 128 MB–10,240 MB, `/tmp` (ephemeral storage) 512 MB–10,240 MB,
// environment variables 4 KB in all, a zipped package uploaded directly 50 MB.

void TryDeploy(string what, FunctionOptions options)
{
    try
    {
        sim.Lambda.Deploy(options, HandlerFactory.FromDelegate<int, int>((x, _) => x));
        Console.WriteLine($"{what}: deployed");
    }
    catch (LambdaException e)
    {
        Console.WriteLine($"{what}: {e.ErrorCode}: {e.Message}");
    }
}

TryDeploy("memory 12 GB", new FunctionOptions { FunctionName = "big-memory", MemorySize = 12_288 });
TryDeploy("/tmp 20 GB", new FunctionOptions { FunctionName = "big-tmp", EphemeralStorageSize = 20_480 });
TryDeploy("5 KB of variables", new FunctionOptions
{
    FunctionName = "chatty-config",
    Environment = new Dictionary<string, string> { ["CERTIFICATE"] = new string('A', 5_000) },
});
TryDeploy("60 MB package", new FunctionOptions { FunctionName = "fat-package", PackageSizeMB = 60 });
TryDeploy("10 GB /tmp, 10 GB memory", new FunctionOptions { FunctionName = "roomy", MemorySize = Limits.MaxMemoryMB, EphemeralStorageSize = Limits.MaxEphemeralMB });

// **Where /tmp is enforced.**
//
// In a handler compiled by the grader or `course invoke`, each execution environment has its own `/tmp`
// (kept while the environment is warm, gone when it shuts down), and a write past its configured size
// fails with the `IOException` a full disk gives, "No space left on device", as on AWS. The delegate
// handlers of this page run as ordinary code, so here only the setting's range is checked. Packages larger
// than 50 MB go through Amazon S3 (250 MB unzipped) or a container image (10 GB).
//
// ## Concurrency: how many at once
//
// **Concurrency** is the number of requests being handled at the same moment — the number of busy
// execution environments. It is a quota per account and per Region, shared by all your functions:
// 1,000 by default. AWS gives **new accounts lower concurrency and memory quotas** and raises them
// automatically as the account is used (or on request, in Service Quotas). The engine lets you set
// the account's quota; here is an account allowed ten, hit by fifteen requests at once:

var small = new Simulation(new SimulationOptions { Seed = 2, AccountConcurrency = 10 });
small.Lambda.Deploy(new FunctionOptions { FunctionName = "report" },
    HandlerFactory.FromDelegate<string, string>(async (name, _) =>
    {
        await Task.Delay(TimeSpan.FromSeconds(1), small.Time);   // one second of work
        return $"report for {name}";
    }));

var burst = Enumerable.Range(1, 15).Select(i => small.Lambda.InvokeAsync("report", $"\"customer-{i}\"")).ToList();
small.Run();
foreach (var group in burst.Select(t => t.Result).GroupBy(r => r.Throttled ? $"429 {r.ThrottleReason}" : $"{r.StatusCode} ok"))
{
    Console.WriteLine($"{group.Count(),2} × {group.Key}");
}
Console.WriteLine($"peak concurrency: {small.Lambda.GetFunction("report").PeakConcurrentExecutions}");

// Ten ran; five were refused with `TooManyRequestsException` (HTTP 429) before any code ran. A
// synchronous caller gets that error and must retry (the AWS SDK does, with back-off); an asynchronous
// event is kept and retried by Lambda itself; an event source such as SQS slows its polling.
//
// **Reserved concurrency** sets aside part of the account's pool for one function: a guarantee (others
// cannot take it) and a cap (the function never runs more copies). At least 100 must stay unreserved for
// the rest of the account. A function reserved at 2 under a burst of five:

var account = new Simulation(new SimulationOptions { Seed = 2 });
account.Lambda.Deploy(new FunctionOptions { FunctionName = "payments", ReservedConcurrentExecutions = 2 },
    HandlerFactory.FromDelegate<string, string>(async (id, _) =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500), account.Time);
        return $"charged {id}";
    }));

var charges = Enumerable.Range(1, 5).Select(i => account.Lambda.InvokeAsync("payments", $"\"order-{i}\"")).ToList();
account.Run();
foreach (var r in charges.Select(t => t.Result))
{
    Console.WriteLine(r.Throttled ? $"429 {r.ThrottleReason}" : $"{r.StatusCode} {r.Payload}");
}

try
{
    account.Lambda.Deploy(new FunctionOptions { FunctionName = "greedy", ReservedConcurrentExecutions = 950 },
        HandlerFactory.FromDelegate<int, int>((x, _) => x));
}
catch (LambdaException e)
{
    Console.WriteLine($"reserving 950 more: {e.Message}");
}

// Setting reserved concurrency to 0 stops a function altogether — a quick off switch in an incident.
//
// The reasons Lambda puts on a 429 tell you which limit you met:
//
// | reason | meaning |
// |---|---|
// | `ConcurrentInvocationLimitExceeded` | the account's unreserved concurrency is used up |
// | `ReservedFunctionConcurrentInvocationLimitExceeded` | the function's reserved concurrency is used up |
// | `FunctionInvocationRateLimitExceeded` | the function is scaling faster than Lambda allows (1,000 new environments per 10 seconds) |
// | `ReservedFunctionInvocationRateLimitExceeded` | the same, for a function with reserved concurrency |
//
// Scaling has its own pace: each function may add up to 1,000 execution environments every 10
// seconds (`Limits.ScalingEnvironmentsPerWindow` per `Limits.ScalingWindow`), so even an account with a
// high quota meets a sudden spike with some throttles.
//
// ## Working within the deadline
//
// Since a timeout loses the work in progress, long jobs are cut into pieces that each fit. The handler
// reads `context.RemainingTime` before each piece and, when the next one would not fit, stops and returns
// a **cursor** — where the next invocation should resume. The caller (a loop in Step Functions, a queue
// worker, the next message) calls again with it:

var jobs = new Simulation(new SimulationOptions { Seed = 2 });
jobs.Lambda.Deploy(new FunctionOptions { FunctionName = "chunker", Timeout = TimeSpan.FromSeconds(2) },
    HandlerFactory.FromDelegate<int, int>(async (cursor, context) =>
    {
        var total = 12;                                   // twelve pieces of 400 ms each
        for (var i = cursor; i < total; i++)
        {
            if (context.RemainingTime < TimeSpan.FromMilliseconds(400 + 100)) return i;   // resume here
            await Task.Delay(TimeSpan.FromMilliseconds(400), jobs.Time);
        }
        return total;
    }));

var next = 0;
while (next < 12)
{
    var call = jobs.Lambda.Invoke("chunker", next.ToString());
    Console.WriteLine($"from {next,2}: {call.Duration.TotalMilliseconds,7:0.0} ms, returned cursor {call.Payload}");
    next = int.Parse(call.Payload!);
}

// Four pieces fit in each two-second call (with 100 ms kept in hand), and no piece is lost or done
// twice. The exercise asks you to write this handler for real, against DynamoDB.
//
// **Exercise [02-remaining-time](../exercises/02-remaining-time/README.md)** — check it with `./grade 02-remaining-time`.
//
// Work through a job item by item with `context.RemainingTime`, return a cursor before the deadline,
// and resume without losing or repeating items.
//
// **What changed around Lambda in 2025–2026.**
//
// - **Lambda Managed Instances** run your functions on EC2 instances in your own account, chosen through a
//   *capacity provider* (VPC, instance types, scaling). One execution environment handles **many requests
//   at once** (so your code must be thread-safe), it scales on CPU use rather than per request — no cold
//   starts on the request path, but throttles if traffic more than doubles within five minutes — and it is
//   priced like EC2 (Savings Plans apply) plus a management fee. Isolation is by container on the instance,
//   not a Firecracker micro-VM per environment. Supported: .NET 8+, Java 21+, Python 3.13+, Node.js 22+.
// - **Durable functions** checkpoint their progress and replay it, so one *execution* can span up to a year
//   (`DurableConfig.ExecutionTimeout`, at most 31,622,400 s) across many invocations, paying nothing while
//   it waits. Each invocation still ends within 15 minutes; a synchronous invocation of a durable function
//   is limited to 15 minutes in all, so longer executions must be started asynchronously. The SDK is
//   available for JavaScript/TypeScript, Python and Java. Lesson 10 compares them with Step Functions.
// - The asynchronous payload limit went from 256 KB to 1 MB, and INIT is billed for on-demand functions
//   (since August 2025).
//
// Everything else in this lesson describes default (on-demand) Lambda, which the course's engine models.
//
// **Challenge — Which limit was it?**
//
// A function with reserved concurrency 50 in an account whose quota is 1,000 receives a burst of 80
// requests at once, while other functions use 400 environments. How many of the 80 run, and what reason
// do the others' 429s carry? Check your answer by changing the reserved-concurrency block above.
//
// <details><summary>Solution</summary>
//
// 50 run: the reserved slice is both a guarantee (the other functions' 400 cannot take it) and a cap.
// The other 30 are refused with `ReservedFunctionConcurrentInvocationLimitExceeded`. Without the
// reservation all 80 would have run from the 600 unreserved environments left.
//
// </details>
//
// **Challenge — Where does the time go?**
//
// Change the `chunker` so that each piece takes 700 ms and the timeout is 3 seconds. How many calls does
// the job need now, and how much of each call is left unused? What margin would you keep if a piece's
// cost were only an estimate?
//
// <details><summary>Solution</summary>
//
// Four pieces of 700 ms (2.8 s) leave 200 ms, less than 700 + 100 ms, so each call does four and
// the job takes three calls, each leaving about 200 ms unused. With estimated costs, keep a margin
// of the largest piece you have seen (or stop at a fixed fraction of the timeout) — a timeout costs
// the whole call's work, an early stop only the unused time.
//
// </details>

// **Key points**
//
// - Your code runs in an execution environment, a Firecracker micro-VM that serves one request at a time and is reused while warm.
// - Managed runtimes (dotnet8, python3.13 …) bring the language; OS-only runtimes (provided.al2023) run a bootstrap you ship, such as a Native AOT .NET binary, that talks to the Runtime API; container images package either.
// - The limits are hard edges with named errors: 15 minutes (Task timed out), 6 MB synchronous and 1 MB asynchronous payloads (RequestEntityTooLargeException, 413), 4 KB of environment variables, 50 MB zipped packages, /tmp 512 MB–10 GB, memory 128 MB–10 GB.
// - Concurrency is shared by every function in the account and Region (1,000 by default, less for new accounts); reserved concurrency is a guarantee and a cap; above either, requests are throttled with 429 and a reason.
// - Work that does not fit in one invocation must stop before the deadline and say where to resume — `context.RemainingTime` tells you how long you have.
