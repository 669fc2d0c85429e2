using Course.Grading.Exercises;
using Course.Sandbox.Pricing;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;
using static DocumentPipeline.Checks.Pipeline;

namespace DocumentPipeline.Checks;

/// <summary>
/// Exercise 13's checks. Each runs real executions of the learner's statemachine.asl.json in a fresh simulation,
/// against the three functions of the given Function.cs, and judges what the engine recorded: the execution's
/// status and history, Lambda's invocation records, every Bedrock call, the item in the table — never the
/// definition's own claims (its fields appear only in advice).
/// </summary>
public static class StateMachineChecks
{
    [Check("pipeline-completes")]
    public static void PipelineCompletes(CheckContext ctx)
    {
        Setup(ctx);
        var machine = Create(ctx, "pipeline", WorkflowType.Standard);
        var doc = Upload(ctx, "reports/q3.txt", 12);
        var execution = Run(ctx, machine, doc);
        var answers = Answers(ctx, doc);
        var summarized = answers.Count(a => a is not null);

        CheckContext.Require(execution.Status == ExecutionStatus.Succeeded,
            $"{Describe(execution)}; {summarized} of {doc.Chunks.Count} chunks were summarized",
            "the execution SUCCEEDED and the summary stored",
            Cause(execution.Cause).StartsWith("store-summary needs \"results\"", StringComparison.Ordinal)
                ? "Store got no results: put the Map state's output at \"ResultPath\": \"$.results\""
                : "read the error above: it names the state and what that state's function received");
        var item = Item(ctx, doc);
        CheckContext.Require(item is not null,
            $"the execution SUCCEEDED but the table has no item for {doc.Key}", "the document's summary in the table", "end the state machine with the Store task");
        var expected = string.Join("\n", answers.Where(a => a is not null).Select(a => a!.Answer));
        var billed = ctx.Sim.Services.Bedrock.Usage.Count;
        CheckContext.Require(summarized == doc.Chunks.Count && billed == doc.Chunks.Count && S(item!, "summary") == expected && N(item!, "chunks") == doc.Chunks.Count,
            $"the stored item has chunks = {N(item!, "chunks")?.ToString() ?? "(missing)"} and a summary of {S(item!, "summary")?.Length ?? 0} characters; Bedrock summarized {summarized} of the {doc.Chunks.Count} chunks in {billed} billed calls",
            $"all {doc.Chunks.Count} chunks summarized once each, the summaries stored in chunk order",
            "iterate over $.chunks (ItemsPath), one summarize-chunk call per chunk, and give Store the Map's whole output array");
    }

    [Check("retries-with-backoff")]
    public static void RetriesWithBackoff(CheckContext ctx)
    {
        Setup(ctx);
        var machine = Create(ctx, "pipeline", WorkflowType.Standard);
        var doc = Upload(ctx, "reports/throttled.txt", 12);
        const int throttles = 15;
        ctx.Sim.Services.Bedrock.Faults.Script("*", Enumerable.Repeat(FaultKind.Throttling, throttles).ToArray());   // a burst: the next 15 calls are refused
        var execution = Run(ctx, machine, doc);
        var attempts = Attempts(ctx, doc);
        var throttled = attempts.Select((a, i) => (Index: i, Calls: a)).Where(x => x.Calls.Any(c => c.Outcome == BedrockException.Throttling)).ToList();
        var answers = Answers(ctx, doc);
        var unanswered = throttled.Where(x => answers[x.Index] is null).ToList();
        string Tried((int Index, List<BedrockAttempt> Calls) x) => $"chunk {x.Index}: {x.Calls.Count} call(s), {Waits(x.Calls)}";

        CheckContext.Require(throttled.Count > 0,
            $"{Describe(execution)}; no summarize-chunk call reached Bedrock", "the chunks summarized", "make pipeline-completes pass first");
        CheckContext.Require(unanswered.Count == 0 && execution.Status == ExecutionStatus.Succeeded,
            $"Bedrock throttled the first {throttles} calls; {unanswered.Count} throttled chunk(s) were never summarized ({string.Join("; ", unanswered.Take(3).Select(Tried))}); {Describe(execution)}",
            "each throttled chunk tried again after a wait until the burst is over; the document completes",
            unanswered.All(x => x.Calls.Count == 1)
                ? "add a Retry to the Summarize task for the error summarize-chunk fails with (ThrottlingException)"
                : $"retry more times: the burst outlasted {unanswered.Max(x => x.Calls.Count) - 1} retries");
        var item = Item(ctx, doc);
        CheckContext.Require(item is not null && S(item, "failedChunks") == "",
            $"the item for {doc.Key} lists failedChunks = \"{(item is null ? "(no item)" : S(item, "failedChunks"))}\" though every chunk was summarized in the end",
            "no failed chunks after the retries", "Catch after Retry: let the Retry take the throttles and the Catch only what is left");

        // Back-off: the longest wait before any later retry must clearly exceed the longest wait before the first one
        // (with "JitterStrategy": "FULL" each wait is random below its cap, so single waits need not grow; the caps do).
        var retried = throttled.Where(x => x.Calls.Count >= 3).ToList();
        CheckContext.Require(retried.Count > 0,
            $"no chunk was retried twice ({string.Join("; ", throttled.Take(3).Select(Tried))})", "at least two retries of a throttled chunk",
            "keep MaxConcurrency at 5 so the burst throttles the first chunks several times");
        var waits = retried.Select(x => x.Calls.Zip(x.Calls.Skip(1), (a, b) => b.At - a.At).ToList()).ToList();
        var first = waits.Max(w => w[0]);
        var later = waits.Max(w => w.Skip(1).Max());
        ctx.Note($"waits between calls: {string.Join("; ", retried.Take(5).Select(Tried))}");
        CheckContext.Require(later.TotalMilliseconds >= first.TotalMilliseconds * 1.5 && later - first >= TimeSpan.FromSeconds(0.5),
            $"the waits do not grow: {string.Join("; ", retried.Take(3).Select(Tried))}; the longest wait before a later retry was {Seconds(later)}, before the first retry {Seconds(first)}",
            "each wait longer than the one before (exponential back-off), so a burst gets time to pass",
            "set BackoffRate above 1 (2 doubles each wait)");
    }

    [Check("chunk-failure-caught")]
    public static void ChunkFailureCaught(CheckContext ctx)
    {
        Setup(ctx);
        var machine = Create(ctx, "pipeline", WorkflowType.Standard);
        const int bad = 3;
        var doc = Upload(ctx, "reports/appendix.txt", 10, oversizedAt: bad);
        var execution = Run(ctx, machine, doc);
        var answers = Answers(ctx, doc);
        var summarized = answers.Count(a => a is not null);

        CheckContext.Require(PeakIterations(execution) > 0,
            $"{Describe(execution)}; the history has no Map iteration", "the chunks summarized in a Map state", "make pipeline-completes pass first");
        if (execution.Status != ExecutionStatus.Succeeded)
        {
            var failState = execution.History.LastOrDefault(h => h.Type == "FailStateEntered")?.Details?["name"]?.GetValue<string>();
            throw new CheckFailedException(
                $"chunk {bad} is a {doc.Chunks[bad].Length:N0}-character paragraph that summarize-chunk refuses every time (ChunkTooLargeException); {Describe(execution)}; {summarized} of {doc.Chunks.Count - 1} other chunks were summarized and none stored",
                $"the execution SUCCEEDED and the item lists failedChunks = \"{bad}\" beside the other {doc.Chunks.Count - 1} summaries",
                failState is not null
                    ? $"the Map failed as a whole and ended in your Fail state {failState}: move the Catch into the ItemProcessor, onto the Summarize task"
                    : execution.Error == "ChunkTooLargeException"
                        ? "nothing caught the error: add a Catch to the Summarize task inside the ItemProcessor"
                        : "the Catch path itself failed: keep the chunk with \"ResultPath\": \"$.error\" so $.index is still there");
        }

        var item = Item(ctx, doc);
        CheckContext.Require(item is not null && S(item, "failedChunks") == bad.ToString(System.Globalization.CultureInfo.InvariantCulture) && N(item, "chunks") == doc.Chunks.Count,
            $"the execution SUCCEEDED; the item for {doc.Key} is {(item is null ? "missing" : $"chunks = {N(item, "chunks")}, failedChunks = \"{S(item, "failedChunks")}\"")}",
            $"chunks = {doc.Chunks.Count}, failedChunks = \"{bad}\"",
            "end the caught path inside the iteration with {\"index\", \"error\"} (a Pass state), so Store counts it as a failed chunk");
        var expected = string.Join("\n", answers.Where(a => a is not null).Select(a => a!.Answer));
        CheckContext.Require(summarized == doc.Chunks.Count - 1 && S(item!, "summary") == expected,
            $"{summarized} of the {doc.Chunks.Count - 1} good chunks were summarized; the stored summary has {S(item!, "summary")?.Length ?? 0} characters",
            $"the other {doc.Chunks.Count - 1} chunks summarized and stored in order", "catch only inside the iteration, so the other chunks run as before");
    }

    [Check("concurrency-cap")]
    public static void ConcurrencyCap(CheckContext ctx)
    {
        Setup(ctx);
        var machine = Create(ctx, "pipeline", WorkflowType.Standard);
        var doc = Upload(ctx, "reports/annual.txt", 12);
        var execution = Run(ctx, machine, doc);
        var iterations = PeakIterations(execution);
        var invocations = PeakInvocations(ctx, "summarize-chunk");
        var took = Seconds(execution.StopDate!.Value - execution.StartDate);

        CheckContext.Require(iterations > 0,
            $"{Describe(execution)}; the history has no Map iteration", $"at most {Cap} Map iterations at once", "make pipeline-completes pass first");
        CheckContext.Require(iterations <= Cap && invocations <= Cap,
            $"{iterations} Map iterations ran at once ({invocations} summarize-chunk invocations at the same time) for {doc.Chunks.Count} chunks",
            $"at most {Cap} at once: the model's limit for this pipeline",
            $"set MaxConcurrency to {Cap} on the Map state");
        CheckContext.Require(iterations == Cap,
            $"at most {iterations} Map iteration(s) ran at once; the {doc.Chunks.Count} chunks took {took}",
            $"{Cap} at once: the model allows {Cap}, and each one fewer makes every document slower",
            $"raise MaxConcurrency to {Cap}");
    }

    [Check("workflow-type")]
    public static void WorkflowTypeIsTheCheaper(CheckContext ctx)
    {
        Setup(ctx);
        var chosen = ChosenType(ctx);
        var doc = Upload(ctx, "reports/typical.txt", 12);
        var standard = Run(ctx, Create(ctx, "pipeline-standard", WorkflowType.Standard), doc);
        ctx.Sim.RunFor(TimeSpan.FromMinutes(1));   // a fresh minute of the model's requests-per-minute quota for each run
        var express = Run(ctx, Create(ctx, "pipeline-express", WorkflowType.Express), doc);
        CheckContext.Require(standard.Status == ExecutionStatus.Succeeded && express.Status == ExecutionStatus.Succeeded,
            $"Standard: {Describe(standard)}; Express: {Describe(express)}", "both runs SUCCEEDED, so each bill has a run to price", "make pipeline-completes pass first");

        var model = new CostModel(PriceSheet.UsEast1);
        var gbSeconds = ExecutionBill.BilledGbSeconds(express);
        var standardBill = model.StepFunctionsStandard(standard.StateTransitions * MonthlyDocuments, freeTier: true);
        var expressBill = model.StepFunctionsExpress(MonthlyDocuments, gbSeconds * MonthlyDocuments);
        var cheaper = expressBill < standardBill ? WorkflowType.Express : WorkflowType.Standard;
        var bills = $"for {MonthlyDocuments:N0} documents a month: Standard {standard.StateTransitions} transitions each → ${standardBill:0.00} (4,000 free); "
            + $"Express {Seconds(express.StopDate!.Value - express.StartDate)} at {ExecutionBill.BilledMemoryMB(express)} MB = {gbSeconds:0.####} GB-s each → ${expressBill:0.00} (prices of {PriceSheet.UsEast1.AsOf:yyyy-MM-dd})";
        ctx.Note(bills);
        CheckContext.Require(chosen == cheaper,
            $"workflow.yaml chooses {chosen.ToString().ToUpperInvariant()}; {bills}",
            $"the cheaper type for this workload, {cheaper.ToString().ToUpperInvariant()}",
            $"set type: {cheaper.ToString().ToUpperInvariant()} in workflow.yaml");

        if (chosen == WorkflowType.Express)
        {
            ctx.Sim.RunFor(TimeSpan.FromMinutes(1));
            var biggest = Upload(ctx, "reports/biggest.txt", 40);
            var run = Run(ctx, ctx.Sim.StepFunctions.StateMachines.Values.Single(m => m.Name == "pipeline-express"), biggest);
            CheckContext.Require(run.Status == ExecutionStatus.Succeeded,
                $"the biggest document of the workload ({biggest.Chunks.Count} chunks) as an Express execution: {Describe(run)} after {Seconds(run.StopDate!.Value - run.StartDate)}",
                "every document finishes within Express's 5 minutes", "run the chunks 5 at a time, or choose STANDARD");
        }
    }

    private static string Waits(List<BedrockAttempt> calls) =>
        calls.Count < 2 ? "no retry" : "waits " + string.Join(", ", calls.Zip(calls.Skip(1), (a, b) => Seconds(b.At - a.At)));
}
