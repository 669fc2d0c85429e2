// Lesson 06: AI workloads: Lambda orchestrates, Bedrock infers
// Generated from lessons/06-ai-workloads.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/06-ai-workloads.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Lambda.Core;
using Course.Lambda.S3Events;
using Course.Lessons.Display;
using Course.Sandbox.Clients.BedrockRuntime.Model;
using Course.Sandbox.Clients.BedrockRuntime;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Pricing;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.S3;
using Course.Sandbox;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using System;

// ## Who does what
//
// In the most common serverless AI pipeline, nothing runs a model inside Lambda. A document lands in
// S3; the upload invokes a function (asynchronously, as lesson 5 showed); the function reads the text,
// cuts it into pieces the model can take, sends each piece to **Amazon Bedrock**, and stores what comes
// back in DynamoDB:
//
// ```
// S3 upload ──► Lambda: extract ──► chunk ──► Bedrock (Claude) per chunk ──► DynamoDB item
// ```
//
// Lambda is the **orchestrator**: it reacts to the event, holds the control flow (order, retries,
// limits) and pays for the time it waits. Bedrock does the **inference** on AWS's hardware and bills per
// token. Neither needs a server you manage; both have limits you must design for, and those limits are
// what this lesson is about.
//
// **"About 300 ms" is the guide's figure, not AWS's.**
//
// The guide this course follows says a warm Lambda calling Claude 3.5 Haiku for a summary takes "around
// 300 ms" end to end — and, in the same breath, that the figure excludes the model's inference time.
// AWS publishes no latency figure for Bedrock models; the time depends on the model, the input and
// above all on how many tokens it writes. The sandbox's latency model (below) gives 1.3 s for an
// 80-token answer from Claude Haiku 4.5. The guide's model is also gone: Claude 3.5 Haiku reached its
// end of life on Bedrock on 2026-06-19; the sandbox answers a call to it the way Bedrock does, with
// `ResourceNotFoundException`. This lesson uses **Claude Haiku 4.5** through the `us.` cross-region
// inference profile, the way AWS serves it.
//
// ## Two ways to ask: InvokeModel and Converse
//
// Bedrock Runtime has two request shapes for a single answer:
//
// - **InvokeModel** takes the body *in the model's own format*. For Anthropic's Claude models that is
//   the Messages format: `anthropic_version` (`"bedrock-2023-05-31"`), `max_tokens` (required), optional
//   `system`, and `messages`; the response body has `content`, `stop_reason` and `usage`
//   (`input_tokens`, `output_tokens`). Another provider's model wants another body.
// - **Converse** takes one shape for every model: `messages` (each with a `role` and `content`
//   blocks), `system`, and `inferenceConfig` (`maxTokens`, `temperature`, …); the response has
//   `output.message`, `stopReason`, `usage` (`inputTokens`, `outputTokens`, `totalTokens`) and
//   `metrics.latencyMs`.
//
// The sandbox's client is named and shaped like `Amazon.BedrockRuntime.AmazonBedrockRuntimeClient`
// (AWSSDK.BedrockRuntime). Here both calls go to the same model from one handler:


const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
const string Note = "Lambda runs code without servers. It scales with the number of requests. You pay per request and per millisecond. Cold starts add latency to the first request. Memory also sets the CPU share. Timeouts stop a run at the limit.";

var shapes = new Simulation(new SimulationOptions { Seed = 6 });
shapes.Lambda.Deploy(new FunctionOptions { FunctionName = "shapes", MemorySize = 512, Timeout = TimeSpan.FromSeconds(10) },
    HandlerFactory.FromDelegate(() => new AmazonBedrockRuntimeClient(), async (AmazonBedrockRuntimeClient bedrock, string text, ILambdaContext context) =>
    {
        // InvokeModel: Anthropic's Messages body, as JSON bytes.
        var body = JsonSerializer.Serialize(new
        {
            anthropic_version = "bedrock-2023-05-31",
            max_tokens = 100,
            system = "Summarize in two sentences.",
            messages = new[] { new { role = "user", content = text } },
        });
        var invoked = await bedrock.InvokeModelAsync(new InvokeModelRequest { ModelId = Haiku, Body = new MemoryStream(Encoding.UTF8.GetBytes(body)) });

        // Converse: the same question in the model-independent shape.
        var conversed = await bedrock.ConverseAsync(new ConverseRequest
        {
            ModelId = Haiku,
            System = [new SystemContentBlock { Text = "Summarize in two sentences." }],
            Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = text }] }],
            InferenceConfig = new InferenceConfiguration { MaxTokens = 100 },
        });
        return $"InvokeModel response body:\n{Encoding.UTF8.GetString(invoked.Body!.ToArray())}\n\n"
            + $"Converse: text = \"{conversed.Output!.Message!.Content![0].Text}\"\n"
            + $"          stopReason = {conversed.StopReason}, usage = {conversed.Usage!.InputTokens} in + {conversed.Usage.OutputTokens} out = {conversed.Usage.TotalTokens}, latencyMs = {conversed.Metrics!.LatencyMs}";
    }));

var shown = shapes.Lambda.Invoke("shapes", JsonSerializer.Serialize(Note));
Console.WriteLine(JsonSerializer.Deserialize<string>(shown.Payload!));
Show.Tokens(shapes);

// Both answers are the same text: the sandbox model is deterministic (it answers with the first
// sentences of what it was given, about a third of them), so a run can be checked and replayed. A real
// model's text differs run to run; its *shape* does not.
//
// ## Tokens, time and money per call
//
// Three numbers come back with every answer, and they drive everything else:
//
// - **Tokens.** Input tokens are everything you send (system prompt, every turn); output tokens are
//   what the model writes. The sandbox counts one token per four characters (⌈characters / 4⌉), the
//   rule of thumb Anthropic and AWS both quote; real tokenizers differ by a few per cent.
// - **Latency.** The simulator's model of a call is *time to first token + time per further output
//   token*: 500 ms + 10 ms per token for Claude Haiku 4.5, 800 ms + 15 ms for Claude Sonnet 4.5. These are
//   the simulator's figures, in the range public benchmarks report, not AWS's: AWS does not publish
//   model latency. Output length, not input length, is what makes a call slow.
// - **Cost.** On-demand price × tokens, per model, from the course's dated price sheet
//   (`PriceSheet.UsEast1.Bedrock`): Claude Haiku 4.5 $1 per million input tokens and $5 per million
//   output tokens, Claude Sonnet 4.5 $3 and $15 (the global cross-region profile's prices; check AWS's
//   Bedrock pricing page before you rely on them: models and prices change).


var sheet = PriceSheet.UsEast1;
Console.WriteLine($"price sheet as of {sheet.AsOf:yyyy-MM-dd}, {sheet.Region}");
foreach (var (model, price) in sheet.Bedrock)
{
    var perCall = new CostModel(sheet).Bedrock(model, inputTokens: 410, outputTokens: 80);
    Console.WriteLine($"{model,-28} ${price.InputPerMillion,6:0.000} in / ${price.OutputPerMillion,6:0.000} out per million → one 410 + 80-token call ${perCall:0.000000}");
}

// A 1,600-character chunk is about 400 input tokens; with a short system prompt and an 80-token
// answer that is $0.00081 on Haiku 4.5 — and the 80 output tokens cost almost as much as the 410 input
// tokens. Capping `max_tokens` is the first cost control.
//
// ## A document through the pipeline
//
// The handler below is the pipeline: read the object, split it into whole paragraphs packed into
// chunks of at most 1,600 characters, summarize each chunk (a few at a time, with back-off on
// throttling), and store one item. It is given the simulation so that its back-off waits spend virtual
// time (`Task.Delay(wait, sim.Time)`); to keep the notebook light it reads S3 and writes DynamoDB
// through the engine directly (those two steps take no modelled time here), where the exercise uses the
// AWS SDK's clients.

// A simulation with the bucket, the table and the function, wired as lesson 5 wired its photo bucket:


Simulation Pipeline(int seed, int parallelism, bool jitter = true, int timeoutSeconds = 30)
{
    var sim = new Simulation(new SimulationOptions { Seed = seed });
    var fn = sim.Lambda.Deploy(new FunctionOptions { FunctionName = "summarize", MemorySize = 1024, Timeout = TimeSpan.FromSeconds(timeoutSeconds) },
        HandlerFactory.FromDelegate(() => new Summarizer(sim, parallelism, jitter), (Summarizer s, S3Event e, ILambdaContext c) => s.HandleAsync(e, c)));
    sim.Services.S3.CreateBucket("documents");
    sim.Services.S3.PutBucketNotificationConfiguration("documents", [new S3NotificationRule("summarize", fn.Arn, ["s3:ObjectCreated:*"])]);
    sim.Services.DynamoDb.Invoke("CreateTable", """{"TableName":"summaries","AttributeDefinitions":[{"AttributeName":"documentKey","AttributeType":"S"}],"KeySchema":[{"AttributeName":"documentKey","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}""");
    return sim;
}

var one = Pipeline(seed: 6, parallelism: 4);
one.Services.S3.PutObject("documents", "reports/q3.txt", Documents.Make("q3", paragraphs: 14, seed: 1));
one.Run();
Show.Timeline(one);
Show.Tokens(one);
var lambdaBill = new CostModel(PriceSheet.UsEast1).Summarize(one.Lambda.Invocations);
Console.WriteLine($"Lambda: ${lambdaBill.Total:0.000000} · Bedrock: ${one.Services.Bedrock.Cost():0.000000}");

// The trace shows the model calls overlapping (up to 4 at a time) inside the one invocation:


Show.Trace(one, e => e.Kind is TraceKind.ServiceCall or TraceKind.InvokeStart or TraceKind.InvokeEnd);

// **Challenge — Where does the money go?**
//
// From the two tables: what fraction of this document's bill is Bedrock? Then change `MaxTokens = 80`
// to 400 in `SummarizeAsync`, predict what happens to the output tokens, the latency and the cost, and
// run it.
//
// <details><summary>Solution</summary>
//
// Nearly all of it: the function (1,024 MB, a 285 ms cold start and 1.3 s of run time, billed 1,576 ms)
// costs $0.000026, the three model calls $0.002254 — Bedrock is about 99 % of the bill. With
// `MaxTokens = 400` the sandbox model is no longer cut at 80 tokens: a full chunk's answer grows to
// its five sentences (about 120 tokens), so output tokens, latency (10 ms per token) and the output part
// of the bill grow by about half, and `stopReason` becomes `end_turn` instead of `max_tokens`. A real
// model writes as much as it judges useful up to the cap, so the cap is your budget.
//
// </details>
//
// ## Throttling: back off, with jitter
//
// Bedrock limits each account, per Region and per model, in **requests per minute** and **tokens per
// minute** (Service Quotas lists them; new accounts often get less). A request is admitted only if its
// input tokens *plus its `max_tokens`* fit in what is left of the minute — asking for 4,096 output
// tokens you never use still reserves them. Beyond the quota Bedrock answers `ThrottlingException`
// (HTTP 429). The sandbox enforces both quotas per model over a sliding minute (50 requests and 100,000
// tokens by default: the course's numbers, not AWS's), and can also throttle on purpose, as here: for
// 1.5 s every call is refused, while four documents arrive at once.
//
// The fix is a retry after a wait that grows (200, 400, 800 ms …). But four invocations that were
// throttled at the same instant and wait the *same* 200 ms come back at the same instant and collide
// again. **Jitter** — a random part in each wait — spreads them out:


void Storm(bool jitter)
{
    var sim = Pipeline(seed: 6, parallelism: 4, jitter);
    sim.Services.Bedrock.Faults.ErrorRate = 1.0;                 // every call throttled …
    sim.Schedule(TimeSpan.FromSeconds(1.5), () => sim.Services.Bedrock.Faults.ErrorRate = 0);   // … for 1.5 s
    for (var i = 1; i <= 4; i++) sim.Services.S3.PutObject("documents", $"batch/letter-{i}.txt", Documents.Make($"letter-{i}", 10, seed: i));
    sim.Run();
    // A retry is a call with the same prompt from the same invocation as an earlier one.
    var retries = sim.Services.Bedrock.Attempts.GroupBy(a => (a.RequestId, a.Prompt)).SelectMany(g => g.Skip(1)).ToList();
    var herds = retries.GroupBy(a => a.At).ToList();
    Console.WriteLine($"jitter {(jitter ? "on " : "off")}: {retries.Count,2} retries at {herds.Count,2} distinct instants (largest herd: {herds.Max(g => g.Count())} at once); "
        + $"{sim.Services.Bedrock.Attempts.Count(a => a.Outcome == BedrockException.Throttling)} throttled, {sim.Services.Bedrock.Usage.Count} answered; last document done at +{(sim.Lambda.Invocations.Max(r => r.End) - sim.Options.Start).TotalSeconds:0.000} s");
}

Storm(jitter: false);
Storm(jitter: true);

// Without jitter the retries come in herds: all eight throttled calls come back at the same instant,
// round after round. With jitter every retry has its own moment. In this run the throttling is a fixed
// 1.5-second window, so the herds cost nothing extra (jitter even finishes a little later, having drawn
// some longer waits); on a real service, where throttling comes *from* load, a herd that arrives at
// once is what keeps the quota exhausted, and spreading it is what lets it recover. The jitter must
// differ between invocations: `new Random(42)` in every execution environment draws the same "random"
// waits everywhere, so the handler seeds its `Random` from the request id.
//
// **The SDK retries too.**
//
// The AWS SDK for .NET retries throttled calls itself (standard mode: up to 3 attempts, with jittered
// back-off). That rides out a blip; for a dip of seconds, keep your own back-off around the call, and
// for sustained load keep the load under the quota instead (below).
//
// ## Big documents: the context window and the timeout
//
// Two limits meet a big document. The first is the model's **context window**: Claude Haiku 4.5
// takes 200,000 tokens (input plus `max_tokens`); a longer request is refused with
// `ValidationException` before any model runs. The guide's example sends the whole document in one
// call — here is what that does to a 900,000-character handbook:

var direct = new AmazonBedrockRuntimeClient(new Simulation().Services.Bedrock);
try
{
    await direct.ConverseAsync(new ConverseRequest
    {
        ModelId = Summarizer.Model,
        Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = new string('x', 900_000) }] }],
        InferenceConfig = new InferenceConfiguration { MaxTokens = 1024 },
    });
}
catch (ValidationException e)
{
    Console.WriteLine($"{e.ErrorCode} ({(int)e.StatusCode}): {e.Message}");
}

// The second is the **function's timeout**. Chunking keeps every call small, but the calls add up: a
// 24-chunk document summarized one chunk after another takes 24 × 1.3 s. With a 15-second timeout:

foreach (var parallelism in new[] { 1, 4 })
{
    var big = Pipeline(seed: 6, parallelism, timeoutSeconds: 15);
    big.Services.S3.PutObject("documents", "reports/handbook.txt", Documents.Make("handbook", paragraphs: 120, seed: 9));
    big.Run();
    Console.WriteLine($"{parallelism} chunk(s) at a time: {big.Services.Bedrock.Usage.Count} billed calls, Bedrock ${big.Services.Bedrock.Cost():0.000000}");
    Show.Invocations(big);
}

// One at a time, the first attempt times out at 15 s — and because S3 invokes asynchronously, Lambda
// runs the event twice more, each attempt re-sending the chunks it had already paid for. Four at a time,
// it finishes in about 8 s. Lambda's own ceilings stay: 15 minutes per invocation at most, and an
// event payload of 6 MB (synchronous) or 1 MB (asynchronous) — which is why the S3 event carries only
// the object's key and the function reads the document itself.
//
// **Challenge — A manual of 60 chunks**
//
// `Documents.Make("manual", paragraphs: 300, seed: 11)` makes a 60-chunk document. Copy the cell
// above and run it with 4, 8 and 16 chunks at a time (timeout still 15 s). Before you run it: which
// setting finishes, and why? Afterwards, count the billed calls.
//
// <details><summary>Solution</summary>
//
// None of them. Four at a time needs 15 rounds × 1.3 s ≈ 19 s, past the timeout. Eight or sixteen at
// a time would be fast enough, but the 51st call within the minute is throttled: the quota is 50 requests
// per minute (the course's default), so every attempt gets exactly 50 answers and then backs off until
// the timeout stops it. Lambda retries the event twice, and the quota has recovered by then, so each
// attempt bills another 50 calls: 150 billed calls (4 at a time: 144) and no summary. Here the quota,
// not the timeout, is the limit, and no setting of one function fixes that: spread the calls over time
// (an SQS buffer with a maximum concurrency) or let a workflow wait minutes between retries (Step
// Functions, [lesson 10](10-step-functions.ipynb#retry-and-catch)), as the next section describes.
//
// </details>
//
// ## When the function is the wrong place
//
// Running a few chunks at a time inside one invocation works while a document's model time fits
// comfortably in the timeout and the burst fits in the quota. Beyond that, move the work:
//
// - **An SQS buffer.** The upload handler only splits the document and sends one message per chunk; a
//   second function consumes the queue with an event source mapping whose **maximum concurrency** caps
//   how many invocations call Bedrock at once. Bursts wait in the queue instead of hitting the quota, a
//   failed chunk is retried on its own (partial batch responses, lesson 5), and poison chunks end in a
//   dead-letter queue.
// - **Step Functions.** A state machine reads the chunk list, runs a **Map** state over it with
//   `MaxConcurrency`, calls Bedrock directly (the `bedrock:invokeModel` integration) or a function per
//   chunk, with `Retry` (interval, `BackoffRate`, `MaxDelaySeconds`, `JitterStrategy: FULL`) and
//   `Catch` declared instead of coded, and a Standard workflow can run for up to a year with each step
//   in its history. [Lesson 10](10-step-functions.ipynb#map-and-parallel) runs this pipeline as a state machine and covers
//   the Amazon States Language and how Map, Retry and Catch behave.
//
// **Exercise [09-summarize-pipeline](../exercises/09-summarize-pipeline/README.md)** — check it with `./grade 09-summarize-pipeline`.
//
// Build the pipeline: every chunk once even when S3 delivers twice, within a token budget, one client
// per environment, back-off with jitter, and the biggest document within the timeout.

// **Key points**
//
// - Lambda is the orchestrator (react to the upload, read, chunk, call, store); Bedrock runs the model. You pay both, and for text the model's tokens are usually most of the bill.
// - InvokeModel takes the model's own body (for Claude: anthropic_version, max_tokens, messages); Converse takes one shape for every model (messages, system, inferenceConfig) and returns usage and latency.
// - Cost per call = input tokens × input price + output tokens × output price; cap output with max_tokens, which also reserves quota.
// - Bedrock answers ThrottlingException (429) beyond the requests- and tokens-per-minute quotas; retry with growing waits and jitter, or concurrent callers retry in lockstep.
// - A document beyond the context window is refused (ValidationException); a long run of calls outlives the function's timeout. Chunk, run a few chunks at a time, and beyond minutes use an SQS buffer or a Step Functions Map.

// Types used above. C# wants top-level statements before type declarations, so they come last here.


public sealed class Summarizer(Simulation sim, int parallelism, bool jitter = true)
{
    public const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly AmazonBedrockRuntimeClient _bedrock = new();

    public async Task<string> HandleAsync(S3Event evt, ILambdaContext context)
    {
        var record = evt.Records[0].S3;
        // Extract. (The exercise reads with the AWS SDK's AmazonS3Client; here the engine's S3 is read directly.)
        var chunks = Chunk(sim.Services.S3.GetObject(record.Bucket.Name, record.Object.Key).ReadAsString(), 1600);
        var random = new Random(context.AwsRequestId.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
        var answers = new ConverseResponse[chunks.Count];
        using var gate = new SemaphoreSlim(parallelism);
        await Task.WhenAll(chunks.Select(async (chunk, i) =>
        {
            await gate.WaitAsync();
            try { answers[i] = await SummarizeAsync(chunk, random); }
            finally { gate.Release(); }
        }));

        // Store. (The exercise writes with the AWS SDK's AmazonDynamoDBClient.)
        var item = new JsonObject
        {
            ["documentKey"] = new JsonObject { ["S"] = record.Object.Key },
            ["summary"] = new JsonObject { ["S"] = string.Join("\n", answers.Select(a => a.Output!.Message!.Content![0].Text)) },
            ["chunks"] = new JsonObject { ["N"] = chunks.Count.ToString(CultureInfo.InvariantCulture) },
        };
        sim.Services.DynamoDb.Invoke("PutItem", new JsonObject { ["TableName"] = "summaries", ["Item"] = item }.ToJsonString());
        return $"{record.Object.Key}: {chunks.Count} chunks";
    }

    public static List<string> Chunk(string text, int max)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n"))
        {
            if (current.Length > 0 && current.Length + 2 + paragraph.Length > max) { chunks.Add(current.ToString()); current.Clear(); }
            current.Append(current.Length > 0 ? "\n\n" : "").Append(paragraph);
        }
        if (current.Length > 0) chunks.Add(current.ToString());
        return chunks;
    }

    private async Task<ConverseResponse> SummarizeAsync(string chunk, Random random)
    {
        var delay = 200;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _bedrock.ConverseAsync(new ConverseRequest
                {
                    ModelId = Model,
                    System = [new SystemContentBlock { Text = "Summarize the text in a few sentences." }],
                    Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = chunk }] }],
                    InferenceConfig = new InferenceConfiguration { MaxTokens = 80 },
                });
            }
            catch (ThrottlingException) when (attempt < 8)
            {
                int wait;
                lock (random) wait = jitter ? (delay / 2) + random.Next(delay / 2) : delay;
                await Task.Delay(TimeSpan.FromMilliseconds(wait), sim.Time);
                delay = Math.Min(delay * 2, 5_000);
            }
        }
    }
}

/// <summary>Generated documents: paragraphs of three ~95-character sentences.</summary>
public static class Documents
{
    private static readonly string[] Words = ["order", "invoice", "region", "supplier", "forecast", "margin", "grew", "fell", "steadily", "again", "quarter", "delivery"];

    public static string Make(string name, int paragraphs, int seed) => string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(p =>
    {
        var random = new Random(seed * 1000 + p);
        return string.Join(" ", Enumerable.Range(0, 3).Select(s =>
        {
            var sentence = new StringBuilder(s == 0 ? $"Section {p} of {name} says the" : "The");
            while (sentence.Length < 92) sentence.Append(' ').Append(Words[random.Next(Words.Length)]);
            return sentence.Append('.').ToString();
        }));
    }));
}
