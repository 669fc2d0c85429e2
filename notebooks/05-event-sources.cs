// Lesson 05: Event sources: who calls your function, and what happens when it fails
// Generated from lessons/05-event-sources.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/05-event-sources.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Lambda.APIGatewayEvents;
using Course.Lambda.Core;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;
using Course.Lessons.Display;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation.Destinations;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.EventBridge.Scheduler;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Sources.ApiGateway;
using Course.Sandbox.Sources.DynamoDb;
using Course.Sandbox.Sources.Sqs;
using Course.Sandbox;
using System.Globalization;
using System.Text.Json;

// ## Three ways to be called
//
// A Lambda function never fetches its own work: something invokes it with an event. *How* it is
// invoked decides what happens when your code fails, so it is the first question to ask of any
// trigger.
//
// | model | who waits for the result | who retries a failure | examples |
// |---|---|---|---|
// | **synchronous** | the caller, until the function returns | nobody in Lambda; the caller may | API Gateway, Application Load Balancer, a direct `Invoke` |
// | **asynchronous** | nobody: Lambda answers `202 Accepted` at once and queues the event | Lambda, from its internal queue | S3 notifications, SNS, EventBridge |
// | **poll-based** (event source mapping) | a Lambda-managed poller reading a queue or stream | the poller, following the source's rules | SQS, DynamoDB Streams, Kinesis |
//
// **Tables that mix these up.**
//
// A popular table of Lambda triggers says SNS retries "3 times with backoff" and lists EventBridge
// with "2 retries". Both are asynchronous, so Lambda's own two retries apply to a function error.
// SNS additionally has its *own* delivery policy for reaching Lambda (3 immediate tries, 2 at
// 1 second, 10 with back-off from 1 to 20 seconds, then up to 100,000 at 20 seconds, which is about
// 23 days), and EventBridge retries delivery to a **rule's target** for up to 24 hours and 185 attempts
// by default (EventBridge Scheduler has its own retry policy per schedule, with the same ceilings: 0–185
// retries, at most 24 hours). Those policies cover failing to *hand over* the event, not your handler
// throwing.
//
// Each model gets a run below: the simulator drives the real trigger (an HTTP API, an S3 bucket
// notification, an SQS queue, a DynamoDB stream, EventBridge rules) on a virtual clock, so hours of
// retries take milliseconds and every run prints the same times.
//
// ## Synchronous: API Gateway answers 500
//
// With a synchronous invocation the caller waits, and receives the result or the error. Lambda does
// not retry. An HTTP API turns a function error (or a malformed response) into `500` and an integration
// timeout into `504` (a REST API answers `502` for the same function error);
// whether to try again is the client's decision. This handler crashes on every request:


var apiSim = new Simulation(new SimulationOptions { Seed = 5 });
apiSim.Lambda.Deploy(new FunctionOptions { FunctionName = "checkout", MemorySize = 512 },
    HandlerFactory.FromDelegate((APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) =>
        request.Body == "{}" ? throw new InvalidOperationException("cart is empty") : new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 }));
var api = new HttpApi(apiSim);
api.AddRoute("POST /checkout", "checkout");

var response = api.Send("POST", "/checkout", body: "{}");
apiSim.Run();
Console.WriteLine($"HTTP {response.StatusCode} {response.Body}");
Console.WriteLine($"invocations: {apiSim.Lambda.Invocations.Count}");
Show.Logs(apiSim, "checkout");

// The client sees only `{"message":"Internal Server Error"}`: the exception's message and stack
// trace stay in the function's log. One invocation, no retry.
//
// ### What an HTTP API hands your function
//
// The event is API Gateway's **payload format 2.0** (`APIGatewayHttpApiV2ProxyRequest`); exercise 01
// reads it. Abridged, for `POST /checkout?coupon=spring` with a JSON body:
//
// ```json
// {
//   "version": "2.0",
//   "routeKey": "POST /checkout",
//   "rawPath": "/checkout",
//   "rawQueryString": "coupon=spring",
//   "headers": { "content-type": "application/json", "user-agent": "curl/8.5.0" },
//   "queryStringParameters": { "coupon": "spring" },
//   "requestContext": {
//     "http": { "method": "POST", "path": "/checkout", "sourceIp": "198.51.100.7" },
//     "requestId": "JKJaXmPLvHcESHA=", "stage": "$default", "timeEpoch": 1767225600000
//   },
//   "body": "{\"items\":[\"mug\"]}",
//   "isBase64Encoded": false
// }
// ```
//
// Header names arrive lower-case; the body is a **string** (parse it yourself) and, for binary or
// some clients' requests, base64-encoded with `isBase64Encoded: true`. Your function answers with
// `statusCode`, `headers` and a string `body` (`APIGatewayHttpApiV2ProxyResponse`). The simulator builds
// this event from each request (`events generate apigw` prints one).
//
// ## Asynchronous: S3 notifications and Lambda's two retries
//
// With an asynchronous invocation (S3, SNS and EventBridge all use it) the caller gets `202` at once.
// Lambda keeps the event in an internal queue and invokes the function. If the function fails,
// Lambda tries **twice more**: about one minute after the first failure, then about two minutes after
// the second. When all three attempts have failed, the event goes to the **on-failure destination**
// or the **dead-letter queue**, if you configured one; otherwise it is dropped. Events also expire
// after the maximum event age (6 hours by default).
//
// Our handler "resizes" each uploaded image and fails on files ending in `.corrupt`:

// The bucket `photos` notifies the function for every new object under `uploads/`; failed events go
// to an SQS queue as the on-failure destination:


var s3Sim = new Simulation(new SimulationOptions { Seed = 5 });
var failed = s3Sim.Services.Sqs.CreateQueue("resize-failures");
var resizeOptions = new FunctionOptions { FunctionName = "resize", MemorySize = 1024 };
resizeOptions.Async.OnFailure = Destinations.Queue(s3Sim, failed);
var resize = s3Sim.Lambda.Deploy(resizeOptions, HandlerFactory.FromType(typeof(ResizeImage), nameof(ResizeImage.FunctionHandler)));
s3Sim.Services.S3.CreateBucket("photos");
s3Sim.Services.S3.PutBucketNotificationConfiguration("photos",
    [new S3NotificationRule("resize", resize.Arn, ["s3:ObjectCreated:*"], Prefix: "uploads/")]);

s3Sim.Services.S3.PutObject("photos", "uploads/dog.corrupt", "not really a jpeg");
s3Sim.Run();

Show.Timeline(s3Sim);
foreach (var message in failed.Messages)
{
    Console.WriteLine($"resize-failures received a record at +{(message.SentTimestamp - s3Sim.Options.Start).TotalSeconds:0.000} s");
}

// The trace shows the same story event by event, including when each retry was scheduled:


Show.Trace(s3Sim, e => e.Kind is TraceKind.AsyncQueued or TraceKind.InvokeEnd or TraceKind.RetryScheduled or TraceKind.DeadLetter
    or TraceKind.SourceOutcome);

// **Challenge — Read the retry timeline**
//
// Using the output above: how many times was the function invoked and billed for the one upload? How
// long after the upload did the failure queue receive it? Then add
// `resizeOptions.Async.MaximumRetryAttempts = 0;` before `Deploy` and predict the new answers before
// you run it.
//
// <details><summary>Solution</summary>
//
// Three invocations, all billed: the first at 0.235 s (after a 235 ms cold start), the second 60 s
// after the first failure, the third 120 s after the second. The failure queue receives the record at
// about 180.237 s, 3 minutes after the upload: 60 s + 120 s of waiting plus the 235 ms cold start and
// three half-millisecond runs.
//
// With `MaximumRetryAttempts = 0` there is one invocation, and the record reaches the failure queue
// as soon as it fails, about a quarter of a second after the upload. Zero retries suit handlers whose
// failures will not heal by waiting (a corrupt file), so that they do not spend three minutes and
// three invocations on it.
//
// </details>
//
// ## At least once: duplicates are normal
//
// Asynchronous events can be delivered more than once even when nothing fails: AWS documents this and
// asks that handlers be **idempotent**, so that processing the same event twice has the same effect
// as processing it once. The simulator can inject such duplicates. Here 20 uploads produce more than
// 20 invocations:

var dupSim = new Simulation(new SimulationOptions { Seed = 5, AsyncDuplicateDeliveryRate = 0.2 });
var dupResize = dupSim.Lambda.Deploy(new FunctionOptions { FunctionName = "resize", MemorySize = 1024 },
    HandlerFactory.FromType(typeof(ResizeImage), nameof(ResizeImage.FunctionHandler)));
dupSim.Services.S3.CreateBucket("photos");
dupSim.Services.S3.PutBucketNotificationConfiguration("photos",
    [new S3NotificationRule("resize", dupResize.Arn, ["s3:ObjectCreated:*"], Prefix: "uploads/")]);

for (var i = 0; i < 20; i++)
{
    dupSim.Services.S3.PutObject("photos", $"uploads/photo-{i}.jpg", "jpeg bytes");
}

dupSim.Run();
Console.WriteLine($"20 uploads, {dupSim.Lambda.Invocations.Count} invocations");

// An idempotent resize writes its output under a key derived from the input (`photo-3.jpg` →
// `thumbnails/photo-3.jpg`), so a second run overwrites the same object with the same bytes. A
// handler that *appends* (sends an e-mail, adds a row, charges a card) needs a record of what it
// has already done, keyed by something stable such as the S3 object's key and `sequencer`, or the
// message id. Not the request id: Lambda's retries of one event keep it, but a second delivery of the
// same event is a new invocation with a new request id.
//
// Two more things about S3 events. The object key in a record is **URL-encoded**: `uploads/my cat.jpg`
// arrives as `uploads/my+cat.jpg`, and a real `+` as `%2B`; decode it (`WebUtility.UrlDecode`) before
// asking S3 for the object (S3_02). And events for one key can arrive out of order: the record's
// `sequencer` (compare as strings of equal length) tells which came later (S3_03). Exercise 06 grades
// all of this.
//
// ## EventBridge: rules with a pattern, schedules with EventBridge Scheduler
//
// EventBridge delivers to Lambda asynchronously too, so the same two retries apply. A **rule** on an
// event bus selects events with a **pattern** (here: orders over 100). For work on a timetable, AWS
// recommends **EventBridge Scheduler**; scheduled rules on a bus are a legacy feature, and they only
// read cron in UTC. A schedule takes `cron(...)`, `rate(...)` or a one-time `at(...)` and a time zone.
// A cron expression has six fields (minutes, hours, day of month, month, day of week, year), and one
// of the two day fields must be `?`: `cron(0 9 ? * MON-FRI *)` in `Europe/Berlin` is 09:00 Berlin time
// on weekdays, whatever the daylight-saving time. The simulation starts on Thursday 2026-01-01.


var ebSim = new Simulation(new SimulationOptions { Seed = 5 });
var seen = new List<string>();
var report = ebSim.Lambda.Deploy(new FunctionOptions { FunctionName = "report" },
    HandlerFactory.FromDelegate((JsonElement e, ILambdaContext c) =>
    {
        var what = e.TryGetProperty("detail-type", out var type) ? type.GetString() : e.GetProperty("job").GetString();
        seen.Add($"{ebSim.Now:ddd yyyy-MM-dd HH:mm:ss.fff} UTC  {what}");
        return "ok";
    }));

var events = ebSim.Services.EventBridge;
events.PutRule("big-orders", """{"source":["com.example.orders"],"detail":{"total":[{"numeric":[">",100]}]}}""");
events.PutTargets("big-orders", [new RuleTarget { Id = "fn", Arn = report.Arn }]);
events.Scheduler.CreateSchedule(new ScheduleOptions
{
    Name = "weekday-report",
    ScheduleExpression = "cron(0 9 ? * MON-FRI *)",
    ScheduleExpressionTimezone = "Europe/Berlin",
    Target = new RuleTarget { Arn = report.Arn, Input = """{"job":"weekday report"}""" },
});

events.PutEvents([
    new PutEventsEntry { Source = "com.example.orders", DetailType = "Order Placed", Detail = """{"total":250}""" },
    new PutEventsEntry { Source = "com.example.orders", DetailType = "Order Placed", Detail = """{"total":40}""" },
]);
ebSim.RunUntil(ebSim.Options.Start.AddDays(7));
seen.ForEach(Console.WriteLine);

// Only the 250 order matched the pattern. The schedule fired on Thursday, Friday, Monday, Tuesday and
// Wednesday at 08:00 UTC, which is 09:00 in Berlin in winter (UTC+1); after the clocks change on the
// last Sunday of March it fires at 07:00 UTC, still 09:00 on the wall. A scheduled rule with the same
// cron would stay at 09:00 UTC all year. Each run starts 235 ms after its trigger: hours apart, the
// previous environment has been shut down (the simulator's idle timeout is 15 minutes), so every run is
// a cold start. A schedule never runs out of work, so drive it with `RunUntil` or `RunFor`, not `Run`.
//
// Patterns have more to them than exact values: `prefix`, `suffix`, `wildcard`, `anything-but` (which
// never matches a missing field), `numeric` ranges (numbers only, never strings), `exists` (on leaf
// fields only), `cidr` and `$or`. Try one from the command line with
// `./course events test-pattern --pattern p.json --event e.json`; exercise 08 grades patterns against
// events you have not seen, and schedules over a year.
//
// ## SNS: one message, many subscribers, two retry policies
//
// SNS **fans out**: a message published to a topic goes to every subscription, each on its own. An SQS
// subscription gets the message into the queue; a Lambda subscription is an **asynchronous** invoke.
// Here a topic has both, and the function fails on this message:


var snsSim = new Simulation(new SimulationOptions { Seed = 5 });
var audit = snsSim.Services.Sqs.CreateQueue("order-audit");
var notify = snsSim.Lambda.Deploy(new FunctionOptions { FunctionName = "notify" },
    HandlerFactory.FromDelegate((SNSEvent e, ILambdaContext c) =>
        e.Records[0].Sns.Message.Contains("vip", StringComparison.Ordinal) ? throw new InvalidOperationException("mail server down") : "sent"));
var orders = snsSim.Services.Sns.CreateTopic("orders");
snsSim.Services.Sns.Subscribe(orders.Arn, "sqs", audit.Arn);
snsSim.Services.Sns.Subscribe(orders.Arn, "lambda", notify.Arn);

snsSim.Services.Sns.Publish(orders.Arn, "order 17 placed by a vip");
snsSim.Run();
Console.WriteLine($"order-audit holds {audit.Messages.Count} message(s)");
Show.Timeline(snsSim);

// The queue has the message once, whatever the function does. The function's failure is handled by
// **Lambda**: SNS handed the event over successfully (Lambda answered 202), so Lambda's two retries, a
// minute and then two minutes later, are all there is. SNS's own **delivery policy** (3 immediate
// tries, 2 at 1 s, 10 with back-off up to 20 s, then 100,000 at 20 s: about 23 days) only applies when
// Lambda *refuses* the invoke, for example when the service throttles it. The simulator can make
// Lambda refuse the first five invokes:


var refusedSim = new Simulation(new SimulationOptions { Seed = 5 });
var thanks = refusedSim.Lambda.Deploy(new FunctionOptions { FunctionName = "thanks" },
    HandlerFactory.FromDelegate((SNSEvent e, ILambdaContext c) => "sent"));
var signups = refusedSim.Services.Sns.CreateTopic("signups");
refusedSim.Services.Sns.Subscribe(signups.Arn, "lambda", thanks.Arn);
refusedSim.Services.SnsLambda.InvokeFaults.Script("Invoke", Enumerable.Repeat(FaultKind.Throttling, 5).ToArray());

refusedSim.Services.Sns.Publish(signups.Arn, "ana signed up");
refusedSim.Run();
Show.Trace(refusedSim, e => e.Kind is TraceKind.Throttle or TraceKind.RetryScheduled or TraceKind.SourceDelivery or TraceKind.InvokeEnd);

// Four refusals at once (the first try and the 3 immediate retries), one a second later, and the sixth
// try, another second later, is accepted and runs. Give the subscription a dead-letter queue (an SQS
// queue on the subscription's redrive policy) for messages SNS cannot hand over at all; give the
// function an on-failure destination for events its own code cannot process.
//
// ## Poll-based: SQS, whole batches and partial batch responses
//
// For queues and streams, Lambda runs a **poller** (an *event source mapping*) that reads records in
// **batches** and invokes your function synchronously with each batch. What happens on failure is
// decided by the source.
//
// **SQS.** The poller receives up to `BatchSize` messages (default 10) and hides them for the
// queue's *visibility timeout*. If the function succeeds, the poller deletes them. If it fails,
// it deletes nothing: after the visibility timeout **the whole batch** becomes visible again and
// is received again, including the messages that were processed fine. Each receive counts; when a
// message has been received `maxReceiveCount` times and is still on the queue, SQS moves it to the
// queue's dead-letter queue. The visibility timeout must be at least the function timeout (creating
// the mapping fails otherwise); AWS recommends six times it.
//
// To retry only what failed, turn on `ReportBatchItemFailures` for the mapping and return the ids
// of the failed messages:
//
// ```json
// { "batchItemFailures": [ { "itemIdentifier": "059f36b4-87a3-44ab-83d2-661975830a7d" } ] }
// ```
//
// An empty list means the whole batch succeeded. Careful: an identifier that is not in the batch,
// or an empty one, makes Lambda treat the **whole batch** as failed.
//
// This worker parses a price from each message. `Strict` throws on the first bad message (the whole
// batch fails); `FunctionHandler` reports only the bad ones:

// First the whole-batch behaviour: the strict handler, no partial batch response.

var whole = OrderQueue.Run(nameof(OrderWorker.Strict), reportBatchItemFailures: false);
Show.Trace(whole.Sim, e => e.Kind is TraceKind.InvokeStart or TraceKind.SourceOutcome or TraceKind.DeadLetter);
Console.WriteLine($"processed and deleted: {whole.Queue.Deleted.Count}; in the DLQ: {string.Join(", ", whole.Dlq.Messages.Select(m => m.Body))}");
Console.WriteLine($"invocations: {whole.Sim.Lambda.Invocations.Count}");

// All three messages were received three times, 30 s apart, and all three ended in the DLQ: the two
// good orders were processed three times each and are *still* treated as failed. Now the same
// messages with `ReportBatchItemFailures`:

var partial = OrderQueue.Run(nameof(OrderWorker.FunctionHandler), reportBatchItemFailures: true);
Show.Trace(partial.Sim, e => e.Kind is TraceKind.InvokeStart or TraceKind.SourceOutcome or TraceKind.DeadLetter);
Console.WriteLine($"processed and deleted: {string.Join(", ", partial.Queue.Deleted.Select(m => m.Body))}; in the DLQ: {string.Join(", ", partial.Dlq.Messages.Select(m => m.Body))}");

// The good orders are deleted after the first invocation. Only `nineteen` comes back, at 30 s and
// 60 s; at 90 s its next receive finds it at `maxReceiveCount` and SQS moves it to the DLQ.
//
// **Challenge — One poison message**
//
// Change the `OrderQueue.Run` call above: what happens with `nameof(OrderWorker.FunctionHandler)`
// and `reportBatchItemFailures: false`? Predict, then run it. Why is this the worst of the three set-ups?
//
// <details><summary>Hint</summary>
//
// Without `ReportBatchItemFailures`, Lambda ignores what the handler returns; only an exception fails
// the batch.
//
// </details>
//
// <details><summary>Solution</summary>
//
// The handler returns normally, so the batch *succeeds*: the poller deletes all three messages after
// the first invocation, `nineteen` included. Nothing reaches the DLQ and the bad order is lost without
// a trace outside the log. A partial batch response only means something when the mapping has
// `ReportBatchItemFailures` turned on. The strict handler at least keeps the bad message for the DLQ,
// at the price of reprocessing the good ones; the partial batch response gets both right.
//
// </details>
//
// ## Poll-based: a DynamoDB stream shard blocks
//
// **DynamoDB Streams.** Records arrive in order per shard (per partition key). If a batch fails,
// the poller retries *the same batch* and the shard stops moving: later changes wait behind the
// failing record, by default until the record expires from the stream after 24 hours. Settings
// unblock it: `MaximumRetryAttempts`, `MaximumRecordAgeInSeconds`, `BisectBatchOnFunctionError`
// (split the batch in two to isolate the bad record), a partial batch response (report the
// sequence number of the first failed record), and an on-failure destination that receives a
// description of the records that were skipped.

// With `MaximumRetryAttempts = 2` and nothing else, the batch of four is retried twice and then
// skipped **as a whole**: the good orders 1, 3 and 4 go to the failure destination with the poison one.

OrderStream.Run(new DynamoDbEventSourceOptions { MaximumRetryAttempts = 2 });

// With `BisectBatchOnFunctionError` the poller splits a failing batch in two and tries each half
// (in the simulator, bisecting does not count as a retry; AWS does not say), until the poison record is
// alone. Only it is retried and
// skipped; 1, 3 and 4 are processed:

OrderStream.Run(new DynamoDbEventSourceOptions { MaximumRetryAttempts = 2, BisectBatchOnFunctionError = true });

// With the defaults (`MaximumRetryAttempts = -1`), nothing is skipped: the poller retries the same
// batch, with growing waits, until its records leave the stream 24 hours after they were written, and
// the shard waits behind it (the growing waits, 1 s doubling to 60 s, are the simulator's model). The
// run prints the first few batches, the last ones, and what expired:

var blocked = OrderStream.Run(new DynamoDbEventSourceOptions(), print: false);
var blockedSim = blocked.Sim;
var lines = blocked.Lines;
foreach (var line in lines.Take(5).Append("…").Concat(lines.TakeLast(2)))
{
    Console.WriteLine(line);
}

Console.WriteLine($"{blockedSim.Lambda.Invocations.Count} invocations in 25 hours");
Show.Trace(blockedSim, e => e.Kind is TraceKind.EventExpired);

// **Which numbers are AWS's, which are the simulator's.**
//
// AWS documents: Lambda's 2 async retries "about" 1 and 2 minutes apart (the simulator waits exactly 60
// and 120 s), the 6-hour maximum event age, SQS's visibility timeout and `maxReceiveCount`, SNS's
// delivery policy counts, EventBridge's 185 attempts and 24 hours for rule targets, and the stream
// settings' ranges and defaults. AWS does not document, so these are the **simulator's model**: the
// waits between DynamoDB stream retries (1 s, doubling up to 60 s), bisecting a stream batch not counting
// as a retry, the shape of SNS's and EventBridge's back-off curves, S3's delivery delay (none here;
// AWS: usually within seconds) and how often S3 duplicates or reorders events (never, unless a run turns
// it on), the 235 ms cold start and the 15-minute idle timeout. The simulator's README for sources
// (`src/Sandbox/Sources/README.md`) lists each choice.
//
// **Challenge — Choose the failure handling**
//
// For each trigger, say which invocation model it uses and what happens when the handler throws.
//
// 1. An HTTP API route on API Gateway.
// 2. An S3 `ObjectCreated` notification.
// 3. A DynamoDB stream with default settings.
// 4. An EventBridge schedule that runs a report every weekday.
//
// <details><summary>Solution</summary>
//
// 1. **Synchronous.** The client gets `500 {"message":"Internal Server Error"}` from an HTTP API (`502` from
//    a REST API); Lambda does not retry.
// 2. **Asynchronous.** Lambda retries twice (about 1 minute, then about 2 minutes later), then sends the
//    event to the on-failure destination or DLQ if one is configured, else drops it.
// 3. **Poll-based.** The poller retries the same batch; the shard is blocked until the record succeeds or
//    expires (24 hours), since the default `MaximumRetryAttempts` is -1 (retry until the record expires).
// 4. **Asynchronous.** As for S3: two retries by Lambda, then the destination or DLQ. (EventBridge
//    Scheduler's retry policy for the schedule's target, at most 185 retries and 24 hours, covers failures
//    to hand the event to Lambda; the same figures are the defaults for a rule's targets.)
//
// </details>
//
// **Exercise [05-sqs-batch](../exercises/05-sqs-batch/README.md)** — check it with `./grade 05-sqs-batch`.
//
// Process SQS order messages into DynamoDB, idempotently, and report partial batch failures.
//
// **Exercise [06-s3-async](../exercises/06-s3-async/README.md)** — check it with `./grade 06-s3-async`.
//
// Process S3 uploads once each through Lambda's async retries and duplicate deliveries, decode the
// keys, and let failures reach the on-failure destination.
//
// **Exercise [07-stream-poison](../exercises/07-stream-poison/README.md)** — check it with `./grade 07-stream-poison`.
//
// Keep a DynamoDB stream's changes in order per key, and configure the mapping so a poison record
// neither blocks its shard nor takes good records with it.
//
// **Exercise [08-eventbridge-rules](../exercises/08-eventbridge-rules/README.md)** — check it with `./grade 08-eventbridge-rules`.
//
// Write event patterns for routing rules, checked against events you have not seen, and Scheduler
// schedules in a time zone, checked over a year.

// **Key points**
//
// - Synchronous (API Gateway): the caller gets the error and Lambda never retries.
// - Asynchronous (S3, SNS, EventBridge): Lambda queues the event and retries a failed invocation twice, about 1 and then 2 minutes apart; then the event goes to the on-failure destination or DLQ, if you configured one.
// - Poll-based (SQS, DynamoDB Streams): a Lambda poller reads batches; a failure returns the whole batch (SQS) or blocks the shard (streams) unless you report partial batch failures.
// - Every source can deliver the same event twice, so handlers must be idempotent.

// Types used above. C# wants top-level statements before type declarations, so they come last here.


public sealed class ResizeImage
{
    public string FunctionHandler(S3Event evt, ILambdaContext context)
    {
        var key = evt.Records[0].S3.Object.Key;
        context.Logger.LogLine($"resizing {key}");
        if (key.EndsWith(".corrupt", StringComparison.Ordinal))
        {
            throw new System.IO.InvalidDataException($"cannot decode {key}");
        }

        return "resized " + key;
    }
}


public sealed class OrderWorker
{
    public SQSBatchResponse FunctionHandler(SQSEvent evt, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in evt.Records)
        {
            if (!TryRecord(message, context))
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return new SQSBatchResponse(failures);
    }

    public void Strict(SQSEvent evt, ILambdaContext context)
    {
        foreach (var message in evt.Records)
        {
            if (!TryRecord(message, context))
            {
                throw new FormatException($"message {message.MessageId} has no price");
            }
        }
    }

    private static bool TryRecord(SQSEvent.SQSMessage message, ILambdaContext context)
    {
        var ok = decimal.TryParse(message.Body, NumberStyles.Number, CultureInfo.InvariantCulture, out var price);
        context.Logger.LogLine(ok ? $"{message.Body}: order of {price}" : $"{message.Body}: cannot parse");
        return ok;
    }
}

public static class OrderQueue
{
    /// <summary>A queue (visibility 30 s, maxReceiveCount 3, a DLQ) feeding the worker; three messages sent.</summary>
    public static (Simulation Sim, SqsQueue Queue, SqsQueue Dlq) Run(string handler, bool reportBatchItemFailures)
    {
        var sim = new Simulation(new SimulationOptions { Seed = 5 });
        var dlq = sim.Services.Sqs.CreateQueue("orders-dlq");
        var queue = sim.Services.Sqs.CreateQueue("orders", new Dictionary<string, string>
        {
            ["VisibilityTimeout"] = "30",
            ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlq.Arn}}","maxReceiveCount":3}""",
        });
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "orders", MemorySize = 512, Timeout = TimeSpan.FromSeconds(5) },
            HandlerFactory.FromType(typeof(OrderWorker), handler));
        var options = new SqsEventSourceOptions();
        if (reportBatchItemFailures)
        {
            options.FunctionResponseTypes.Add(SqsEventSourceOptions.ReportBatchItemFailures);
        }

        SqsEventSourceMapping.Create(sim, queue, "orders", options);
        foreach (var body in new[] { "19.99", "nineteen", "5.00" })
        {
            queue.Send(new SqsSendRequest { Body = body });
        }

        sim.Run();
        return (sim, queue, dlq);
    }
}


public static class OrderStream
{
    /// <summary>
    /// Writes orders 1–4 (order 2 is poison) to a table whose stream feeds a function; prints each batch the function
    /// received and each skipped batch (pass print: false to get the lines instead).
    /// </summary>
    public static (Simulation Sim, List<string> Lines) Run(DynamoDbEventSourceOptions options, bool print = true)
    {
        var lines = new List<string>();
        var sim = new Simulation(new SimulationOptions { Seed = 5 });
        sim.Services.DynamoDb.Invoke("CreateTable", JsonDocument.Parse("""
            {"TableName":"orders","BillingMode":"PAY_PER_REQUEST",
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
             "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}}
            """).RootElement);
        var skipped = sim.Services.Sqs.CreateQueue("skipped-records");
        options.StartingPosition = DynamoDbEventSourceOptions.TrimHorizon;
        options.OnFailure = Destinations.Queue(sim, skipped);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "ledger", MemorySize = 1024 },
            HandlerFactory.FromDelegate((DynamoDBEvent e, ILambdaContext c) =>
            {
                var items = e.Records.Select(r => r.Dynamodb.NewImage["sk"].N + (r.Dynamodb.NewImage["data"].S == "poison" ? "!" : "")).ToList();
                lines.Add($"+{(sim.Now - sim.Options.Start).TotalSeconds,9:0.0000} s  batch [{string.Join(", ", items)}]");
                if (items.Any(i => i.EndsWith('!')))
                {
                    throw new InvalidOperationException("poison record");
                }

                return (StreamsEventResponse?)null;
            }));
        DynamoDbEventSourceMapping.Create(sim, sim.Services.DynamoDb.GetStream("orders")!, "ledger", options);
        for (var sk = 1; sk <= 4; sk++)
        {
            var data = sk == 2 ? "poison" : "ok";
            sim.Services.DynamoDb.Invoke("PutItem", JsonDocument.Parse(
                "{\"TableName\":\"orders\",\"Item\":{\"pk\":{\"S\":\"shop\"},\"sk\":{\"N\":\"" + sk + "\"},\"data\":{\"S\":\"" + data + "\"}}}").RootElement);
        }

        sim.RunFor(TimeSpan.FromHours(25));
        foreach (var message in skipped.Messages)
        {
            using var record = JsonDocument.Parse(message.Body);
            var info = record.RootElement.GetProperty("DDBStreamBatchInfo");
            lines.Add($"+{(message.SentTimestamp - sim.Options.Start).TotalSeconds,9:0.0000} s  skipped: {info.GetProperty("batchSize")} record(s)");
        }

        if (print)
        {
            lines.ForEach(Console.WriteLine);
        }

        return (sim, lines);
    }
}
