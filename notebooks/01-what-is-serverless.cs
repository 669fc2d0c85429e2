// Lesson 01: What serverless is, and what it is not
// Generated from lessons/01-what-is-serverless.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/01-what-is-serverless.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Sandbox.Pricing;

// ## A function, not a server
//
// Picture the usual way to put code online: you rent a machine, install a runtime, deploy the
// application, keep the operating system patched, and choose how many machines to run. Most of the
// time those machines sit waiting, and you pay for every hour they wait.
//
// **Serverless** turns this around. You hand the platform a unit of code and say which *events*
// should run it: an HTTP request, a file landing in a bucket, a message in a queue, a timer. The
// platform finds somewhere to run it, runs as many copies as the events demand, and stops charging
// when the events stop. There are still servers, of course; they are simply not yours to look after.
//
// A service earns the name when it has all four of these traits:
//
// | trait | what it means in practice |
// |---|---|
// | No servers to manage | no machines to provision, patch or right-size; the provider owns the fleet |
// | Scales by itself | one request or ten thousand, the platform adds and removes capacity for you |
// | Scales to zero | when nothing happens, nothing runs and (apart from storage) nothing is billed |
// | Pay per use | the price is per request and per unit of work (GB-seconds, reads, messages), not per hour of uptime |
//
// **Event-driven by design.**
//
// A serverless function never polls or loops waiting for work: something *happens*, and the platform
// invokes your code with a description of what happened (the **event**). Lesson 05 looks at the
// common event sources and how each one retries when your code fails.
//
// ## Function-as-a-Service versus a serverless system
//
// **Function-as-a-Service (FaaS)** is the compute layer: you upload a function and the platform runs
// it per event. AWS Lambda is the best-known example; Azure Functions and Google's Cloud Run
// functions are others.
//
// A **serverless system** goes further: every part of it has the four traits, not only the compute.
// On AWS that typically means Lambda for code, plus:
//
// - **S3** for objects (files), billed per GB stored and per request;
// - **DynamoDB** (on-demand mode) or **Aurora Serverless** for data;
// - **SQS**, **SNS** and **EventBridge** for messages and events between the parts;
// - **API Gateway** in front, turning HTTP requests into events.
//
// A Lambda function that talks to a database server you run yourself is FaaS, but the system is only
// partly serverless: the database still needs patching, sizing and paying for while idle.
//
// **Challenge — Serverless or not?**
//
// For each design, decide whether it is serverless as a whole, and if not, which trait it lacks.
//
// 1. An HTTP API on API Gateway calling Lambda functions that read and write a DynamoDB table in on-demand mode.
// 2. The same functions, but storing data in a PostgreSQL server on one EC2 instance.
// 3. A container service on ECS Fargate with an auto-scaling rule, minimum 2 tasks.
// 4. A nightly report: an EventBridge schedule starts a Lambda function that writes a CSV to S3.
//
// <details><summary>Solution</summary>
//
// 1. **Serverless.** Every part scales by itself, scales to zero and bills per use.
// 2. **Not as a whole.** The EC2 database must be sized, patched and paid for by the hour, even at 3 a.m. with no traffic.
// 3. **Not serverless**, though there are no servers to patch: it never scales below two tasks, and tasks are billed per second of uptime whether or not requests arrive. It is a *managed container* service, a fine choice for steady traffic (lesson 03).
// 4. **Serverless.** It runs once a night and costs next to nothing the rest of the time.
//
// </details>
//
// ## What it costs
//
// Lambda's bill has two parts (us-east-1 prices, x86):
//
// - **requests**: $0.20 per million invocations;
// - **compute**: $0.0000166667 per **GB-second**, that is, memory size in GB × run time in seconds, with
//   run time rounded up to the next millisecond.
//
// Every month the free tier takes off the first 1 million requests and 400,000 GB-seconds.
//
// **A common mistake.**
//
// It is easy to count only the request charge. A widely shared comparison table puts
// 100,000 requests a month at 512 MB and 200 ms at "about $0.02"; that is the request charge
// alone. The compute is 100,000 × 0.5 GB × 0.2 s = 10,000 GB-seconds, about $0.17 more. And with
// the free tier the whole workload costs nothing at all. Check both parts, and the free tier, every
// time.
//
// The simulator's cost model does this arithmetic with the same prices. Run it in the notebook and change the numbers:


// The engine's price sheet and cost model: us-east-1, x86.
var prices = PriceSheet.UsEast1;
Console.WriteLine($"prices as of {prices.AsOf:yyyy-MM-dd}, {prices.Region}: ${prices.RequestsPerMillion} per million requests, " +
    $"${prices.X86Duration[0].UnitPrice} per GB-second; free tier {prices.FreeRequests:N0} requests + {prices.FreeGbSeconds:N0} GB-s a month");

var costs = new CostModel(prices);
foreach (var requests in new long[] { 100_000, 1_000_000, 10_000_000 })
{
    var bill = costs.Estimate(requests, TimeSpan.FromMilliseconds(200), memoryMB: 512);
    var withFreeTier = costs.Estimate(requests, TimeSpan.FromMilliseconds(200), memoryMB: 512, freeTier: true);
    Console.WriteLine(
        $"{requests,12:N0} requests at 512 MB, 200 ms: {bill.GbSeconds,9:N0} GB-s; " +
        $"requests ${bill.RequestCost:0.00} + compute ${bill.ComputeCost:0.00} = ${bill.Total,6:0.00} without free tier, " +
        $"${withFreeTier.Total,6:0.00} with it");
}

// The output shows the two parts together: 100,000 requests cost about $0.19 before the free tier
// and nothing after it; 10 million requests cost about $18.67 before and about $11.80 after.
//
// **Challenge — Read the bill**
//
// A function handles 3 million requests a month. It has 1,024 MB of memory and runs 120 ms on average.
// Work out its monthly bill with the free tier, by hand or with the engine's cost model in the notebook
// (`costs.Estimate(3_000_000, TimeSpan.FromMilliseconds(120), memoryMB: 1024, freeTier: true)`), or from
// the command line with `course cost --requests 3000000 --duration-ms 120 --memory 1024`.
// Which part, requests or compute, is larger?
//
// <details><summary>Hint</summary>
//
// GB-seconds = 3,000,000 × 1 GB × 0.12 s. Subtract 400,000 before pricing them.
//
// </details>
//
// <details><summary>Solution</summary>
//
// Compute: 3,000,000 × 1 × 0.12 = 360,000 GB-seconds, which is less than the 400,000 free, so $0.
// Requests: 3,000,000 − 1,000,000 = 2,000,000 billable, × $0.20 per million = $0.40.
// The bill is **$0.40**, all of it requests. At a higher memory size or a longer run time the
// compute part would quickly dominate.
//
// ```csharp
// using Course.Sandbox.Pricing;
//
// public static class ReadTheBill
// {
//     // By hand, then with the engine: both give $0.40.
//     public static decimal ByHand()
//     {
//         var gbSeconds = 3_000_000m * (1024m / 1024m) * 0.120m;              // 360,000 GB-s
//         var compute = Math.Max(0, gbSeconds - 400_000m) * 0.0000166667m;    // $0
//         var requests = Math.Max(0, 3_000_000m - 1_000_000m) / 1_000_000m * 0.20m; // $0.40
//         return compute + requests;
//     }
//
//     public static decimal WithTheCostModel() =>
//         new CostModel(PriceSheet.UsEast1).Estimate(3_000_000, TimeSpan.FromMilliseconds(120), memoryMB: 1024, freeTier: true).Total;
// }
// ```
//
// </details>
//
// ## What you give up
//
// Serverless is a trade-off, not a free upgrade. You gain operational simplicity and, for bursty
// traffic, a lower bill. In exchange:
//
// - **Bounded run time.** One Lambda invocation runs at most 15 minutes (the default timeout is only
//   3 seconds). Long batch jobs must be split, or run elsewhere.
// - **Less control over the runtime.** You choose a language runtime, memory (128 MB to 10,240 MB;
//   CPU grows with it) and a few settings. You do not choose the kernel, the machine type or a GPU.
// - **Cold starts.** When no warm copy of your function is ready, the platform must create an
//   execution environment and run your initialisation code first. That adds latency: the course's
//   model starts at about 130 ms for a trivial .NET Native AOT function and 230 ms for managed .NET,
//   and Java takes seconds; what your own initialisation loads comes on top (lessons 04 and 08).
// - **No memory between events, except by luck.** A warm environment *may* be reused, so a cache in
//   a static field can help, but nothing guarantees it. State that matters lives in a managed
//   service (S3, DynamoDB, a queue).
// - **Shared concurrency.** By default an AWS account can run 1,000 function instances at once
//   *per Region*, shared by all its functions in that Region, not 1,000 per function. A flood on
//   one function can throttle the others unless you reserve concurrency for them.
//
// **The shape of a handler.**
//
// In C# a Lambda function is a public method on a class. The runtime creates the class once per
// execution environment (the constructor is the place for set-up) and calls the method once per
// event. Lesson 04 takes this apart; here is the shape:
//
// ```csharp
// using Course.Lambda.Core;
//
// namespace HelloServerless;
//
// public sealed class Function
// {
//     // Runs once per execution environment (the INIT phase), then reused while it stays warm.
//     private readonly DateTimeOffset _startedAt = DateTimeOffset.UnixEpoch;
//
//     // Runs once per event (the INVOKE phase).
//     public string FunctionHandler(string name, ILambdaContext context)
//     {
//         context.Logger.LogLine($"Hello from {context.FunctionName}, request {context.AwsRequestId}");
//         return $"Hello, {name}! (environment set up at {_startedAt:O})";
//     }
// }
// ```
//
// **Challenge — Where does the trade-off bite?**
//
// For each workload say whether Lambda fits, and if not, which limit rules it out.
//
// 1. Re-encoding uploaded videos; each video takes 25 to 40 minutes to process.
// 2. A webhook receiver that sees 50 calls on a normal day and 20,000 in the hour after a marketing email.
// 3. Three functions in one account and Region, each of which can peak at 400 concurrent executions at the same moment.
// 4. A chat API whose users notice any response slower than 100 ms, with traffic that is idle for hours at a time.
//
// <details><summary>Solution</summary>
//
// 1. **Does not fit as one invocation**: it exceeds the 15-minute maximum. Split the work into chunks (for example a Step Functions Map over segments, lesson 10) or run it on Fargate or EC2.
// 2. **Fits well**: this is the bursty, mostly idle pattern serverless is priced for; it scales up for the hour and back to zero.
// 3. **Fits with care**: 3 × 400 = 1,200 is more than the default 1,000 per account per Region, so some invocations would be throttled. Ask for a higher quota, or reserve concurrency for the function that must not be throttled.
// 4. **Fits with care**: after idle hours the first requests meet cold starts. Provisioned concurrency keeps environments initialised, at a price (lesson 08).
//
// </details>
//
// **Exercise [01-hello-api](../exercises/01-hello-api/README.md)** — check it with `./grade 01-hello-api`.
//
// Write your first handler: an HTTP API endpoint that accepts `{"user_id": "..."}` and answers
// `200` with `{"user_id": "...", "status": "processed"}`, or `400` with `{"error": "user_id required"}`.

// **Key points**
//
// - Serverless means no servers for *you* to provision, patch or scale; you pay per request and per unit of work, nothing while idle.
// - Lambda is the compute piece (FaaS); a serverless system also uses managed storage, queues, buses and databases that scale and bill the same way.
// - A Lambda bill has two parts: $0.20 per million requests and about $0.0000167 per GB-second of compute. Forgetting the compute part understates the bill several times over.
// - The limits are real design inputs - 15 minutes per invocation, cold starts, and 1,000 concurrent executions per account per Region shared by all functions (by default).
