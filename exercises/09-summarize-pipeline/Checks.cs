using Course.Grading.Exercises;
using Course.Sandbox.Services.Bedrock;
using static SummarizePipeline.Checks.Pipeline;

namespace SummarizePipeline.Checks;

/// <summary>
/// Checks for 09-summarize-pipeline. Documents are uploaded to the S3 bucket <c>documents</c>, whose ObjectCreated
/// notifications invoke the function asynchronously (so Lambda's two async retries apply). The checks judge what
/// the services recorded — Bedrock's billed calls and every attempt (prompt, outcome, time), Lambda's invocation
/// records, the execution environments' client record and the table — never what the handler says about itself.
/// </summary>
public static class SummarizePipelineChecks
{
    [Check("summarizes-document")]
    public static void SummarizesDocument(CheckContext ctx)
    {
        Setup(ctx);
        var doc = MakeDocument(ctx, $"reports/q3-{ctx.Random.Next(100, 999)}.txt", 11);
        Upload(ctx, doc);
        ctx.Sim.Run();

        var calls = Calls(ctx, doc);
        var item = ctx.GetItem(Table, "documentKey", doc.Key);
        CheckContext.Require(item is not null,
            $"no item with documentKey \"{doc.Key}\" in {Table} after the upload; {calls.Count} billed Bedrock call(s); invocations: {Describe(Attempts(ctx))}",
            $"an item {{documentKey: \"{doc.Key}\", summary, chunks, inputTokens, outputTokens}}",
            "read the object with GetObjectAsync(bucket, key) from the S3 event record, summarize it with ConverseAsync and PutItem the result into the table named by TABLE_NAME");
        CheckContext.Require(calls.Count > 0,
            $"the item exists but Bedrock billed no call for any paragraph of {doc.Key}",
            "the summary to come from the model (ConverseAsync on the document's text)",
            "send the document's chunks to Bedrock; do not write a summary you made up");

        var expected = string.Join("\n", calls.Select(c => c.Answer));
        var summary = S(item!, "summary");
        CheckContext.Require(summary == expected,
            $"summary is {Quote(summary)}; Bedrock answered {calls.Count} call(s) for this document, which joined in document order give {Quote(expected)}",
            "summary = the model's answers (response.Output.Message.Content[0].Text) joined with \"\\n\", in the order of the chunks in the document",
            "keep each chunk's answer at the chunk's index and join them in that order (answers of parallel calls arrive in any order)");

        var input = calls.Sum(c => c.InputTokens);
        var output = calls.Sum(c => c.OutputTokens);
        CheckContext.Require(N(item!, "chunks") == calls.Count && N(item!, "inputTokens") == input && N(item!, "outputTokens") == output,
            $"the item says chunks = {N(item!, "chunks")?.ToString() ?? "(missing)"}, inputTokens = {N(item!, "inputTokens")?.ToString() ?? "(missing)"}, outputTokens = {N(item!, "outputTokens")?.ToString() ?? "(missing)"}; Bedrock billed {calls.Count} calls, {input} input and {output} output tokens",
            $"chunks = {calls.Count}, inputTokens = {input}, outputTokens = {output} (numbers, N)",
            "add up response.Usage.InputTokens and OutputTokens over the calls and store them, with the number of chunks, as N attributes");
        ctx.Note($"{doc.Key}: {calls.Count} chunk(s), {input} input + {output} output tokens, ${ctx.Sim.Services.Bedrock.Cost():0.000000}");
    }

    [Check("every-chunk-once")]
    public static void EveryChunkOnce(CheckContext ctx)
    {
        Setup(ctx);
        ctx.Sim.Services.S3Notifications.DuplicateRate = 1.0;   // at-least-once: this upload is delivered twice, at once
        var doc = MakeDocument(ctx, $"reports/audit-{ctx.Random.Next(100, 999)}.txt", 17);
        Upload(ctx, doc);
        ctx.Sim.Run();

        var usage = ctx.Sim.Services.Bedrock.Usage;
        var requests = Attempts(ctx).Select(a => a.RequestId).Distinct().Count();
        CheckContext.Require(usage.Count > 0,
            $"Bedrock billed no call; invocations: {Describe(Attempts(ctx))}",
            "each paragraph of the document sent to the model once",
            "make summarizes-document pass first");

        var missing = new List<int>();
        var twice = new List<string>();
        for (var i = 0; i < doc.Paragraphs.Count; i++)
        {
            var holders = usage.Where(u => u.Prompt.Contains(doc.Paragraphs[i], StringComparison.Ordinal)).ToList();
            if (holders.Count == 0) missing.Add(i + 1);
            else if (holders.Count > 1) twice.Add($"§{i + 1} ×{holders.Count} (requests {string.Join(", ", holders.Select(h => Short(h.RequestId)).Distinct())})");
        }

        CheckContext.Require(missing.Count == 0,
            $"{missing.Count} of {doc.Paragraphs.Count} paragraphs never reached the model: § {string.Join(", ", missing)} (of {usage.Count} billed calls)",
            $"all {doc.Paragraphs.Count} paragraphs in {doc.ExpectedChunks} chunks, the last one with what is left over",
            "after the loop that packs paragraphs, send the chunk still being filled too (the last chunk is usually not full)");
        CheckContext.Require(twice.Count == 0,
            $"S3 delivered the upload twice ({requests} invocations) and paragraphs were summarized — and billed — more than once: {string.Join("; ", twice.Take(4))}{(twice.Count > 4 ? "; …" : "")}",
            "one summary per document however often S3 delivers the event: the duplicate delivery finds the document claimed and stops",
            "before calling Bedrock, claim the document: PutItem {documentKey, claimedBy = context.AwsRequestId} with ConditionExpression \"attribute_not_exists(documentKey) OR claimedBy = :me\", and return when it throws ConditionalCheckFailedException");

        var oversized = usage.Select(u => (u, Chars: ChunkLength(doc, u.Prompt))).Where(x => x.Chars > ChunkChars).ToList();
        CheckContext.Require(oversized.Count == 0,
            $"{oversized.Count} call(s) carried more than {ChunkChars} characters of the document (largest {oversized.Select(x => x.Chars).DefaultIfEmpty().Max()})",
            $"chunks of whole paragraphs, at most CHUNK_CHARS = {ChunkChars} characters each",
            "start a new chunk when adding the next paragraph (plus the \"\\n\\n\" between) would pass CHUNK_CHARS");
        ctx.Note($"{doc.Paragraphs.Count} paragraphs in {usage.Count} call(s); {requests} invocation(s) for 1 upload delivered twice");
    }

    [Check("token-budget")]
    public static void TokenBudget(CheckContext ctx)
    {
        Setup(ctx);
        var doc = MakeDocument(ctx, $"reports/annual-{ctx.Random.Next(100, 999)}.txt", 25);
        Upload(ctx, doc);
        ctx.Sim.Run();

        var calls = Calls(ctx, doc);
        CheckContext.Require(calls.Count > 0,
            $"Bedrock billed no call for {doc.Key}; invocations: {Describe(Attempts(ctx))}",
            "the document summarized", "make summarizes-document pass first");
        var budget = BudgetPerChunk * doc.ExpectedChunks;
        var total = calls.Sum(c => c.InputTokens + c.OutputTokens);
        var over = calls.Where(c => c.InputTokens + c.OutputTokens > BudgetPerChunk).ToList();
        CheckContext.Require(over.Count == 0 && total <= budget,
            $"{over.Count} of {calls.Count} calls billed more than {BudgetPerChunk} tokens (e.g. {Tokens(over.FirstOrDefault() ?? calls.MaxBy(c => c.InputTokens + c.OutputTokens)!)}); the document billed {total} tokens, ${Cost(ctx):0.000000}",
            $"every call ≤ {BudgetPerChunk} tokens (input + output as Bedrock bills them) and the document ≤ {BudgetPerChunk} × {doc.ExpectedChunks} chunks = {budget}",
            "set InferenceConfig = new InferenceConfiguration { MaxTokens = MAX_OUTPUT_TOKENS } on every call, a short system prompt, one chunk per call");
        ctx.Note($"{calls.Count} calls, {total} of {budget} tokens, ${Cost(ctx):0.000000} (price sheet)");
    }

    [Check("client-in-init")]
    public static void ClientInInit(CheckContext ctx)
    {
        Setup(ctx);
        for (var i = 0; i < 2; i++)
        {
            Upload(ctx, MakeDocument(ctx, $"memos/memo-{i + 1}.txt", 6));
            ctx.Sim.Run();
        }

        var clients = ctx.Function.Environments.SelectMany(e => e.ClientsCreated.Where(c => c.Service == "bedrockruntime").Select(c => (Env: e.Id, Client: c))).ToList();
        var perInvoke = clients.Where(c => c.Client.Phase == "INVOKE").ToList();
        CheckContext.Require(clients.Count > 0,
            "no AmazonBedrockRuntimeClient was created in any execution environment",
            "one Bedrock client created in INIT", "create it with `new AmazonBedrockRuntimeClient()` in a field initialiser");
        CheckContext.Require(perInvoke.Count == 0,
            $"{perInvoke.Count} of {Attempts(ctx).Count} invocations created a new AmazonBedrockRuntimeClient while handling the event (requests {string.Join(", ", perInvoke.Select(c => Short(c.Client.RequestId)))}); each costs the client set-up again (the simulator charges 50 ms: credentials, endpoint, a new TLS connection)",
            "one Bedrock client per execution environment, created in INIT and reused by warm invocations",
            "move `new AmazonBedrockRuntimeClient()` into a field initialiser of Function");
        ctx.Note($"{Attempts(ctx).Count} invocations, {ctx.Function.Environments.Count()} environment(s), Bedrock clients: {clients.Count} (INIT)");
    }

    [Check("throttle-backoff")]
    public static void ThrottleBackoff(CheckContext ctx)
    {
        Setup(ctx);
        var doc = MakeDocument(ctx, $"reports/incident-{ctx.Random.Next(100, 999)}.txt", 11);
        ThrottleStorm(ctx, TimeSpan.FromSeconds(1.5));
        Upload(ctx, doc);
        ctx.Sim.Run();

        var attempts = ctx.Sim.Services.Bedrock.Attempts;
        var throttles = attempts.Count(a => a.Outcome == BedrockException.Throttling);
        CheckContext.Require(attempts.Count > 0,
            $"the function made no Bedrock call; invocations: {Describe(Attempts(ctx))}", "the document summarized", "make summarizes-document pass first");
        var failed = Attempts(ctx).Where(a => a.ErrorType?.Contains("Throttling", StringComparison.Ordinal) == true).ToList();
        CheckContext.Require(failed.Count == 0,
            $"Bedrock throttled for 1.5 s and {failed.Count} invocation attempt(s) failed with ThrottlingException ({Describe(Attempts(ctx))}); Lambda retried the event a minute later and the chunks were sent again: {ctx.Sim.Services.Bedrock.Usage.Count} billed calls for {doc.ExpectedChunks} chunks",
            "each throttled call retried after a wait until Bedrock recovers; the invocation succeeds the first time",
            "catch ThrottlingException around ConverseAsync and retry after await Task.Delay(delay), doubling the delay each time (about 200 ms first, at most 8 attempts)");
        var immediate = Retries(ctx).Where(r => r.Retry.At - r.ThrottleEnded < TimeSpan.FromMilliseconds(1)).ToList();
        CheckContext.Require(immediate.Count == 0,
            $"{immediate.Count} retr{(immediate.Count == 1 ? "y" : "ies")} started the moment the throttle came back (e.g. at {At(ctx, immediate.FirstOrDefault().Retry?.At ?? ctx.Sim.Now)}), {throttles} throttled calls in all: retrying at once only adds load while Bedrock is refusing",
            "a wait before every retry, growing after each throttle",
            "await Task.Delay(delay) before retrying and double delay each time");
        ctx.Note($"{throttles} throttled calls, {Retries(ctx).Count} retries, document done in {Describe(Attempts(ctx))}");
    }

    [Check("jitter-under-concurrency")]
    public static void JitterUnderConcurrency(CheckContext ctx)
    {
        Setup(ctx);
        var docs = Enumerable.Range(1, 4).Select(i => MakeDocument(ctx, $"batch/letter-{i}.txt", 10)).ToList();
        ThrottleStorm(ctx, TimeSpan.FromSeconds(1.5));
        foreach (var doc in docs) Upload(ctx, doc);
        ctx.Sim.Run();

        // The handler's own back-off: retries after a wait (an immediate retry is throttle-backoff's concern, and
        // Lambda's async redelivery a minute later is not the handler's back-off).
        var retries = Retries(ctx).Where(r => r.Retry.At - r.ThrottleEnded is var gap && gap >= TimeSpan.FromMilliseconds(1) && gap <= TimeSpan.FromSeconds(30)).ToList();
        if (retries.Count == 0)
        {
            ctx.Note("no retry after a wait to judge (throttle-backoff looks at retries without one)");
            return;
        }

        // Jittered waits may still meet by chance now and then; lockstep is when most retries come back in herds.
        var together = retries.GroupBy(r => r.Retry.At).Where(g => g.Count() > 1).OrderBy(g => g.Key).ToList();
        CheckContext.Require(together.Sum(g => g.Count()) * 2 < retries.Count,
            $"{together.Sum(g => g.Count())} of {retries.Count} retries started at exactly the same virtual instant as another, in lockstep: "
            + string.Join("; ", together.Take(3).Select(g => $"{At(ctx, g.Key)}: {g.Count()} retries from requests {string.Join(", ", g.Select(r => Short(r.Retry.RequestId)).Distinct())}"))
            + " — four uploads throttled together come back together and are throttled together again",
            "retries spread out in time: each wait randomized (jitter), so that at most a few meet by chance",
            "randomize each delay, e.g. delay / 2 + rnd.Next(delay / 2), with a Random seeded per invocation (a stable hash of context.AwsRequestId); a constant seed repeats the same delays in every environment");
        ctx.Note($"{retries.Count} retries at {retries.Select(r => r.Retry.At).Distinct().Count()} distinct instants across {Attempts(ctx).Select(a => a.RequestId).Distinct().Count()} invocations");
    }

    [Check("biggest-document-in-time")]
    public static void BiggestDocumentInTime(CheckContext ctx)
    {
        Setup(ctx);
        var doc = MakeDocument(ctx, $"reports/handbook-{ctx.Random.Next(100, 999)}.txt", 120);
        Upload(ctx, doc);
        ctx.Sim.Run();

        var attempts = Attempts(ctx);
        var timedOut = attempts.Where(a => a.TimedOut).ToList();
        var calls = Calls(ctx, doc);
        CheckContext.Require(timedOut.Count == 0,
            $"{doc.Key} ({doc.Text.Length:N0} characters, {doc.ExpectedChunks} chunks) timed out: {Describe(attempts)}. S3 invokes asynchronously, so Lambda ran it {attempts.Count} times and Bedrock billed {calls.Count} calls (${Cost(ctx):0.000000}) for no summary",
            $"the document summarized within the function's {ctx.Function.Options.Timeout.TotalSeconds:0} s timeout",
            "summarize several chunks at a time (at most 4, with SemaphoreSlim or Parallel.ForEachAsync) instead of one after another: each call takes about 0.9 s");
        CheckContext.Require(ctx.GetItem(Table, "documentKey", doc.Key) is not null,
            $"no item for {doc.Key}; invocations: {Describe(attempts)}", "the summary in the table", "make summarizes-document pass first");
        ctx.Note($"{doc.ExpectedChunks} chunks summarized in {Describe(attempts)}");
    }

    private static decimal Cost(CheckContext ctx) => ctx.Sim.Services.Bedrock.Cost();

    private static string Tokens(BedrockUsage u) => $"{u.InputTokens} in + {u.OutputTokens} out";

    private static int ChunkLength(Document doc, string prompt)
    {
        var inside = doc.Paragraphs.Where(p => prompt.Contains(p, StringComparison.Ordinal)).ToList();
        return inside.Sum(p => p.Length) + (2 * Math.Max(0, inside.Count - 1));
    }

    private static string Quote(string? text) => text is null ? "(missing)" : text.Length > 120 ? $"\"{text[..117]}…\"" : $"\"{text}\"";
}
