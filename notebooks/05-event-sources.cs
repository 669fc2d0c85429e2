// Lesson 05: Event sources: who calls your function, and what happens when it fails
// Generated from lessons/05-event-sources.md by `course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/05-event-sources.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Lambda.Core;
using Course.Lambda.SQSEvents;
using Course.Lessons.Display;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;
using Course.Sandbox;
using System.Globalization;

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
// 23 days), and EventBridge retries delivery to a target for up to 24 hours and 185 attempts. Those
// policies cover failing to *hand over* the event, not your handler throwing.
//
// We will watch the first two models in the simulator with one handler: it "resizes" an image
// named in the event, and fails on files ending in `.corrupt`. A second small type records what
// reaches a dead-letter queue, and when.

// ## Synchronous: the caller gets the error
//
// With a synchronous invocation the caller waits, and receives the result or the error. Lambda does
// not retry. API Gateway turns a function error into `502` and a timeout into `504`; whether to try
// again is the client's decision.


var syncSim = new Simulation(new SimulationOptions { Seed = 5 });
syncSim.Lambda.Deploy(new FunctionOptions { FunctionName = "resize", MemorySize = 1024 },
    HandlerFactory.FromType(typeof(ResizeImage), nameof(ResizeImage.FunctionHandler)));

var reply = syncSim.Lambda.Invoke("resize", """{"key":"cat.corrupt"}""");
Console.WriteLine($"status {reply.StatusCode}, FunctionError: {reply.FunctionError}, {reply.ErrorType}: {reply.ErrorMessage}");
Console.WriteLine($"attempts made by Lambda: {syncSim.Lambda.Invocations.Count}");

// ## Asynchronous: Lambda retries for you
//
// With an asynchronous invocation (S3, SNS and EventBridge all use it) the caller gets `202` at once.
// Lambda keeps the event in an internal queue and invokes the function. If the function fails,
// Lambda tries **twice more**: about one minute after the first failure, then about two minutes after
// the second. When all three attempts have failed, the event goes to the **on-failure destination**
// or the **dead-letter queue**, if you configured one; otherwise it is dropped. Events also expire
// after the maximum event age (6 hours by default).

var asyncSim = new Simulation(new SimulationOptions { Seed = 5 });
var dlq = new DeadLetterQueue(asyncSim, "arn:aws:sqs:us-east-1:123456789012:resize-dlq");
var options = new FunctionOptions { FunctionName = "resize", MemorySize = 1024 };
options.Async.DeadLetter = dlq;
asyncSim.Lambda.Deploy(options, HandlerFactory.FromType(typeof(ResizeImage), nameof(ResizeImage.FunctionHandler)));

var accepted = asyncSim.Lambda.InvokeAsync("resize", """{"key":"dog.corrupt"}""", InvocationType.Event).Result;
Console.WriteLine($"the caller got {accepted.StatusCode} at once");
asyncSim.Run();

Show.Timeline(asyncSim);
foreach (var (at, body) in dlq.Received)
{
    Console.WriteLine($"the dead-letter queue received {body} at +{at.TotalSeconds:0.0} s");
}

// The trace shows the same story event by event, including when each retry was scheduled:

Show.Trace(asyncSim, e => e.Kind is Course.Sandbox.Observability.TraceKind.AsyncQueued
    or Course.Sandbox.Observability.TraceKind.InvokeEnd
    or Course.Sandbox.Observability.TraceKind.RetryScheduled
    or Course.Sandbox.Observability.TraceKind.DeadLetter);

// **Challenge — Read the retry timeline**
//
// Using the output above: how many times was the function invoked and billed for the one event? How
// long after the upload did the dead-letter queue receive it? Then change the code so that
// `options.Async.MaximumRetryAttempts = 0` and predict the new answers before you run it.
//
// <details><summary>Solution</summary>
//
// Three invocations, all billed: the first (a cold start), one about 60 s after the first failure,
// one about 120 s after the second. The dead-letter queue receives the event about 3 minutes after
// the upload (60 s + 120 s of waiting plus the short runs and the cold start).
//
// With `MaximumRetryAttempts = 0` there is one invocation, and the event reaches the dead-letter
// queue as soon as it fails, a fraction of a second after the upload. Zero retries suit handlers
// whose failures will not heal by waiting (a corrupt file), so that they do not spend three minutes
// and three invocations on it.
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
dupSim.Lambda.Deploy(new FunctionOptions { FunctionName = "resize", MemorySize = 1024 },
    HandlerFactory.FromType(typeof(ResizeImage), nameof(ResizeImage.FunctionHandler)));

for (var i = 0; i < 20; i++)
{
    _ = dupSim.Lambda.InvokeAsync("resize", $$"""{"key":"photo-{{i}}.jpg"}""", InvocationType.Event);
}

dupSim.Run();
Console.WriteLine($"20 events, {dupSim.Lambda.Invocations.Count} invocations");

// An idempotent resize writes its output under a key derived from the input (`photo-3.jpg` →
// `thumbnails/photo-3.jpg`), so a second run overwrites the same object with the same bytes. A
// handler that *appends* (sends an e-mail, adds a row, charges a card) needs a record of what it
// has already done, keyed by something stable such as the S3 object's key and version, or the
// message id.
//
// ## Poll-based: SQS and DynamoDB Streams
//
// For queues and streams, Lambda runs a **poller** (an *event source mapping*) that reads records in
// **batches** and invokes your function synchronously with each batch. What happens on failure is
// decided by the source.
//
// **SQS.** The poller receives up to `BatchSize` messages (default 10) and hides them for the
// queue's *visibility timeout*. If the function succeeds, the poller deletes them. If it fails,
// it deletes nothing: after the visibility timeout **the whole batch** becomes visible again and
// is received again, including the messages that were processed fine. Each receive counts; after
// `maxReceiveCount` receives, SQS moves a message to the queue's dead-letter queue. The visibility
// timeout must be at least the function timeout (AWS recommends six times it).
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
// **DynamoDB Streams.** Records arrive in order per shard (per partition key). If a batch fails,
// the poller retries *the same batch* and the shard stops moving: later changes wait behind the
// failing record, by default until the record expires from the stream after 24 hours. Settings
// unblock it: `MaximumRetryAttempts`, `MaximumRecordAgeInSeconds`, `BisectBatchOnFunctionError`
// (split the batch in two to isolate the bad record), a partial batch response (report the
// sequence number of the first failed record), and an on-failure destination that receives a
// description of the records that were skipped.
//
// A C# handler for SQS takes an `SQSEvent` and, with `ReportBatchItemFailures` on, returns an
// `SQSBatchResponse` naming the messages that failed. This one parses a price from each message and
// reports the ones it cannot parse:

// Give it a batch of three messages, one of them malformed. The response names only that one, so
// only it would return to the queue:

var sqsSim = new Simulation(new SimulationOptions { Seed = 5 });
sqsSim.Lambda.Deploy(new FunctionOptions { FunctionName = "orders", MemorySize = 512 },
    HandlerFactory.FromType(typeof(OrderWorker), nameof(OrderWorker.FunctionHandler)));

var batch = """
    {"Records": [
      {"messageId": "m-1", "body": "19.99", "eventSource": "aws:sqs"},
      {"messageId": "m-2", "body": "nineteen", "eventSource": "aws:sqs"},
      {"messageId": "m-3", "body": "5.00", "eventSource": "aws:sqs"}
    ]}
    """;
var batchReply = sqsSim.Lambda.Invoke("orders", batch);
Console.WriteLine(batchReply.Payload);
Show.Logs(sqsSim, "orders");

// **Challenge — One poison message**
//
// An SQS queue (standard, `maxReceiveCount` 3, with a dead-letter queue) feeds a function with batch
// size 10. One message in a batch has a malformed body, and the handler throws on it.
//
// 1. Without `ReportBatchItemFailures`, what happens to the other nine messages, and to the bad one?
// 2. What changes with `ReportBatchItemFailures` and a handler that reports only the bad message?
// 3. Why does the first answer make idempotency essential?
//
// <details><summary>Hint</summary>
//
// A failed invocation deletes nothing. Count the receives of each message.
//
// </details>
//
// <details><summary>Solution</summary>
//
// 1. The whole batch fails, so all ten messages return to the queue after the visibility timeout and
//    are received again, and again. The nine good ones are processed up to three times each (if the
//    bad one stays in their batch); after the third receive, SQS moves *all ten* to the dead-letter
//    queue on the next receive, good ones included.
// 2. The nine good messages are deleted after the first invocation. Only the bad one returns; after
//    its third receive it moves to the dead-letter queue alone.
// 3. Because the good messages were processed more than once before they were deleted: any side
//    effect (a row written, an e-mail sent) happened several times unless the handler recognises a
//    message it has already handled. Exercise 05 grades exactly this.
//
// </details>
//
// **Challenge — Choose the failure handling**
//
// For each trigger, say which invocation model it uses and what happens when the handler throws.
//
// 1. An HTTP API route on API Gateway.
// 2. An S3 `ObjectCreated` notification.
// 3. A DynamoDB stream with default settings.
// 4. An EventBridge schedule that runs a report every night.
//
// <details><summary>Solution</summary>
//
// 1. **Synchronous.** The client gets `502 {"message":"Internal server error"}`; Lambda does not retry.
// 2. **Asynchronous.** Lambda retries twice (about 1 minute, then about 2 minutes later), then sends the
//    event to the on-failure destination or DLQ if one is configured, else drops it.
// 3. **Poll-based.** The poller retries the same batch; the shard is blocked until the record succeeds or
//    expires (24 hours), since the default `MaximumRetryAttempts` is -1 (retry until the record expires).
// 4. **Asynchronous.** As for S3: two retries by Lambda, then the destination or DLQ. (EventBridge's own
//    retry policy, 24 hours and 185 attempts by default, covers failures to hand the event to Lambda.)
//
// </details>
//
// **Exercise [05-sqs-batch](../exercises/05-sqs-batch/README.md)** — check it with `./grade 05-sqs-batch`.
//
// Process SQS order messages into DynamoDB, idempotently, and report partial batch failures.
//
// **Exercise [06-s3-async](../exercises/06-s3-async/README.md)** — check it with `./grade 06-s3-async`.
//
// Process uploaded objects from S3 notifications; survive retries and configure a failure destination.
//
// **Exercise [07-stream-poison](../exercises/07-stream-poison/README.md)** — check it with `./grade 07-stream-poison`.
//
// Consume a DynamoDB stream in order without letting one poison record block the shard forever.
//
// **Exercise [08-eventbridge-rules](../exercises/08-eventbridge-rules/README.md)** — check it with `./grade 08-eventbridge-rules`.
//
// Write event patterns and a scheduled function on EventBridge.

// **Key points**
//
// - Synchronous (API Gateway): the caller gets the error and Lambda never retries.
// - Asynchronous (S3, SNS, EventBridge): Lambda queues the event and retries a failed invocation twice, about 1 and then 2 minutes apart; then the event goes to the on-failure destination or DLQ, if you configured one.
// - Poll-based (SQS, DynamoDB Streams): a Lambda poller reads batches; a failure returns the whole batch (SQS) or blocks the shard (streams) unless you report partial batch failures.
// - Every source can deliver the same event twice, so handlers must be idempotent.

// Types used above. C# wants top-level statements before type declarations, so they come last here.


public sealed class ResizeImage
{
    public string FunctionHandler(Dictionary<string, string> evt, ILambdaContext context)
    {
        var key = evt["key"];
        context.Logger.LogLine($"resizing {key}");
        if (key.EndsWith(".corrupt", StringComparison.Ordinal))
        {
            throw new System.IO.InvalidDataException($"cannot decode {key}");
        }

        return "resized " + key;
    }
}

public sealed class DeadLetterQueue(Simulation sim, string arn) : IAsyncTarget
{
    public string Arn { get; } = arn;

    public List<(TimeSpan At, string Body)> Received { get; } = [];

    public void Deliver(AsyncDelivery delivery) => Received.Add((sim.Now - sim.Options.Start, delivery.Body));
}


public sealed class OrderWorker
{
    public SQSBatchResponse FunctionHandler(SQSEvent evt, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in evt.Records)
        {
            try
            {
                var price = decimal.Parse(message.Body, NumberStyles.Number, CultureInfo.InvariantCulture);
                context.Logger.LogLine($"message {message.MessageId}: order of {price}");
            }
            catch (FormatException)
            {
                context.Logger.LogLine($"message {message.MessageId}: cannot parse '{message.Body}'");
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return new SQSBatchResponse(failures);
    }
}
