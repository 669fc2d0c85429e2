// Lesson 10: Orchestration with Step Functions: ASL, Map, Retry and Catch, Standard or Express
// Generated from lessons/10-step-functions.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/10-step-functions.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Lambda.Core;
using Course.Lessons.Display;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Pricing;
using Course.Sandbox.Retries;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Executions;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Course.Sandbox.Templates.Yaml;
using Course.Sandbox;
using System.Diagnostics;
using System;

// ## When to orchestrate
//
// [Lesson 06](06-ai-workloads.ipynb#when-the-function-is-the-wrong-place) ended with a document pipeline that had outgrown one function: summarizing a big document
// took longer than the timeout, and throttled calls needed waits of minutes. There are three ways to
// split such work into steps, and they differ in who holds the flow:
//
// | design | who holds the flow | what goes wrong |
// |---|---|---|
// | **one function calls the next** (`Invoke` with RequestResponse) | the caller's code | the caller waits, and pays, for every step it calls; its timeout bounds the whole chain; each retry is code you write; a failure halfway leaves no record of where it stopped |
// | **a queue between functions** ([lesson 05](05-event-sources.ipynb)'s SQS, EventBridge) | nobody: each function reacts to a message | steps are decoupled and retried per message, but the flow is implicit: "where is document 42?" needs your own bookkeeping, and branching, waiting for all chunks or a deadline across steps are hard |
// | **a state machine** (AWS Step Functions) | a definition, run by the service | one more service and its language to learn; each step's input and output must fit 256 KiB; Standard workflows are billed per state transition |
//
// A state machine is worth it when the flow itself matters: several steps with their own retries, a
// wait longer than a function may run (a Standard workflow may run for a year), steps that run in
// parallel and must all finish, a human approval, or an audit trail of what happened to each item. For
// two steps that always succeed together, a function is simpler; for a stream of independent messages,
// a queue is.
//
// ## Amazon States Language
//
// A state machine is a JSON document in the **Amazon States Language** (ASL): `StartAt` names the first
// state, `States` maps names to states, and every state has a `Type` and either `Next` or `End` (Choice,
// Succeed and Fail have their own rules). The types:
//
// | type | does | key fields |
// |---|---|---|
// | `Task` | one unit of work: a Lambda function, a service API, an activity | `Resource`, `Parameters`, `Retry`, `Catch`, `TimeoutSeconds` |
// | `Pass` | passes or reshapes its input | `Result`, `Parameters` |
// | `Choice` | branches on the input | `Choices` (rules with `Next`), `Default` |
// | `Wait` | waits a time or until a timestamp | `Seconds`, `Timestamp`, `SecondsPath`, `TimestampPath` |
// | `Parallel` | runs branches at once, waits for all | `Branches`, `Retry`, `Catch` |
// | `Map` | runs a sub-workflow per item of an array | `ItemsPath`, `ItemSelector`, `ItemProcessor`, `MaxConcurrency`, `ToleratedFailureCount` |
// | `Succeed`, `Fail` | end the execution (Fail with `Error` and `Cause`) | |
//
// The engine has an interpreter for ASL with JSONPath (`sim.StepFunctions`, the same one as `./course
// states run`): executions run on the simulation's virtual clock against the simulated functions and
// services, and record their history in the shape of the `GetExecutionHistory` API. A first machine,
// with no functions at all — remind a customer a day after a large order:


const string Reminder = """
    {
      "Comment": "Remind a customer a day after a large order",
      "StartAt": "Large order?",
      "States": {
        "Large order?": {
          "Type": "Choice",
          "Choices": [ { "Variable": "$.total", "NumericGreaterThanEquals": 100, "Next": "Wait a day" } ],
          "Default": "Nothing to do"
        },
        "Wait a day": { "Type": "Wait", "Seconds": 86400, "Next": "Remind" },
        "Remind": {
          "Type": "Pass",
          "Parameters": { "to.$": "$.customer", "text.$": "States.Format('Thank you for order {}!', $.id)" },
          "End": true
        },
        "Nothing to do": { "Type": "Succeed" }
      }
    }
    """;

var sim = new Simulation(new SimulationOptions { Seed = 10 });
var reminder = sim.StepFunctions.CreateStateMachine("order-reminder", Reminder);
var large = sim.StepFunctions.StartExecution(reminder.Arn, """{"id":"o-17","customer":"ada@example.com","total":250}""");
var small = sim.StepFunctions.StartExecution(reminder.Arn, """{"id":"o-18","customer":"bo@example.com","total":20}""");
var wall = Stopwatch.StartNew();
sim.Run();
Console.WriteLine($"large: {large.StatusText} at +{(large.StopDate!.Value - large.StartDate).TotalHours} h of virtual time, output {large.Output}");
Console.WriteLine($"small: {small.StatusText} at +{(small.StopDate!.Value - small.StartDate).TotalHours} h, output {small.Output}");
Console.WriteLine($"(the simulated day took {wall.ElapsedMilliseconds} ms of real time)");
Show.History(large);
Show.Execution(large);

// The picture under the history is drawn from it: one row per state entered, virtual time across (the
// Wait fills the day). Each event has an `id` and the `previousEventId` it follows; `stateEnteredEventDetails` and
// `stateExitedEventDetails` carry each state's input and output as JSON text. `States.Format` is one
// of the intrinsic functions (`States.Array`, `States.MathAdd`, `States.UUID`, …) a `.$` field may
// call. A definition is checked when it is created, as `CreateStateMachine` does, and an invalid one
// never runs:


try
{
    sim.StepFunctions.CreateStateMachine("typo", Reminder.Replace("\"Next\": \"Remind\"", "\"Next\": \"Remnd\""));
}
catch (InvalidDefinitionException e)
{
    Console.WriteLine($"{e.ErrorCode}: {e.Message}");
}

// `./course states validate machine.json` gives the same diagnostics with the file's line and column.
//
// ## Task: calling a Lambda function
//
// A Task's `Resource` names the work. For Lambda there are two forms, and they return different things:
//
// - **the function's ARN** (`arn:aws:lambda:us-east-1:123456789012:function:Extract`): the state's result is
//   the function's response itself.
// - **`arn:aws:states:::lambda:invoke`** with `"Parameters": {"FunctionName": "Extract", "Payload.$": "$"}`:
//   the result is the Invoke API's response — the function's response under `Payload`, with
//   `StatusCode`, `ExecutedVersion` and the HTTP metadata beside it (the *optimized* Lambda integration);
//   select what you need with `ResultSelector` or `OutputPath`.
//
// A function error becomes the Task's error, named after the exception type (`ModelThrottledException`
// below); Lambda's own service errors come as `Lambda.ServiceException`, `Lambda.TooManyRequestsException`
// and the like. The function runs as any invocation does — cold starts, concurrency and the bill
// included:

var tasks = new Simulation(new SimulationOptions { Seed = 10 });
tasks.Lambda.Deploy(new FunctionOptions { FunctionName = "Extract", MemorySize = 512 },
    HandlerFactory.FromDelegate((Dictionary<string, string> e, ILambdaContext c) =>
    {
        SimulatedWork.Spend(120);   // the simulator's model of 120 ms of work at a full vCPU (1,769 MB); 512 MB gets less CPU
        return new { document = e["key"], chunks = Enumerable.Range(1, 6).Select(i => $"part {i} of {e["key"]}").ToArray() };
    }));

string RunOnce(Simulation s, string name, string definition, string input)
{
    var machine = s.StepFunctions.CreateStateMachine(name, definition);
    var execution = s.StepFunctions.StartExecution(machine.Arn, input);
    s.RunUntilComplete(execution.Completion);
    return execution.Output ?? $"{execution.Error}: {execution.Cause}";
}

const string Doc = """{"bucket":"documents","key":"reports/q3.txt"}""";
Console.WriteLine("bare ARN:      " + RunOnce(tasks, "bare", """
    {"StartAt":"Extract","States":{"Extract":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Extract","End":true}}}
    """, Doc));
Console.WriteLine("lambda:invoke: " + RunOnce(tasks, "wrapped", """
    {"StartAt":"Extract","States":{"Extract":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
      "Parameters":{"FunctionName":"Extract","Payload.$":"$"},"End":true}}}
    """, Doc)[..160] + " …");
Show.Invocations(tasks);

// The first execution started a cold environment (its INIT is in the table); the second reused it.
//
// ## Input and output processing
//
// Every state sees a JSON input and passes on a JSON output, and five fields shape them — always in
// this order:
//
// | step | field | does | default |
// |---|---|---|---|
// | 1 | `InputPath` | selects part of the state's input | `$` (all of it) |
// | 2 | `Parameters` | builds the task's input; keys ending in `.$` take a path or an intrinsic | the selected input |
// | 3 | *(the task runs)* | | |
// | 4 | `ResultSelector` | builds a new result from the task's result | the result |
// | 5 | `ResultPath` | where the result goes in the *original input*: `$` replaces it, `$.x` adds it, `null` discards it | `$` |
// | 6 | `OutputPath` | selects part of that as the state's output | `$` |
//
// The usual pattern is to keep the input and add the result next to it: the input is the order, the
// result is what the task learned about it.

var shaped = RunOnce(tasks, "shaped", """
    {"StartAt":"Extract","States":{"Extract":{
      "Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
      "InputPath":"$.upload",
      "Parameters":{"FunctionName":"Extract","Payload":{"bucket.$":"$.bucket","key.$":"$.key"}},
      "ResultSelector":{"count.$":"States.ArrayLength($.Payload.chunks)","first.$":"$.Payload.chunks[0]"},
      "ResultPath":"$.upload.extracted",
      "OutputPath":"$.upload",
      "End":true}}}
    """, """{"requestedBy":"ada","upload":{"bucket":"documents","key":"reports/q3.txt"}}""");
Console.WriteLine(shaped);

// `InputPath` kept `upload`; `Parameters` built the Invoke request; `ResultSelector` kept two facts
// from the wrapped response; `ResultPath` put them under `upload.extracted` of the **original** input
// (with `requestedBy` still in it); `OutputPath` passed on only `upload`.
//
// **Challenge — Predict the output**
//
// Change `"ResultPath":"$.upload.extracted"` to `"ResultPath":"$"`, then to `"ResultPath":null`, and
// predict the output each time before you run it.
//
// <details><summary>Solution</summary>
//
// With `"ResultPath":"$"` the result *replaces* the input: the state's output would be
// `{"count":6,"first":"part 1 of reports/q3.txt"}`, and `OutputPath: "$.upload"` then selects a field
// that does not exist, so the execution fails with `States.Runtime`. With `"ResultPath":null` the
// result is discarded and the input passes through: the output is
// `{"bucket":"documents","key":"reports/q3.txt"}`. ResultPath decides what survives; OutputPath can only
// select from what did.
//
// </details>
//
// ## Retry and Catch
//
// A Task, Parallel or Map state may declare how it handles errors:
//
// - **`Retry`** is a list of retriers, tried in order; the first whose `ErrorEquals` matches the error
//   retries the state after `IntervalSeconds` (default **1**), multiplying the wait by `BackoffRate`
//   (default **2.0**) each time, at most `MaxAttempts` times (default **3**; `0` never retries).
//   `MaxDelaySeconds` caps a wait; `JitterStrategy: "FULL"` draws each wait at random between 0 and
//   the computed value, so executions that failed together do not retry together ([lesson 06](06-ai-workloads.ipynb#throttling-back-off-with-jitter)
//   met the herd). `States.ALL` matches every error.
// - **`Catch`** takes the error when retries are used up (or none matched): `Next` names the state to go
//   to, and `ResultPath` where the error output `{"Error": …, "Cause": …}` goes in the state's input
//   (the default `$` replaces the input with it).
//
// An error that is neither retried to success nor caught fails the execution. For Lambda tasks AWS
// recommends retrying Lambda's transient service errors (`Lambda.ServiceException`,
// `Lambda.AWSLambdaException`, `Lambda.SdkClientException`, `Lambda.ClientExecutionTimeoutException`,
// with an interval of 2 s, 6 attempts and a rate of 2); its page adds that unhandled errors such as
// out-of-memory errors and function timeouts are reported as `Lambda.Unknown`, which `States.TaskFailed`
// and `States.ALL` also match. The waits come from one rule, the engine's `StepFunctionsRetryBackoff`:


var rules = new (string Name, RetryPolicy Policy)[]
{
    ("defaults", new RetryPolicy { ErrorEquals = ["States.ALL"] }),
    ("AWS's Lambda advice (2 s, ×2, 6)", new RetryPolicy { ErrorEquals = ["Lambda.ServiceException"], IntervalSeconds = 2, MaxAttempts = 6 }),
    ("capped at 5 s", new RetryPolicy { ErrorEquals = ["States.ALL"], MaxAttempts = 6, MaxDelaySeconds = 5 }),
    ("FULL jitter (seeded)", new RetryPolicy { ErrorEquals = ["States.ALL"], MaxAttempts = 6, FullJitter = true }),
};
var random = new Random(10);
foreach (var (name, policy) in rules)
{
    var waits = Enumerable.Range(1, policy.MaxAttempts).Select(n => StepFunctionsRetryBackoff.Delay(policy, n, random).TotalSeconds).ToList();
    Console.WriteLine($"{name,-34} waits {string.Join(", ", waits.Select(w => $"{w:0.##} s"))}  (total {waits.Sum():0.##} s)");
}

// Now a real execution: a payment function that fails three times before it gets through, first with
// the default retrier, then with only two retries and a Catch that parks the order for later:

var payments = new Simulation(new SimulationOptions { Seed = 10 });
var attempts = 0;
payments.Lambda.Deploy(new FunctionOptions { FunctionName = "Charge", MemorySize = 1769 },
    HandlerFactory.FromDelegate((Dictionary<string, object> order, ILambdaContext c) =>
    {
        SimulatedWork.Spend(80);
        return ++attempts % 4 != 0 ? throw new TimeoutException("payment gateway did not answer") : "charged";
    }));

Execution Pay(string name, string definition)
{
    var machine = payments.StepFunctions.CreateStateMachine(name, definition);
    var execution = payments.StepFunctions.StartExecution(machine.Arn, """{"order":"o-17"}""");
    payments.RunUntilComplete(execution.Completion);
    return execution;
}

var retried = Pay("pay-with-defaults", """
    {"StartAt":"Charge","States":{
      "Charge":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Charge","ResultPath":"$.payment",
                "Retry":[{"ErrorEquals":["TimeoutException"]}],
                "End":true}}}
    """);
Console.WriteLine($"defaults: {retried.StatusText}, output {retried.Output}, {retried.StateTransitions} state transitions");
var calls = payments.Lambda.Invocations;
Console.WriteLine("attempts at +" + string.Join(" s, +", calls.Select(i => $"{(i.Start - retried.StartDate).TotalSeconds:0.000}")) + " s; back-off waits "
    + string.Join(", ", calls.Zip(calls.Skip(1), (a, b) => $"{(b.Start - a.End).TotalSeconds:0.###} s")));
Show.Execution(retried);

attempts = 0;
var caught = Pay("pay-or-park", """
    {"StartAt":"Charge","States":{
      "Charge":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Charge","ResultPath":"$.payment",
                "Retry":[{"ErrorEquals":["TimeoutException"],"MaxAttempts":2}],
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Park the order"}],
                "End":true},
      "Park the order":{"Type":"Pass","Result":"parked","ResultPath":"$.status","End":true}}}
    """);
Console.WriteLine($"two retries + Catch: {caught.StatusText}, output {caught.Output}");
Show.Execution(caught);

// The first attempt waits for a cold start (INIT, in the simulator's model); after each failure the state
// waits 1, 2 and 4 s on the virtual clock before the next attempt — the defaults, measured from the end of
// one attempt to the start of the next. Its four state transitions are the state entered and three
// retries: each retry is billed like a state. The second gives up after two retries; the
// Catch keeps the order (`ResultPath: "$.error"` adds the error next to it) and moves on, so the
// execution *succeeds* with the failure recorded in its output and its history.
//
// **Retry the transient, catch the rest.**
//
// A retrier on `States.ALL` also retries errors that will never succeed — a validation error, a missing
// item — and spends the back-off and the transitions on them. Retry the errors you know to be
// transient by name, and Catch everything else into a state that records it.
//
// ## Map and Parallel
//
// **Parallel** runs each of its `Branches` (each a complete sub-workflow) on the same input at once,
// waits for all of them, and outputs the array of their outputs in branch order; one failing branch
// fails the state (and stops the others) unless the state's Retry or Catch handles it. **Map** runs its
// `ItemProcessor` once per item of the array at `ItemsPath`:
//
// - `ItemSelector` builds each iteration's input; `$$.Map.Item.Value` and `$$.Map.Item.Index` are the
//   item and its index (`$$` is the context object), `$.field` still reads the Map's input.
// - `MaxConcurrency` caps how many iterations run at once (`0`, the default, means as many as possible;
//   AWS documents that an inline Map runs at most 40 iterations at once).
// - The output is the array of the iterations' outputs, **in item order**, whatever order they finished in.
// - One failed iteration fails the Map, unless `ToleratedFailureCount` or `ToleratedFailurePercentage`
//   allows it; beyond the threshold the error is `States.ExceedToleratedFailureThreshold`.
//
// Here is lesson 06's pipeline as a state machine: Extract returns the chunks, a Map summarizes at most
// three at a time — the model throttles two of the calls once, and the Map's Task retries them — and
// Store writes the result. Two small types first: the Map item as the `ItemSelector` builds it, and the
// exception the Summarize function throws when the model throttles (the Task's error is named after it):

const string Pipeline = """
    {
      "Comment": "Lesson 06's document pipeline, orchestrated",
      "StartAt": "Extract",
      "States": {
        "Extract": {
          "Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Extract",
          "Next": "Summarize chunks"
        },
        "Summarize chunks": {
          "Type": "Map",
          "ItemsPath": "$.chunks",
          "MaxConcurrency": 3,
          "ItemSelector": { "document.$": "$.document", "index.$": "$$.Map.Item.Index", "text.$": "$$.Map.Item.Value" },
          "ItemProcessor": {
            "StartAt": "Summarize",
            "States": {
              "Summarize": {
                "Type": "Task",
                "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": { "FunctionName": "Summarize", "Payload.$": "$" },
                "OutputPath": "$.Payload",
                "Retry": [ { "ErrorEquals": ["ModelThrottledException"], "IntervalSeconds": 1, "BackoffRate": 2, "MaxAttempts": 3 } ],
                "End": true
              }
            }
          },
          "ResultPath": "$.summaries",
          "Next": "Store"
        },
        "Store": {
          "Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Store",
          "End": true
        }
      }
    }
    """;

Simulation PipelineSim()
{
    var s = new Simulation(new SimulationOptions { Seed = 10 });
    s.Lambda.Deploy(new FunctionOptions { FunctionName = "Extract", MemorySize = 512 },
        HandlerFactory.FromDelegate((Dictionary<string, string> e, ILambdaContext c) =>
        {
            SimulatedWork.Spend(120);
            return new { document = e["key"], chunks = Enumerable.Range(1, 6).Select(i => $"part {i} of {e["key"]}").ToArray() };
        }));
    var throttled = new HashSet<int>();
    s.Lambda.Deploy(new FunctionOptions { FunctionName = "Summarize", MemorySize = 1024 },
        HandlerFactory.FromDelegate((Chunk chunk, ILambdaContext c) =>
        {
            SimulatedWork.Spend(300);   // stands in for the model call: 300 ms at a full vCPU, longer at 1,024 MB
            if (chunk.Index is 3 or 4 && throttled.Add(chunk.Index)) throw new ModelThrottledException($"chunk {chunk.Index}: too many requests");
            return $"summary of {chunk.Text}";
        }));
    s.Lambda.Deploy(new FunctionOptions { FunctionName = "Store", MemorySize = 512 },
        HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) =>
        {
            SimulatedWork.Spend(50);
            return new { stored = e["document"].ToString(), parts = ((System.Text.Json.JsonElement)e["summaries"]).GetArrayLength() };
        }));
    return s;
}

var pipeline = PipelineSim();
var documents = pipeline.StepFunctions.CreateStateMachine("document-pipeline", Pipeline);
var run = pipeline.StepFunctions.StartExecution(documents.Arn, Doc);
pipeline.RunUntilComplete(run.Completion);
Console.WriteLine($"{run.StatusText}: {run.Output}");

// The cap, measured: the most Summarize invocations running at any instant.
var summarize = pipeline.Lambda.Invocations.Where(i => i.FunctionName == "Summarize").ToList();
var most = summarize.Max(i => summarize.Count(o => o.Start <= i.Start && o.End > i.Start));
Console.WriteLine($"{summarize.Count} Summarize invocations (6 chunks + 2 retries), at most {most} at once; {run.History.Count} history events, {run.StateTransitions} state transitions");
Show.Execution(run);

// The same execution, drawn when this page was built from the engine's run of the same definition,
// functions and seed:
//
// <svg xmlns="http://www.w3.org/2000/svg" class="execution-chart" width="870" height="238" font-family="sans-serif" font-size="11"><title>document-pipeline (Standard): SUCCEEDED after 3.85 s of virtual time &#183; 64 history events &#183; 9 states entered &#183; 11 state transitions &#183; 2 retries</title><line x1="250" y1="28" x2="250" y2="214" stroke="#e4e4e4"/><text x="250" y="24" text-anchor="middle" fill="#666">0 s</text><line x1="327.9" y1="28" x2="327.9" y2="214" stroke="#e4e4e4"/><text x="327.9" y="24" text-anchor="middle" fill="#666">500 ms</text><line x1="405.9" y1="28" x2="405.9" y2="214" stroke="#e4e4e4"/><text x="405.9" y="24" text-anchor="middle" fill="#666">1 s</text><line x1="483.8" y1="28" x2="483.8" y2="214" stroke="#e4e4e4"/><text x="483.8" y="24" text-anchor="middle" fill="#666">1.5 s</text><line x1="561.7" y1="28" x2="561.7" y2="214" stroke="#e4e4e4"/><text x="561.7" y="24" text-anchor="middle" fill="#666">2 s</text><line x1="639.6" y1="28" x2="639.6" y2="214" stroke="#e4e4e4"/><text x="639.6" y="24" text-anchor="middle" fill="#666">2.5 s</text><line x1="717.6" y1="28" x2="717.6" y2="214" stroke="#e4e4e4"/><text x="717.6" y="24" text-anchor="middle" fill="#666">3 s</text><line x1="795.5" y1="28" x2="795.5" y2="214" stroke="#e4e4e4"/><text x="795.5" y="24" text-anchor="middle" fill="#666">3.5 s</text><text x="4" y="24" fill="#666">state (virtual time →)</text><text x="4" y="48">Extract</text><rect x="250" y="38" width="101.3" height="12" fill="#dde8f6" stroke="#5a80c0" rx="2"><title>Extract (Task): entered at +0.000 s, 650.1 ms, succeeded, 1 attempt(s)</title></rect><rect class="attempt" x="250" y="40" width="101.3" height="8" fill="#3a9a4a"><title>Extract attempt 1 at +0.000 s, 650.1 ms: succeeded</title></rect><text x="4" y="68">Summarize chunks</text><rect x="351.3" y="58" width="435" height="12" fill="#ece4f6" stroke="#8a6cc0" rx="2"><title>Summarize chunks (Map): entered at +0.650 s, 2.791 s, succeeded</title></rect><text x="16" y="88">Summarize<tspan fill="#888"> #0</tspan></text><rect x="351.3" y="78" width="117.5" height="12" fill="#dde8f6" stroke="#5a80c0" rx="2"><title>Summarize (Task) in Summarize chunks #0: entered at +0.650 s, 753.8 ms, succeeded, 1 attempt(s)</title></rect><rect class="attempt" x="351.3" y="80" width="117.5" height="8" fill="#3a9a4a"><title>Summarize attempt 1 at +0.650 s, 753.8 ms: succeeded</title></rect><text x="16" y="108">Summarize<tspan fill="#888"> #1</tspan></text><rect x="351.3" y="98" width="117.5" height="12" fill="#dde8f6" stroke="#5a80c0" rx="2"><title>Summarize (Task) in Summarize chunks #1: entered at +0.650 s, 753.8 ms, succeeded, 1 attempt(s)</title></rect><rect class="attempt" x="351.3" y="100" width="117.5" height="8" fill="#3a9a4a"><title>Summarize attempt 1 at +0.650 s, 753.8 ms: succeeded</title></rect><text x="16" y="128">Summarize<tspan fill="#888"> #2</tspan></text><rect x="351.3" y="118" width="117.5" height="12" fill="#dde8f6" stroke="#5a80c0" rx="2"><title>Summarize (Task) in Summarize chunks #2: entered at +0.650 s, 753.8 ms, succeeded, 1 attempt(s)</title></rect><rect class="attempt" x="351.3" y="120" width="117.5" height="8" fill="#3a9a4a"><title>Summarize attempt 1 at +0.650 s, 753.8 ms: succeeded</title></rect><text x="16" y="148">Summarize<tspan fill="#888"> #3</tspan></text><rect x="468.8" y="138" width="317.6" height="12" fill="#dde8f6" stroke="#5a80c0" rx="2"><title>Summarize (Task) in Summarize chunks #3: entered at +1.404 s, 2.038 s, succeeded, 2 attempt(s)</title></rect><rect class="attempt failed" x="468.8" y="140" width="80.9" height="8" fill="#d04040"><title>Summarize attempt 1 at +1.404 s, 518.8 ms: failed: ModelThrottledException</title></rect><line class="retry-wait" x1="549.7" y1="144" x2="705.5" y2="144" stroke="#d04040" stroke-dasharray="3 2"><title>back-off 1 s before retry 1</title></line><rect class="attempt" x="705.5" y="140" width="80.9" height="8" fill="#3a9a4a"><title>Summarize attempt 2 at +2.923 s, 518.8 ms: succeeded</title></rect><text x="16" y="168">Summarize<tspan fill="#888"> #4</tspan></text><rect x="468.8" y="158" width="317.6" height="12" fill="#dde8f6" stroke="#5a80c0" rx="2"><title>Summarize (Task) in Summarize chunks #4: entered at +1.404 s, 2.038 s, succeeded, 2 attempt(s)</title></rect><rect class="attempt failed" x="468.8" y="160" width="80.9" height="8" fill="#d04040"><title>Summarize attempt 1 at +1.404 s, 518.8 ms: failed: ModelThrottledException</title></rect><line class="retry-wait" x1="549.7" y1="164" x2="705.5" y2="164" stroke="#d04040" stroke-dasharray="3 2"><title>back-off 1 s before retry 1</title></line><rect class="attempt" x="705.5" y="160" width="80.9" height="8" fill="#3a9a4a"><title>Summarize attempt 2 at +2.923 s, 518.8 ms: succeeded</title></rect><text x="16" y="188">Summarize<tspan fill="#888"> #5</tspan></text><rect x="468.8" y="178" width="80.9" height="12" fill="#dde8f6" stroke="#5a80c0" rx="2"><title>Summarize (Task) in Summarize chunks #5: entered at +1.404 s, 518.8 ms, succeeded, 1 attempt(s)</title></rect><rect class="attempt" x="468.8" y="180" width="80.9" height="8" fill="#3a9a4a"><title>Summarize attempt 1 at +1.404 s, 518.8 ms: succeeded</title></rect><text x="4" y="208">Store</text><rect x="786.4" y="198" width="63.6" height="12" fill="#dde8f6" stroke="#5a80c0" rx="2"><title>Store (Task): entered at +3.441 s, 408.3 ms, succeeded, 1 attempt(s)</title></rect><rect class="attempt" x="786.4" y="200" width="63.6" height="8" fill="#3a9a4a"><title>Store attempt 1 at +3.441 s, 408.3 ms: succeeded</title></rect><text x="250" y="232" fill="#666">green: attempt succeeded · red: attempt failed · dashed: retry back-off · rows: states entered, iterations and branches indented</text></svg>
//
// The document pipeline's execution, drawn from its history: one row per state entered, the Map's six
// iterations indented under it, virtual time across. Green bars are attempts that succeeded, red ones
// attempts that failed; the dashed line is the retry's 1-second back-off. The first three Summarize
// attempts are longer than the later ones: they are cold starts.
//
// Three iterations start at once and the next three only as earlier ones finish: that is
// `MaxConcurrency: 3`. Chunks 3 and 4 fail once, wait their second, and succeed; the Map waits for
// the slowest iteration before Store runs. The figures are the simulator's: its model of cold starts
// and of the work per call, not a measurement of AWS.
//
// A Parallel, for comparison — two branches, one waiting 2 s and one 1 s:

var both = sim.StepFunctions.CreateStateMachine("fan-out", """
    {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
      {"StartAt":"Thumbnail","States":{"Thumbnail":{"Type":"Wait","Seconds":2,"Next":"Thumb done"},"Thumb done":{"Type":"Pass","Result":"thumbnail","End":true}}},
      {"StartAt":"Index","States":{"Index":{"Type":"Wait","Seconds":1,"Next":"Index done"},"Index done":{"Type":"Pass","Result":"indexed","End":true}}}]}}}
    """);
var fanOut = sim.StepFunctions.StartExecution(both.Arn, "{}");
sim.RunUntilComplete(fanOut.Completion);
Console.WriteLine($"{fanOut.StatusText} after {(fanOut.StopDate!.Value - fanOut.StartDate).TotalSeconds} s: {fanOut.Output}");
Show.Execution(fanOut);

// ## Standard or Express
//
// A state machine is created as one of two workflow types, and the choice cannot be changed later:
//
// | | Standard | Express |
// |---|---|---|
// | longest execution | 1 year | 5 minutes |
// | execution guarantee | exactly-once | at-least-once (asynchronous), at-most-once (synchronous, `StartSyncExecution`) |
// | history | `GetExecutionHistory`, kept 90 days after the end | none in Step Functions: log to CloudWatch Logs |
// | `.sync` and `.waitForTaskToken` integrations | yes | no |
// | price (us-east-1) | $0.025 per 1,000 state transitions (4,000 free a month) | $1.00 per million executions + duration: $0.00001667 per GB-s for the first 1,000 GB-hours, then less |
//
// Express bills each execution's duration rounded up to 100 ms times its memory in 64 MB chunks. AWS
// does not report an execution's memory; its pricing page estimates it from the definition's size and
// the data the states hold, and so does the engine (`ExecutionBill.BilledMemoryMB`: the simulator's
// model of AWS's estimate). The prices are AWS's list prices on the engine's price sheet. (The engine
// keeps an Express execution's history anyway, so that it can be shown; AWS keeps none.) Here is the
// same pipeline as both types, and a month of a million documents:


var prices = PriceSheet.UsEast1;
var costs = new CostModel(prices);
var express = PipelineSim();
var fast = express.StepFunctions.CreateStateMachine("document-pipeline-express", Pipeline, WorkflowType.Express);
var fastRun = express.StepFunctions.StartExecution(fast.Arn, Doc);
express.RunUntilComplete(fastRun.Completion);

var standardBill = ExecutionBill.For([run], prices);
var expressBill = ExecutionBill.For([fastRun], prices);
Console.WriteLine($"prices as of {prices.AsOf:yyyy-MM-dd}, {prices.Region}");
Console.WriteLine($"Standard: {run.StateTransitions} transitions            = ${standardBill.Total:0.00000000} per document");
Console.WriteLine($"Express:  {(fastRun.StopDate!.Value - fastRun.StartDate).TotalSeconds:0.###} s × {ExecutionBill.BilledMemoryMB(fastRun)} MB = {expressBill.ExpressGbSeconds} GB-s + 1 request = ${expressBill.Total:0.00000000} per document");

const long Month = 1_000_000;
var standardMonth = costs.StepFunctionsStandard(run.StateTransitions * Month, freeTier: true);
var expressMonth = costs.StepFunctionsExpress(Month, expressBill.ExpressGbSeconds * Month);
var lambdaMonth = costs.Estimate(Month * summarize.Count, TimeSpan.FromMilliseconds(summarize.Average(i => i.BilledDurationMs)), 1024).Total;
Console.WriteLine($"a month of {Month:N0} documents: Standard ${standardMonth:N2}, Express ${expressMonth:N2}; the Summarize calls alone on Lambda ${lambdaMonth:N2} either way");

// For this short pipeline Express costs a fraction of Standard: Standard bills eleven transitions per
// document whether they take a millisecond or a day, Express bills the 3.9 seconds the execution ran, in
// 64 MB.
// Standard pays off when executions are long and have few steps (a wait of a day costs one transition,
// and Express could not run it at all) or when you need its exactly-once guarantee and history:

var express2 = new Simulation(new SimulationOptions { Seed = 10 });
var tooLong = express2.StepFunctions.CreateStateMachine("order-reminder-express", Reminder, WorkflowType.Express);
var timedOut = express2.StepFunctions.StartExecution(tooLong.Arn, """{"id":"o-17","customer":"ada@example.com","total":250}""");
express2.Run();
Console.WriteLine($"the day-long reminder as Express: {timedOut.StatusText}, {timedOut.Error}: {timedOut.Cause}");
Console.WriteLine($"as Standard it cost {large.StateTransitions} transitions: ${ExecutionBill.For([large], prices).Total:0.000000}");

// [Lesson 09](09-cost.ipynb#the-services-around-a-function) priced the functions; the workflow is a line
// on the same bill. At-least-once also means an Express workflow's steps must be idempotent — the same
// discipline as [lesson 05](05-event-sources.ipynb)'s redelivered messages.
//
// The Step Functions facts in this lesson are AWS's (Step Functions Developer Guide, checked 2026-12-01:
// *Execution guarantees*, *Using Map state in Inline mode*, *Handle Lambda service exceptions*, the
// error-handling and input/output processing pages, and the Step Functions pricing page); the durations,
// cold starts and memory estimates in the runs are the simulator's.
//
// **Challenge — Standard or Express?**
//
// An order workflow runs 5 million times a month; each execution has 9 state transitions and takes
// about 2 seconds, in 64 MB. Price it both ways (Standard with its free tier), and name one change to
// the workflow that would force Standard whatever the price.
//
// <details><summary>Hint</summary>
//
// `costs.StepFunctionsStandard(5_000_000L * 9, freeTier: true)` and
// `costs.StepFunctionsExpress(5_000_000, TimeSpan.FromSeconds(2))`.
//
// </details>
//
// <details><summary>Solution</summary>
//
// Standard: 45,000,000 transitions, minus 4,000 free, × $0.025 / 1,000 ≈ $1,124.90. Express: $5.00 of
// requests plus 5 M × 2 s × 0.0625 GB = 625,000 GB-s ≈ 173.6 GB-hours at $0.06 per GB-hour ≈ $10.42, about
// $15.42 in all. Express is some 70 times cheaper here. Any step that must wait longer than five
// minutes in total (an approval, a `Wait` of an hour), a `.waitForTaskToken` callback, a `.sync` job, or a
// requirement that each order be processed exactly once forces Standard (or splitting the workflow:
// a Standard parent that starts Express children for the fast, high-volume part).
//
// ```csharp
// using Course.Sandbox.Pricing;
//
// public static class OrderWorkflow
// {
//     public static (decimal Standard, decimal Express) Monthly()
//     {
//         var costs = new CostModel(PriceSheet.UsEast1);
//         return (costs.StepFunctionsStandard(5_000_000L * 9, freeTier: true), costs.StepFunctionsExpress(5_000_000, TimeSpan.FromSeconds(2)));
//     }
// }
// ```
//
// </details>
//
// ## Deploying it with SAM
//
// In a SAM template ([lesson 07](07-iac-sam.ipynb)) a state machine is one more resource,
// `AWS::Serverless::StateMachine`: its `Definition` inline (or `DefinitionUri` for an `.asl.json`
// file), its `Type` (`STANDARD` or `EXPRESS`), and `Policies` for the role it runs as, written exactly
// as a function's. Intrinsics inside the definition (`!GetAtt Summarize.Arn`) are moved to
// `DefinitionSubstitutions`. The engine's SAM transform shows what CloudFormation receives:


var samTemplate = TemplateLoader.Parse("""
    Transform: AWS::Serverless-2016-10-31
    Globals:
      Function:
        Runtime: dotnet8
    Resources:
      Summarize:
        Type: AWS::Serverless::Function
        Properties:
          Handler: Pipeline::Pipeline.Summarize::FunctionHandler
          InlineCode: "// the handler is the Summarize function above"
          MemorySize: 1024
      DocumentPipeline:
        Type: AWS::Serverless::StateMachine
        Properties:
          Type: EXPRESS
          Policies:
            - LambdaInvokePolicy:
                FunctionName: !Ref Summarize
          Definition:
            StartAt: Summarize chunks
            States:
              Summarize chunks:
                Type: Map
                ItemsPath: $.chunks
                MaxConcurrency: 3
                ItemProcessor:
                  StartAt: Summarize
                  States:
                    Summarize:
                      Type: Task
                      Resource: !GetAtt Summarize.Arn
                      End: true
                End: true
    """, "template.yaml");
var stack = (MappingNode)SamTransform.Translate(samTemplate)["Resources"]!;
foreach (var resource in stack.Entries)
    Console.WriteLine($"{resource.Key.Value,-28} {((MappingNode)resource.Value)["Type"]!.AsString()}");
var machineProperties = (MappingNode)((MappingNode)stack["DocumentPipeline"]!)["Properties"]!;
Console.WriteLine(TemplateWriter.ToYaml(machineProperties["DefinitionSubstitutions"]!));
Console.WriteLine(TemplateWriter.ToYaml(((MappingNode)((MappingNode)stack["DocumentPipelineRole"]!)["Properties"]!)["Policies"]!));

// `LambdaInvokePolicy` grants `lambda:InvokeFunction` on that one function (the trailing `*` covers its
// versions and aliases); on AWS a Task whose role lacks the grant fails with Lambda's access-denied error.
// The same least-privilege review as lesson 07's applies: one grant per function the workflow calls, no
// `Resource: '*'`.
//
// ## Lambda durable functions
//
// In December 2025 AWS added a second way to run a long, multi-step workflow without a server, which
// [lesson 02](02-lambda-fundamentals.ipynb) introduced: **Lambda durable functions**. The workflow stays in your function's code; an SDK checkpoints it. Everything in
// this section is what AWS documents — the simulator does not model durable functions, so there is no
// run here:
//
// - **Checkpoint and replay.** You write the steps as ordinary code with the durable execution SDK's
//   `DurableContext` (operations such as `step` and `wait`). The SDK records each completed step's result
//   as a checkpoint. When the function resumes — after a wait or a failure — Lambda invokes it again from
//   the beginning and the SDK *replays* the checkpoint log: completed steps return their stored results
//   instead of running again. Code outside steps therefore runs on every replay and must be deterministic.
// - **Up to a year.** A durable execution may last up to one year (`ExecutionTimeout` in the function's
//   `DurableConfig`, 1 to 31,622,400 seconds), spread over several invocations; each invocation is still an
//   ordinary Lambda invocation with its own timeout of at most 15 minutes. History is kept for 1 to 90
//   days after the end (`RetentionPeriodInDays`).
// - **Waits cost no compute.** During a wait the function is suspended and billed for no duration;
//   a step's retries with back-off are checkpointed the same way.
// - **Created as durable.** Durable execution is enabled when the function is created and cannot be added
//   to an existing function.
// - **Languages.** At launch AWS documented SDKs for JavaScript/TypeScript and Python (managed runtimes
//   Node.js 22 and 24, Python 3.13 and 3.14, or a container image); its pages then added Java (`java17`,
//   `java21`, `java25`). The most recent copy of the supported-runtimes page we checked also lists C# (.NET)
//   on `dotnet8` and `dotnet10`, with the SDK in your deployment package, and AWS's preview package
//   `Amazon.Lambda.DurableExecution` is on NuGet. The copies disagree, so check AWS's "Supported runtimes
//   for durable functions" page before you plan a C# durable function.
//
// AWS's own guidance ("Durable functions or Step Functions") splits the choice along the same line as
// this lesson began with, who holds the flow:
//
// | choose | when (AWS's decision framework, summarized) |
// |---|---|
// | **durable functions** | the logic lives mainly in Lambda functions; the team prefers a general-purpose language, its IDE and unit tests over a JSON/visual designer; workflow and business logic are tightly coupled |
// | **Step Functions** | the workflow coordinates many AWS services and should use their integrations without SDK code; it must be visible as a graph to other teams or non-developers; no runtime to patch or update |
//
// The trade is the one between code and configuration. A durable function is tested like any code,
// but its correctness depends on deterministic replay; a state machine shows its flow, its history and
// its bill per transition, but every piece of logic must be expressed in ASL or pushed into a function.
//
// Sources (AWS, checked 2026-12-01): *Lambda durable functions*, *Basic concepts*, *Durable execution SDK*,
// *Configure Lambda durable functions*, *Supported runtimes for durable functions*, *Retries for Lambda
// durable functions* and *Durable functions or Step Functions* in the AWS Lambda Developer Guide.
//
// **Challenge — Retry waits by hand**
//
// A retrier has `"IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 5, "MaxDelaySeconds": 30`. List
// the waits, the longest a failing task can keep the state busy in back-off, and the transitions the
// state costs when every attempt fails.
//
// <details><summary>Solution</summary>
//
// 2, 6, 18, then 54 and 162 capped to 30 and 30: 86 seconds of back-off in all. The state costs six
// transitions — the entry and five retries — and then fails (or goes to its Catch).
//
// ```csharp
// using Course.Sandbox.Retries;
// using Course.Sandbox.StepFunctions.Definition;
//
// public static class Waits
// {
//     public static double[] Of()
//     {
//         var policy = new RetryPolicy { ErrorEquals = ["States.ALL"], IntervalSeconds = 2, BackoffRate = 3, MaxAttempts = 5, MaxDelaySeconds = 30 };
//         return [.. Enumerable.Range(1, policy.MaxAttempts).Select(n => StepFunctionsRetryBackoff.Delay(policy, n, new Random(0)).TotalSeconds)];
//     }
// }
// ```
//
// </details>
//
// **Exercise [13-state-machine](../exercises/13-state-machine/README.md)** — check it with `./grade 13-state-machine`.
//
// Write the document pipeline's state machine yourself (`exercises/13-state-machine/`): Extract → a Map
// over the chunks with MaxConcurrency → Store, with Retry and back-off on the model's throttling and a
// Catch for what cannot succeed, and choose Standard or Express with the bill to justify it. The checks
// run your definition in the simulator and catch missing retries, unhandled failures and concurrency
// above the cap.

// **Key points**
//
// - Orchestrate when the flow itself matters: several steps, waits longer than a function may run, retries per step, branches, a history to audit. A function that calls the next one pays for the wait; a queue decouples but hides the flow.
// - A state machine is JSON: StartAt, States, each state's Type and Next or End. Task calls a function (a bare ARN returns its result; arn:aws:states:::lambda:invoke wraps it in Payload), Choice branches, Wait waits without paying for compute, Parallel runs branches, Map runs a workflow per item.
// - Paths apply in one order: InputPath → Parameters → the work → ResultSelector → ResultPath → OutputPath.
// - Retry defaults are IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0 (waits of 1, 2 and 4 s); cap them with MaxDelaySeconds and spread them with JitterStrategy FULL. Catch sends what is left to a state, with the error at ResultPath. Every retry is a billed state transition.
// - Standard: exactly-once, up to a year, a full history, $0.025 per 1,000 state transitions. Express: at-least-once (asynchronous), at most 5 minutes, no .sync or .waitForTaskToken, $1.00 per million executions plus GB-seconds in 100 ms and 64 MB steps.
// - Lambda durable functions keep the workflow in code (steps checkpointed, replayed after a wait or a failure, up to a year); AWS points to Step Functions for visual workflows across many AWS services.

// Types used above. C# wants top-level statements before type declarations, so they come last here.


public sealed record Chunk(string Document, int Index, string Text);

public sealed class ModelThrottledException(string message) : Exception(message);
