using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Functions;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Executions;

namespace DocumentPipeline.Checks;

/// <summary>A generated document: its key, text, and the chunks extract-chunks makes of it (the README's packing rule).</summary>
internal sealed record Document(string Key, string Text, IReadOnlyList<string> Chunks);

/// <summary>
/// The checks' view of the pipeline: the bucket, table and the two functions besides extract-chunks, the learner's
/// state machine created from statemachine.asl.json, executions run on the virtual clock, and what the history,
/// Lambda and Bedrock recorded of them.
/// </summary>
internal static class Pipeline
{
    public const string Bucket = "documents";
    public const string Table = "summaries";
    public const string Definition = "statemachine.asl.json";
    public const int Cap = 5;
    public const int ChunkChars = 1600;
    public const int MonthlyDocuments = 40_000;
    public static readonly string[] Functions = ["extract-chunks", "summarize-chunk", "store-summary"];

    private static readonly string[] Words =
    [
        "invoice", "shipment", "customer", "warehouse", "forecast", "quarter", "revenue", "supplier", "region", "contract",
        "delivery", "inventory", "margin", "report", "budget", "schedule", "audit", "payment", "order", "service",
        "grew", "fell", "stayed", "doubled", "slowed", "recovered", "improved", "shifted", "matched", "exceeded",
    ];

    /// <summary>Creates the bucket and the table and deploys summarize-chunk and store-summary from the learner's compiled file.</summary>
    public static void Setup(CheckContext ctx)
    {
        ctx.Sim.Services.S3.CreateBucket(Bucket);
        ctx.CreateTable(Table, "documentKey");
        var options = ctx.Function.Options;
        foreach (var (name, method) in new[] { ("summarize-chunk", "SummarizeChunk"), ("store-summary", "Store") })
        {
            ctx.Sim.Lambda.Deploy(new FunctionOptions
            {
                FunctionName = name,
                MemorySize = options.MemorySize,
                Timeout = options.Timeout,
                Environment = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal),
            }, ctx.HandlerFor(method));
        }
    }

    /// <summary>
    /// A document of <paramref name="chunks"/> chunks of five paragraphs (about 300 characters each), uploaded to the
    /// bucket; with <paramref name="oversizedAt"/>, chunk number <paramref name="oversizedAt"/> is one paragraph of
    /// about 4,500 characters instead, which summarize-chunk refuses every time.
    /// </summary>
    public static Document Upload(CheckContext ctx, string key, int chunks, int? oversizedAt = null)
    {
        var paragraphs = new List<string>();
        for (var c = 0; c < chunks; c++)
        {
            if (c == oversizedAt)
            {
                paragraphs.Add(Paragraph(ctx, key, paragraphs.Count, 4500));
                continue;
            }

            for (var p = 0; p < 5; p++) paragraphs.Add(Paragraph(ctx, key, paragraphs.Count, 300));
        }

        var text = string.Join("\n\n", paragraphs);
        ctx.Sim.Services.S3.PutObject(Bucket, key, text);
        return new Document(key, text, Pack(paragraphs));
    }

    /// <summary>The workflow type workflow.yaml chose.</summary>
    public static WorkflowType ChosenType(CheckContext ctx)
    {
        var value = ctx.Exercise.Trigger.Settings.TryGetValue("type", out var t) ? t.Trim() : "STANDARD";
        return value switch
        {
            "STANDARD" => WorkflowType.Standard,
            "EXPRESS" => WorkflowType.Express,
            _ => throw new CheckFailedException($"workflow.yaml says type: {value}", "type: STANDARD or type: EXPRESS (upper case, as CreateStateMachine spells them)",
                "write type: STANDARD or type: EXPRESS in workflow.yaml"),
        };
    }

    /// <summary>
    /// Creates the learner's state machine as CreateStateMachine would; an invalid definition fails the check with the
    /// validator's diagnostics at file:line:col.
    /// </summary>
    public static StateMachine Create(CheckContext ctx, string name, WorkflowType type)
    {
        var file = ctx.GetLearnerFile(Definition);
        var text = file.Text!;
        var where = file.DisplayPath ?? Definition;
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new CheckFailedException(
                $"{where}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: the definition is not valid JSON ({e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd()})",
                "a definition CreateStateMachine accepts", "fix the JSON at that line (a missing comma or quote, or a trailing comma)");
        }

        try
        {
            return ctx.Sim.StepFunctions.CreateStateMachine(name, text, type);
        }
        catch (InvalidDefinitionException e)
        {
            var lines = e.Diagnostics.Select(d =>
            {
                var (line, column) = JsonLocator.Find(text, d.Location);
                return $"{where}:{line}:{column}: {d.Code}: {d.Message}{(d.Location is null ? "" : $" (at {d.Location})")}";
            });
            throw new CheckFailedException(
                $"CreateStateMachine refused the definition (InvalidDefinition):\n  {string.Join("\n  ", lines)}",
                "a definition CreateStateMachine accepts",
                $"fix the first problem listed; `./course states validate {where}` lists them all");
        }
    }

    /// <summary>Starts an execution on <paramref name="doc"/> and runs the simulation until it stops.</summary>
    public static Execution Run(CheckContext ctx, StateMachine machine, Document doc)
    {
        var input = new JsonObject { ["bucket"] = Bucket, ["key"] = doc.Key }.ToJsonString();
        var execution = ctx.Sim.StepFunctions.StartExecution(machine.Arn, input);
        ctx.Sim.RunUntilComplete(execution.Completion);
        if (execution.Status == ExecutionStatus.Running)
        {
            throw new CheckFailedException(
                $"the execution on {doc.Key} is still RUNNING when nothing is left to happen ({execution.History.Count} history events; last: {execution.History[^1].Type})",
                "the execution ends (SUCCEEDED)", "remove states that wait for something the pipeline never sends (a .waitForTaskToken, an Activity)");
        }

        ctx.Note($"{machine.Type} execution on {doc.Key} ({doc.Chunks.Count} chunks): {execution.StatusText} in {(execution.StopDate!.Value - execution.StartDate).TotalSeconds:0.0} s, {execution.StateTransitions} state transitions, {execution.History.Count} history events");
        return execution;
    }

    /// <summary>The execution's end, for messages: SUCCEEDED, or FAILED with the error, the cause and the state it failed in.</summary>
    public static string Describe(Execution e)
    {
        if (e.Status == ExecutionStatus.Succeeded) return "the execution SUCCEEDED";
        var state = e.History.LastOrDefault(h => h.Type.EndsWith("StateEntered", StringComparison.Ordinal))?.Details?["name"]?.GetValue<string>();
        return $"the execution {e.StatusText}{(state is null ? "" : $" in state {state}")}: {e.Error}: {Cause(e.Cause)}";
    }

    /// <summary>A Lambda error cause (the function's error document) as its errorMessage; other causes shortened.</summary>
    public static string Cause(string? cause)
    {
        if (cause is null) return "(no cause)";
        try
        {
            if (JsonNode.Parse(cause) is JsonObject o && o["errorMessage"] is JsonValue m) return m.GetValue<string>();
        }
        catch (JsonException)
        {
            // not a function error document
        }

        return cause.Length <= 300 ? cause : cause[..297] + "...";
    }

    /// <summary>The stored item for <paramref name="doc"/>, or null.</summary>
    public static JsonObject? Item(CheckContext ctx, Document doc) => ctx.GetItem(Table, "documentKey", doc.Key);

    /// <summary>A string attribute of a DynamoDB item, or null.</summary>
    public static string? S(JsonObject item, string name) => item[name]?["S"]?.GetValue<string>();

    /// <summary>A number attribute of a DynamoDB item, or null.</summary>
    public static long? N(JsonObject item, string name) =>
        item[name]?["N"]?.GetValue<string>() is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : null;

    /// <summary>Bedrock's calls (every attempt) for each chunk of <paramref name="doc"/>, by chunk index, in time order.</summary>
    public static List<BedrockAttempt>[] Attempts(CheckContext ctx, Document doc)
    {
        var byChunk = doc.Chunks.Select(_ => new List<BedrockAttempt>()).ToArray();
        foreach (var a in ctx.Sim.Services.Bedrock.Attempts.OrderBy(a => a.At))
        {
            var i = IndexOf(doc, a.Prompt);
            if (i >= 0) byChunk[i].Add(a);
        }

        return byChunk;
    }

    /// <summary>The answers Bedrock billed for <paramref name="doc"/>'s chunks, by chunk index (null where none).</summary>
    public static BedrockUsage?[] Answers(CheckContext ctx, Document doc)
    {
        var answers = new BedrockUsage?[doc.Chunks.Count];
        foreach (var u in ctx.Sim.Services.Bedrock.Usage)
        {
            var i = IndexOf(doc, u.Prompt);
            if (i >= 0) answers[i] ??= u;
        }

        return answers;
    }

    /// <summary>The most Map iterations running at once in <paramref name="e"/>'s history (MapIterationStarted to its end).</summary>
    public static int PeakIterations(Execution e)
    {
        var points = new List<(DateTimeOffset At, int Delta)>();
        foreach (var h in e.History)
        {
            if (h.Type == "MapIterationStarted") points.Add((h.Timestamp, +1));
            else if (h.Type is "MapIterationSucceeded" or "MapIterationFailed" or "MapIterationAborted") points.Add((h.Timestamp, -1));
        }

        return Peak(points);
    }

    /// <summary>The most invocations of <paramref name="function"/> running at once (Lambda's invocation records, throttles excluded).</summary>
    public static int PeakInvocations(CheckContext ctx, string function) =>
        Peak([.. ctx.Sim.Lambda.Invocations.Where(r => r.FunctionName == function && !r.Throttled)
            .SelectMany(r => new[] { (r.Start, +1), (r.End, -1) })]);

    /// <summary>Seconds, for messages.</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0#", CultureInfo.InvariantCulture) + " s";

    private static int Peak(List<(DateTimeOffset At, int Delta)> points)
    {
        int running = 0, peak = 0;
        foreach (var (_, delta) in points.OrderBy(p => p.At).ThenBy(p => p.Delta))
        {
            running += delta;
            peak = Math.Max(peak, running);
        }

        return peak;
    }

    private static int IndexOf(Document doc, string prompt)
    {
        for (var i = 0; i < doc.Chunks.Count; i++)
        {
            if (string.Equals(doc.Chunks[i], prompt, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private static string Paragraph(CheckContext ctx, string key, int number, int length)
    {
        var text = new StringBuilder($"Section {number + 1} of {Path.GetFileNameWithoutExtension(key)}:");
        while (text.Length < length - 12) text.Append(' ').Append(Words[ctx.Random.Next(Words.Length)]);
        return text.Append('.').ToString();
    }

    /// <summary>Greedy packing of whole paragraphs into chunks of at most <see cref="ChunkChars"/> characters (extract-chunks' rule).</summary>
    private static List<string> Pack(IReadOnlyList<string> paragraphs)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var p in paragraphs)
        {
            if (current.Length > 0 && current.Length + 2 + p.Length > ChunkChars)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0) current.Append("\n\n");
            current.Append(p);
        }

        if (current.Length > 0) chunks.Add(current.ToString());
        return chunks;
    }
}
