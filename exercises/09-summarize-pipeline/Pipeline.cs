using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Invocation;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.S3;

namespace SummarizePipeline.Checks;

/// <summary>A generated document: whole paragraphs, and the chunks greedy packing makes of them.</summary>
internal sealed record Document(string Key, string Text, IReadOnlyList<string> Paragraphs, int ExpectedChunks);

/// <summary>The checks' view of the pipeline: S3 wiring, generated documents, and what Bedrock and Lambda recorded.</summary>
internal static class Pipeline
{
    public const string Bucket = "documents";
    public const string Table = "summaries";
    public const int ChunkChars = 1600;
    public const int MaxOutputTokens = 40;
    public const int BudgetPerChunk = 450;

    private static readonly string[] Words =
    [
        "invoice", "shipment", "customer", "warehouse", "forecast", "quarter", "revenue", "supplier", "region", "contract",
        "delivery", "inventory", "margin", "report", "budget", "schedule", "audit", "payment", "order", "service",
        "grew", "fell", "stayed", "doubled", "slowed", "recovered", "improved", "shifted", "matched", "exceeded",
        "steadily", "sharply", "slightly", "again", "early", "late", "overall", "mostly", "locally", "quickly",
    ];

    /// <summary>Creates the bucket, wires its ObjectCreated notifications to the function (an S3 trigger) and creates the table.</summary>
    public static void Setup(CheckContext ctx)
    {
        var s3 = ctx.Sim.Services.S3;
        s3.CreateBucket(Bucket);
        s3.PutBucketNotificationConfiguration(Bucket, [new S3NotificationRule("summarize", ctx.Function.Arn, ["s3:ObjectCreated:*"])]);
        ctx.CreateTable(Table, "documentKey");
    }

    /// <summary>A document of <paramref name="paragraphs"/> paragraphs of three sentences (about 300 characters each).</summary>
    public static Document MakeDocument(CheckContext ctx, string key, int paragraphs)
    {
        var list = new List<string>(paragraphs);
        for (var p = 0; p < paragraphs; p++)
        {
            var sentences = new List<string>(3);
            for (var s = 0; s < 3; s++)
            {
                var text = new StringBuilder(s == 0 ? $"Section {p + 1} of {Path.GetFileNameWithoutExtension(key)} says the" : "The");
                while (text.Length < 92) text.Append(' ').Append(Words[ctx.Random.Next(Words.Length)]);
                sentences.Add(text.Append('.').ToString());
            }

            list.Add(string.Join(" ", sentences));
        }

        return new Document(key, string.Join("\n\n", list), list, Pack(list).Count);
    }

    /// <summary>Greedy packing of whole paragraphs into chunks of at most <see cref="ChunkChars"/> characters (the README's rule).</summary>
    public static List<string> Pack(IReadOnlyList<string> paragraphs)
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

    /// <summary>Uploads the document; S3 notifies the function asynchronously.</summary>
    public static void Upload(CheckContext ctx, Document doc) => ctx.Sim.Services.S3.PutObject(Bucket, doc.Key, doc.Text);

    /// <summary>Bedrock throttles every call from now for <paramref name="length"/> (a capacity dip), then recovers.</summary>
    public static void ThrottleStorm(CheckContext ctx, TimeSpan length)
    {
        var faults = ctx.Sim.Services.Bedrock.Faults;
        faults.RateFault = FaultKind.Throttling;
        faults.ErrorRate = 1.0;
        ctx.Sim.Schedule(length, () => faults.ErrorRate = 0);
    }

    /// <summary>The billed Bedrock calls that carried text of <paramref name="doc"/>, in document order.</summary>
    public static List<BedrockUsage> Calls(CheckContext ctx, Document doc) =>
        [.. ctx.Sim.Services.Bedrock.Usage
            .Select(u => (Usage: u, At: Position(doc, u.Prompt)))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At).ThenBy(x => x.Usage.At)
            .Select(x => x.Usage)];

    /// <summary>Where <paramref name="prompt"/>'s text starts in the document: the prompt itself if it is a piece of the
    /// document, else the first whole paragraph it holds; -1 when it holds neither.</summary>
    public static int Position(Document doc, string prompt)
    {
        if (prompt.Length > 0 && doc.Text.IndexOf(prompt, StringComparison.Ordinal) is >= 0 and var at) return at;
        foreach (var p in doc.Paragraphs)
            if (prompt.Contains(p, StringComparison.Ordinal)) return doc.Text.IndexOf(p, StringComparison.Ordinal);
        return -1;
    }

    /// <summary>This function's invocation attempts, in order.</summary>
    public static List<InvocationRecord> Attempts(CheckContext ctx) =>
        [.. ctx.Sim.Lambda.Invocations.Where(r => r.FunctionName == ctx.FunctionName)];

    /// <summary>A one-line account of the attempts (request, attempt, outcome, duration).</summary>
    public static string Describe(IEnumerable<InvocationRecord> attempts) => string.Join("; ", attempts.Select(a =>
        $"request {Short(a.RequestId)} attempt {a.Attempt}: {(a.TimedOut ? "timed out" : a.ErrorType ?? "ok")} after {Seconds(a.Duration)}"));

    /// <summary>Retries: attempts whose (invocation, prompt) was throttled before, with the end of that throttled call.</summary>
    public static List<(BedrockAttempt Retry, DateTimeOffset ThrottleEnded)> Retries(CheckContext ctx)
    {
        var bedrock = ctx.Sim.Services.Bedrock;
        var lastThrottle = new Dictionary<(string?, string), DateTimeOffset>();
        var retries = new List<(BedrockAttempt, DateTimeOffset)>();
        foreach (var a in bedrock.Attempts)
        {
            var key = (a.RequestId, a.Prompt);
            if (lastThrottle.TryGetValue(key, out var ended)) retries.Add((a, ended));
            if (a.Outcome == BedrockException.Throttling) lastThrottle[key] = a.At + bedrock.RejectionLatency;
            else lastThrottle.Remove(key);
        }

        return retries;
    }

    public static string? S(JsonObject item, string name) => item[name]?["S"]?.GetValue<string>();

    public static long? N(JsonObject item, string name) =>
        item[name]?["N"]?.GetValue<string>() is { } n && long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static string Short(string? requestId) => requestId is null ? "?" : requestId[..Math.Min(8, requestId.Length)];

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public static string At(CheckContext ctx, DateTimeOffset t) => "+" + Seconds(t - ctx.Sim.Options.Start);
}
