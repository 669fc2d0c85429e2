using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;

namespace RemainingTime.Checks;

/// <summary>
/// Checks for 02-remaining-time. Each check builds a job of items whose costs come from the check's seeded random,
/// and calls the function as a real caller would: with cursor 0, then with the cursor each response returned, until
/// a response says done (or an invocation fails). Judged from the engine's record: each invocation's duration and
/// timeout, the items in the <c>processed</c> table (who wrote them) and the table's stream (how often each was written).
/// </summary>
public static class RemainingTimeChecks
{
    private const string Table = "processed";
    private const int MaxCalls = 40;
    private const string EarlierRun = "an-earlier-run";

    [Check("finishes-small-job")]
    public static async Task FinishesSmallJob(CheckContext ctx)
    {
        ctx.CreateTable(Table, "id");
        var job = Job(ctx, "small", count: 5, minCost: 60, maxCost: 260);
        var call = await ctx.InvokeAsync(Request(job, 0));
        RequireRan(call, $"the first call of a job of {job.Items.Count} items costing {job.TotalMs} ms in all (timeout {Timeout(ctx)} ms)");
        var progress = Progress(call);
        var written = job.Items.Count(i => ctx.GetItem(Table, "id", i.Id) is not null);
        CheckContext.Require(progress is { Done: true, Cursor: var c } && c == job.Items.Count,
            $"a job of {job.Items.Count} items costing {job.TotalMs} ms in all (it fits in the {Timeout(ctx)} ms timeout) answered {Cut(call.Payload)} after {Ms(call.Duration)} ms, with {written} of {job.Items.Count} items in the table",
            $"{{\"cursor\":{job.Items.Count},\"done\":true}}: every item processed and the job reported finished",
            "after the loop, return new JobProgress(request.Items.Count, true)");
        var missing = job.Items.Where(i => ctx.GetItem(Table, "id", i.Id) is null).Select(i => i.Id).ToList();
        CheckContext.Require(missing.Count == 0,
            $"the function answered done, but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not in the {Table} table",
            "one item per processed work item, keyed by its id",
            "PutItem {id, jobId, processedBy} into the table named by TABLE_NAME after each item's work");
        RequireWrittenOnce(ctx, job);
        ctx.Note($"{job.Items.Count} items, {job.TotalMs} ms of work, done in one call of {Ms(call.Duration)} ms");
    }

    [Check("stops-before-deadline")]
    public static async Task StopsBeforeDeadline(CheckContext ctx)
    {
        ctx.CreateTable(Table, "id");
        var job = Job(ctx, "long", count: 24, minCost: 150, maxCost: 650);
        var run = await Drive(ctx, job);
        var timeout = Timeout(ctx);
        foreach (var step in run.Steps)
        {
            if (step.Call.TimedOut)
            {
                var wrote = WrittenBy(ctx, job, step.Call.RequestId);
                throw new CheckFailedException(
                    $"call {step.Number} (cursor {step.From}) timed out: Lambda stopped it at {timeout} ms (\"Task timed out after {timeout / 1000.0:0.00} seconds\") after it had written {wrote} item(s); its cursor never reached the caller",
                    "every call to return a cursor before the deadline",
                    "before each item, check context.RemainingTime against the item's CostMs plus a margin (about 100 ms) for the write, and return new JobProgress(i, false) when it does not fit");
            }
        }

        RequireRan(run.Steps[^1].Call, $"call {run.Steps[^1].Number} (cursor {run.Steps[^1].From})");
        var stops = run.Steps.Where(s => s.Progress is { Done: false }).ToList();
        CheckContext.Require(stops.Count > 0,
            $"a job of {job.Items.Count} items costing {job.TotalMs} ms in all was answered done by call 1 ({Cut(run.Steps[0].Call.Payload)})",
            $"the job does not fit in one {timeout} ms call: a cursor and done = false",
            "return new JobProgress(i, false) when item i does not fit in context.RemainingTime");
        foreach (var stop in stops)
        {
            var left = timeout - stop.Call.Duration.TotalMilliseconds;
            var next = stop.Progress!.Cursor is var c && c >= 0 && c < job.Items.Count ? job.Items[c] : null;
            if (next is not null && left > next.CostMs + 400)
            {
                throw new CheckFailedException(
                    $"call {stop.Number} stopped after {Ms(stop.Call.Duration)} ms with {left:0} ms of its {timeout} ms left, before {next.Id}, which costs {next.CostMs} ms",
                    $"a call keeps working while the next item fits (here it needed about {next.CostMs + 100} ms with the margin); {run.Steps.Count} calls for {job.TotalMs} ms of work is more than needed",
                    "stop only when context.RemainingTime < the item's cost + a margin of about 100 ms; not after a fixed number of items or a fixed share of the time");
            }
        }

        ctx.Note($"{job.Items.Count} items, {job.TotalMs} ms of work, {run.Steps.Count} calls: "
                 + string.Join(", ", run.Steps.Select(s => $"{Ms(s.Call.Duration)} ms → {(s.Progress is { } p ? $"cursor {p.Cursor}{(p.Done ? " done" : "")}" : "?")}")));
    }

    [Check("no-lost-items")]
    public static async Task NoLostItems(CheckContext ctx)
    {
        ctx.CreateTable(Table, "id");
        var job = Job(ctx, "resume", count: 20, minCost: 150, maxCost: 600);
        var start = ResumeFromEarlierRun(ctx, job);
        var run = await Drive(ctx, job, start);
        var covered = run.Done ? job.Items.Count : Math.Min(job.Items.Count, run.Cursor);
        for (var i = 0; i < covered; i++)
        {
            var item = job.Items[i];
            if (ctx.GetItem(Table, "id", item.Id) is not null) continue;
            var step = run.Steps.FirstOrDefault(s => s.Progress is { } p && s.From <= i && (p.Done || p.Cursor > i));
            throw new CheckFailedException(
                $"{item.Id} (index {i}) was never processed: call {step?.Number} started at cursor {step?.From} and answered {Cut(step?.Call.Payload ?? "")}, so no call ever worked on it "
                + $"({CountWritten(ctx, job)} of {job.Items.Count} items in the table after {run.Steps.Count} calls)",
                "every item written to the table once the caller has followed the cursors to done",
                "the cursor is the index of the first item not processed yet: when you stop before item i, return new JobProgress(i, false), not i + 1");
        }

        CheckContext.Require(run.Done || run.Cursor >= job.Items.Count || run.Steps[^1].Call.TimedOut || !run.Steps[^1].Call.Succeeded,
            $"after {run.Steps.Count} calls following the cursors the job was still not done (last answer {Cut(run.Steps[^1].Call.Payload)})",
            "the cursor to move forward on every call until a call answers done = true",
            "start at request.Cursor and return the index of the first item you did not process");
        ctx.Note(run.Done
            ? $"{job.Items.Count} items in {run.Steps.Count} calls, every one in the table"
            : $"stopped after call {run.Steps.Count} ({(run.Steps[^1].Call.TimedOut ? "timed out" : "failed")}); items before cursor {run.Cursor} are all in the table");
    }

    [Check("no-repeated-items")]
    public static async Task NoRepeatedItems(CheckContext ctx)
    {
        ctx.CreateTable(Table, "id");
        var job = Job(ctx, "again", count: 20, minCost: 150, maxCost: 600);
        var start = ResumeFromEarlierRun(ctx, job);
        var run = await Drive(ctx, job, start);
        var repeated = WriteCounts(ctx).Where(w => w.Value.Count > 1).OrderBy(w => job.IndexOf(w.Key)).ToList();
        if (repeated.Count > 0)
        {
            var (id, writers) = (repeated[0].Key, repeated[0].Value);
            var calls = writers.Select(r => r == EarlierRun ? "the earlier run" : run.Steps.FirstOrDefault(s => s.Call.RequestId == r) is { } s ? $"call {s.Number.ToString(CultureInfo.InvariantCulture)} (cursor {s.From.ToString(CultureInfo.InvariantCulture)})" : r).ToList();
            throw new CheckFailedException(
                $"{repeated.Count} item(s) were processed more than once; {id} (index {job.IndexOf(id)}) was written {writers.Count} times, by {string.Join(" and ", calls)} (the table's stream shows every write)",
                "each item processed exactly once across calls: the work of an item is not free, and repeating it can repeat its effects",
                "return the index of the first item you did not process (when you stop before item i, return i, not i - 1), and start the loop at request.Cursor");
        }

        ctx.Note($"{job.Items.Count} items in {run.Steps.Count} calls; each written once");
    }

    /// <summary>
    /// The job was begun by an earlier run (as after a redeploy, or by another worker): its first items are already in
    /// the table, and the caller's first call carries the cursor that run returned.
    /// </summary>
    private static int ResumeFromEarlierRun(CheckContext ctx, JobSpec job)
    {
        var start = ctx.Random.Next(2, 5);
        foreach (var item in job.Items.Take(start))
        {
            ctx.PutItem(Table, new JsonObject
            {
                ["id"] = new JsonObject { ["S"] = item.Id },
                ["jobId"] = new JsonObject { ["S"] = job.JobId },
                ["processedBy"] = new JsonObject { ["S"] = EarlierRun },
            }.ToJsonString());
        }

        ctx.Note($"items 0–{start - 1} were done by an earlier run; the first call carries cursor {start}");
        return start;
    }

    private static void RequireWrittenOnce(CheckContext ctx, JobSpec job)
    {
        var twice = WriteCounts(ctx).Where(w => w.Value.Count > 1).Select(w => w.Key).ToList();
        CheckContext.Require(twice.Count == 0,
            $"{string.Join(", ", twice)} written more than once in one call",
            "each item written once",
            "write each item once, after its work");
    }

    private static async Task<DriveResult> Drive(CheckContext ctx, JobSpec job, int start = 0)
    {
        var steps = new List<Step>();
        var cursor = start;
        var stuck = 0;
        for (var n = 1; n <= MaxCalls; n++)
        {
            var call = await ctx.InvokeAsync(Request(job, cursor));
            var progress = call.Succeeded ? Progress(call) : null;
            steps.Add(new Step(n, cursor, call, progress));
            if (progress is null) return new DriveResult(steps, cursor, false);
            if (progress.Done) return new DriveResult(steps, progress.Cursor, true);
            stuck = progress.Cursor <= cursor ? stuck + 1 : 0;
            cursor = progress.Cursor;
            if (stuck >= 2) break;
        }

        return new DriveResult(steps, cursor, false);
    }

    private static void RequireRan(FunctionInvocation call, string what)
    {
        if (call.TimedOut)
        {
            throw new CheckFailedException($"{what} timed out after {Ms(call.Duration)} ms",
                "the call to finish before the function's timeout",
                "check context.RemainingTime before each item and stop with a cursor when the item would not fit");
        }

        CheckContext.Require(call.Succeeded,
            $"{what} failed: {call.ErrorType}: {Cut(call.ErrorMessage ?? call.Payload)}",
            "a response {\"cursor\": n, \"done\": true|false}",
            "run with --logs to see the exception");
        CheckContext.Require(Progress(call) is not null,
            $"{what} answered {Cut(call.Payload)}",
            "a response {\"cursor\": n, \"done\": true|false}",
            "return a JobProgress(cursor, done)");
    }

    private static JobSpec Job(CheckContext ctx, string name, int count, int minCost, int maxCost)
    {
        var jobId = $"job-{name}-{ctx.Random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture)}";
        var items = Enumerable.Range(0, count)
            .Select(i => new ItemSpec($"{jobId}-item-{i.ToString("00", CultureInfo.InvariantCulture)}", ctx.Random.Next(minCost / 10, maxCost / 10 + 1) * 10))
            .ToList();
        return new JobSpec(jobId, items);
    }

    private static string Request(JobSpec job, int cursor)
    {
        var items = new JsonArray();
        foreach (var item in job.Items)
        {
            items.Add(new JsonObject { ["id"] = item.Id, ["costMs"] = item.CostMs });
        }

        return new JsonObject { ["jobId"] = job.JobId, ["items"] = items, ["cursor"] = cursor }.ToJsonString();
    }

    private static ProgressSpec? Progress(FunctionInvocation call)
    {
        try
        {
            if (JsonNode.Parse(call.Payload) is not JsonObject o) return null;
            var cursor = Find(o, "cursor");
            var done = Find(o, "done");
            if (cursor?.GetValueKind() != JsonValueKind.Number || done?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) return null;
            return new ProgressSpec(cursor.GetValue<int>(), done.GetValue<bool>());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonNode? Find(JsonObject o, string name) =>
        o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Every write of each item id, from the table's stream: the request ids (processedBy) that wrote it.</summary>
    private static Dictionary<string, List<string>> WriteCounts(CheckContext ctx)
    {
        var writes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var record in ctx.StreamRecords(Table).Where(r => r.EventName is "INSERT" or "MODIFY"))
        {
            var id = S(record.Keys, "id") ?? "?";
            var by = record.NewImage is { } image ? S(image, "processedBy") ?? "?" : "?";
            if (!writes.TryGetValue(id, out var list)) writes[id] = list = new List<string>();
            list.Add(by);
        }

        return writes;
    }

    private static int WrittenBy(CheckContext ctx, JobSpec job, string requestId) =>
        job.Items.Count(i => ctx.GetItem(Table, "id", i.Id) is { } item && S(item, "processedBy") == requestId);

    private static int CountWritten(CheckContext ctx, JobSpec job) => job.Items.Count(i => ctx.GetItem(Table, "id", i.Id) is not null);

    private static string? S(JsonObject item, string name) => item[name] switch
    {
        JsonObject wrapped => wrapped["S"]?.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => null,
    };

    private static int Timeout(CheckContext ctx) => (int)ctx.Function.Options.Timeout.TotalMilliseconds;

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Cut(string text) => text.Length == 0 ? "(empty)" : text.Length > 160 ? text[..160] + "…" : text;

    private sealed record ItemSpec(string Id, int CostMs);

    private sealed record JobSpec(string JobId, List<ItemSpec> Items)
    {
        public int TotalMs => Items.Sum(i => i.CostMs);

        public int IndexOf(string id) => Items.FindIndex(i => i.Id == id);
    }

    private sealed record ProgressSpec(int Cursor, bool Done);

    private sealed record Step(int Number, int From, FunctionInvocation Call, ProgressSpec? Progress);

    private sealed record DriveResult(List<Step> Steps, int Cursor, bool Done);
}
