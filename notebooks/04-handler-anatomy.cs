// Lesson 04: Anatomy of a handler: event, context, and the code that runs once
// Generated from lessons/04-handler-anatomy.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/04-handler-anatomy.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Lambda.Core;
using Course.Lessons.Display;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Pricing;
using Course.Sandbox;

// ## The contract
//
// When an event arrives, the Lambda runtime for .NET needs three things to find your code: the
// **assembly**, the **type** and the **method**. Together they form the *handler string*,
// `Assembly::Namespace.Type::Method`, for example `Orders::Orders.Function::FunctionHandler`.
//
// The method itself has a fixed shape:
//
// - the first parameter is the **event**, deserialised from the JSON payload into whatever type you
//   declare (a `string`, your own record, or one of the event classes for API Gateway, S3, SQS, …);
// - the optional second parameter is the **context**, an `ILambdaContext`;
// - the return value (or the result of the returned `Task`) is serialised back to JSON.
//
// A serializer turns the JSON into your types and back. One assembly attribute selects it:
//
// ```csharp
// using Course.Lambda.Core;
// using Course.Lambda.Serialization.SystemTextJson;
//
// [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
//
// namespace Orders;
//
// public sealed record OrderPlaced(string OrderId, decimal Amount);
//
// public sealed record Receipt(string OrderId, string Status);
//
// public sealed class Function
// {
//     public async Task<Receipt> FunctionHandler(OrderPlaced order, ILambdaContext context)
//     {
//         context.Logger.LogLine($"order {order.OrderId} for {order.Amount} (request {context.AwsRequestId})");
//         await Task.Yield();
//         return new Receipt(order.OrderId, "accepted");
//     }
// }
// ```
//
// **Same names as on AWS.**
//
// The course's types live in `Course.Lambda.*` namespaces that mirror `Amazon.Lambda.*` name for name.
// To move a handler to AWS, change `Course.Lambda` to `Amazon.Lambda` in the `using` lines and reference
// the `Amazon.Lambda.Core` and `Amazon.Lambda.Serialization.SystemTextJson` packages.
//
// ## The context
//
// The second parameter describes this invocation and the environment running it:
//
// | member | what it gives you |
// |---|---|
// | `AwsRequestId` | the id of this request; it also appears in every log line Lambda writes for it |
// | `FunctionName`, `FunctionVersion`, `InvokedFunctionArn` | which function (and version or alias) was called |
// | `MemoryLimitInMB` | the configured memory (CPU share grows with it: 1,769 MB is one full vCPU) |
// | `RemainingTime` | how long until the timeout ends the invocation; check it before starting long work |
// | `Logger` | writes to the function's log stream (CloudWatch Logs on AWS) |
//
// `RemainingTime` matters because a timeout does not end politely: the invocation stops with
// "Task timed out after N seconds" and the environment is reset, losing everything it held. A handler
// that works through a list can stop early and return a cursor instead (that is exercise 02).
//
// ## Two phases: INIT and INVOKE
//
// An **execution environment** is the isolated micro-VM that runs your function. Its life has three
// phases:
//
// 1. **INIT**, once: Lambda starts the runtime, loads your assembly and creates your handler object.
//    Everything in your *constructor*, *field initialisers* and *static* initialisers runs here.
// 2. **INVOKE**, once per event, as long as the environment lives: Lambda calls your handler method.
// 3. **SHUTDOWN**, when Lambda retires an idle environment.
//
// An invocation that needs a new environment pays for INIT first: that is a **cold start**. One that
// finds an idle environment ready skips straight to INVOKE: a **warm start**.
//
// Let's watch it. First, a handler that spends 300 ms of CPU in its constructor (think: creating an
// SDK client and loading configuration) and 5 ms per event:

// Now deploy it into a simulation, with one full vCPU (1,769 MB) so CPU time equals wall time, and
// call it three times in a row:


var sim = new Simulation(new SimulationOptions { Seed = 4 });
sim.Lambda.Deploy(
    new FunctionOptions { FunctionName = "greeter", MemorySize = 1769 },
    HandlerFactory.FromType(typeof(Greeter), nameof(Greeter.FunctionHandler)));

foreach (var name in new[] { "Ada", "Grace", "Linus" })
{
    var result = sim.Lambda.Invoke("greeter", $"\"{name}\"");
    var start = result.InitDuration is { } init ? $"cold, INIT {init.TotalMilliseconds} ms" : "warm";
    Console.WriteLine($"{result.Payload}  ({start}, handler {result.Duration.TotalMilliseconds} ms)");
}

Show.Invocations(sim);

// Only the first call pays the INIT phase: the runtime's own start-up plus your 300 ms. The
// counter shows the same handler object serving all three calls. The log stream tells the same
// story in Lambda's own format; note `Init Duration` on the first `REPORT` line only:

Show.Logs(sim, "greeter");

// ## The costly mistake: set-up inside the handler
//
// Here is the same function written carelessly: it builds its "client" on every call.

// Deploy both versions side by side, send each 20 requests, and compare what they are billed:


var race = new Simulation(new SimulationOptions { Seed = 4 });
race.Lambda.Deploy(new FunctionOptions { FunctionName = "careful", MemorySize = 1769 },
    HandlerFactory.FromType(typeof(Greeter), nameof(Greeter.FunctionHandler)));
race.Lambda.Deploy(new FunctionOptions { FunctionName = "careless", MemorySize = 1769 },
    HandlerFactory.FromType(typeof(CarelessGreeter), nameof(CarelessGreeter.FunctionHandler)));

for (var i = 0; i < 20; i++)
{
    race.Lambda.Invoke("careful", "\"Ada\"");
    race.Lambda.Invoke("careless", "\"Ada\"");
}

var costs = new CostModel(PriceSheet.UsEast1);
foreach (var name in new[] { "careful", "careless" })
{
    var runs = race.Lambda.Invocations.Where(r => r.FunctionName == name).ToList();
    Console.WriteLine($"{name,-9} billed {runs.Sum(r => r.BilledDurationMs),6} ms in total; average handler time {runs.Average(r => r.Duration.TotalMilliseconds):0.0} ms");
}

Show.Cost(costs.Summarize(race.Lambda.Invocations.Where(r => r.FunctionName == "careless")));

// The careful version pays 300 ms once; the careless one pays it twenty times, and every one of its
// users waits for it.
//
// Before scaling this up to a month, notice what the twenty requests assume: one cold start in twenty
// (5 %). Steady production traffic keeps environments warm far more of the time; AWS's operator guide
// reports that, across production workloads, cold starts typically occur in under 1 % of invocations.
// So the extrapolation below states its assumption, 1 % cold and 99 % warm, and weights the cold and
// warm billed durations the simulator measured accordingly:

const double coldShare = 0.01;   // assumption: under 1 % of invocations are cold (AWS Lambda operator guide)
foreach (var name in new[] { "careful", "careless" })
{
    var runs = race.Lambda.Invocations.Where(r => r.FunctionName == name).ToList();
    var cold = runs.Where(r => r.ColdStart).Average(r => (double)r.BilledDurationMs);
    var warm = runs.Where(r => !r.ColdStart).Average(r => (double)r.BilledDurationMs);
    var average = TimeSpan.FromMilliseconds((coldShare * cold) + ((1 - coldShare) * warm));
    var month = costs.Estimate(1_000_000, average, memoryMB: 1769);
    Console.WriteLine($"{name,-9} cold {cold,6:0} ms, warm {warm,6:0.0} ms → {average.TotalMilliseconds,6:0.0} ms billed on average: ${month.Total,6:0.00} for a million requests (no free tier)");
}

// The careless handler's extra 300 ms is paid on every warm request too, so it costs about the same
// whatever cold-start rate you assume; the careful one gets cheaper the rarer cold starts are.
//
// **Challenge — Move it to INIT**
//
// This handler creates an `HttpClient` and parses its settings on every call. Rewrite it so that the
// expensive parts run once per execution environment, and say what must *not* move to INIT.
//
// ```csharp
// using Course.Lambda.Core;
//
// namespace Weather;
//
// public sealed class Function
// {
//     public async Task<string> FunctionHandler(string city, ILambdaContext context)
//     {
//         using var http = new HttpClient { BaseAddress = new Uri("https://weather.example/") };
//         var units = Environment.GetEnvironmentVariable("UNITS") ?? "metric";
//         return await http.GetStringAsync($"now?city={Uri.EscapeDataString(city)}&units={units}");
//     }
// }
// ```
//
// <details><summary>Solution</summary>
//
// Create the client and read the settings in the constructor (or in `static readonly` fields); keep
// everything that depends on the event (the city) in the handler. Do not dispose the shared client per
// call: it lives as long as the environment.
//
// ```csharp
// using Course.Lambda.Core;
//
// namespace Weather;
//
// public sealed class Function
// {
//     private readonly HttpClient _http = new() { BaseAddress = new Uri("https://weather.example/") };
//     private readonly string _units = Environment.GetEnvironmentVariable("UNITS") ?? "metric";
//
//     public Task<string> FunctionHandler(string city, ILambdaContext context) =>
//         _http.GetStringAsync($"now?city={Uri.EscapeDataString(city)}&units={_units}");
// }
// ```
//
// Per-request data, credentials that expire, and anything that must be fresh for each event stay in
// the handler. Exercise 04 checks exactly this: the grader counts how often your code creates its
// DynamoDB client.
//
// </details>
//
// ## More than one environment
//
// Lambda never runs two events at once in one environment. If a second request arrives while the
// first is still running, Lambda starts a second environment, with its own cold start and its own
// copy of every field and static. Idle environments are eventually shut down: AWS does not document
// when (observations range from about 5 to 60 minutes), so the simulator makes it a setting,
// 15 minutes by default.

var burst = new Simulation(new SimulationOptions { Seed = 4 });
burst.Lambda.Deploy(new FunctionOptions { FunctionName = "greeter", MemorySize = 1769 },
    HandlerFactory.FromType(typeof(Greeter), nameof(Greeter.FunctionHandler)));

// Two requests at the same moment, then one more a second later, then one after 20 idle minutes.
var first = burst.Lambda.InvokeAsync("greeter", "\"Ada\"");
var second = burst.Lambda.InvokeAsync("greeter", "\"Grace\"");
burst.RunFor(TimeSpan.FromSeconds(1));
var third = burst.Lambda.InvokeAsync("greeter", "\"Linus\"");
burst.RunFor(TimeSpan.FromMinutes(20));
var fourth = burst.Lambda.InvokeAsync("greeter", "\"Barbara\"");
burst.Run();

foreach (var result in new[] { first, second, third, fourth }.Select(t => t.Result))
{
    Console.WriteLine($"{result.Payload,-32} on {result.EnvironmentId}, {(result.InitDuration is null ? "warm" : "cold")}");
}

Show.Timeline(burst);

// **Challenge — Count the cold starts**
//
// A function (idle timeout 15 minutes, as in the simulator) receives: one request at 0 s; one at
// 10 s; two at the same moment at 20 s; one at 40 minutes. Each takes 50 ms. How many cold starts,
// and how many environments exist in total? Check your answer by changing the last code cell.
//
// <details><summary>Hint</summary>
//
// At 20 s one idle environment exists. At 40 minutes, how long has each environment been idle?
//
// </details>
//
// <details><summary>Solution</summary>
//
// **Three cold starts, three environments.** 0 s is cold (environment 1). 10 s is warm (environment 1
// is idle). At 20 s one of the pair takes environment 1; the other needs environment 2, cold. By
// 40 minutes both have been idle for far more than 15 minutes and were shut down, so the last
// request is cold on environment 3.
//
// ```csharp
// using Course.Sandbox;
// using Course.Sandbox.Functions;
// using Course.Sandbox.Hosting;
//
// public static class ColdStartCount
// {
//     public static int Count(HandlerFactory handler)
//     {
//         var sim = new Simulation(new SimulationOptions { Seed = 1 });
//         sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, handler);
//         sim.Lambda.InvokeAsync("f", "\"a\"");
//         sim.RunFor(TimeSpan.FromSeconds(10));
//         sim.Lambda.InvokeAsync("f", "\"b\"");
//         sim.RunFor(TimeSpan.FromSeconds(10));
//         sim.Lambda.InvokeAsync("f", "\"c\"");
//         sim.Lambda.InvokeAsync("f", "\"d\"");
//         sim.RunUntil(sim.Options.Start.AddMinutes(40));
//         sim.Lambda.InvokeAsync("f", "\"e\"");
//         sim.Run();
//         return sim.Lambda.Invocations.Count(r => r.ColdStart);
//     }
// }
// ```
//
// </details>
//
// **INIT is billed, and bounded.**
//
// Since 1 August 2025 the INIT phase is billed for on-demand functions packaged as .zip on managed runtimes, like
// INVOKE time. Moving work to INIT still pays off, because it is paid once per environment rather
// than once per event. But INIT is limited to 10 seconds: code that takes longer fails the INIT and
// Lambda retries it on the first invocation, under the function timeout.
//
// **Exercise [04-init-once](../exercises/04-init-once/README.md)** — check it with `./grade 04-init-once`.
//
// Write a DynamoDB `GetItem` handler behind an HTTP route: `200` with the item, `404` when it is missing,
// and the client created once per environment.

// **Key points**
//
// - A handler is a public method taking the event (deserialised from JSON) and an `ILambdaContext`, returning a result or a `Task` of one.
// - The constructor, field initialisers and statics run once per execution environment (INIT); the handler method runs once per event (INVOKE).
// - Create SDK clients, load configuration and warm caches in INIT, so that warm invocations skip that cost. INIT is billed too (since August 2025) and limited to 10 seconds.
// - Concurrent requests get separate environments, each with its own cold start and its own copy of every field and static.

// Types used above. C# wants top-level statements before type declarations, so they come last here.


public sealed class Greeter
{
    private readonly string _greeting;
    private int _calls;

    public Greeter()
    {
        // INIT: runs once per execution environment.
        SimulatedWork.Spend(300);
        _greeting = "Hello";
    }

    public string FunctionHandler(string name, ILambdaContext context)
    {
        // INVOKE: runs once per event.
        SimulatedWork.Spend(5);
        _calls++;
        context.Logger.LogLine($"call {_calls} in this environment");
        return $"{_greeting}, {name}! (call {_calls} here)";
    }
}


public sealed class CarelessGreeter
{
    public string FunctionHandler(string name, ILambdaContext context)
    {
        SimulatedWork.Spend(300);   // the client, created again for every event
        SimulatedWork.Spend(5);
        return $"Hello, {name}!";
    }
}
