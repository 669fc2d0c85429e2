using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Faults;

namespace S3Async.Checks;

/// <summary>
/// Checks for 06-s3-async. Sales files go into the bucket sales-uploads; S3 notifies the function asynchronously, so
/// Lambda retries a failed event twice (about 1 and 2 minutes later) and then sends its invocation record to the
/// on-failure destination sales-uploads-failed. The checks judge the tables, the destination queue and the platform's
/// record of attempts, never what the handler says about itself.
/// </summary>
public static class S3AsyncChecks
{
    private const string Results = "results";
    private const string Totals = "daily-totals";
    private const string Day = "2026-03-14";

    [Check("writes-result")]
    public static void WritesResult(CheckContext ctx)
    {
        Tables(ctx);
        var files = Enumerable.Range(0, 3).Select(i => SalesFile(ctx, $"sales/{Day}/store-{ctx.Random.Next(10, 99)}{i}.csv")).ToList();
        foreach (var file in files)
        {
            ctx.S3.Upload(file.Key, file.Csv);
        }

        ctx.S3.Run();
        foreach (var file in files)
        {
            RequireResult(ctx, file);
        }

        RequireDayTotal(ctx, files, "each file added to the day's total once");
        ctx.Note($"{files.Count} files, {files.Sum(f => f.Orders)} orders, day total {files.Sum(f => f.Total).ToString(CultureInfo.InvariantCulture)}");
    }

    [Check("decodes-key")]
    public static void DecodesKey(CheckContext ctx)
    {
        Tables(ctx);
        var files = new[] { $"sales/{Day}/north+east store.csv", $"sales/{Day}/Zürich & Genève.csv" }.Select(k => SalesFile(ctx, k)).ToList();
        foreach (var file in files)
        {
            ctx.S3.Upload(file.Key, file.Csv);
        }

        ctx.S3.Run();
        foreach (var file in files)
        {
            var encoded = string.Join('/', file.Key.Split('/').Select(System.Net.WebUtility.UrlEncode));
            var failed = ctx.S3.FailureRecords.Any(r => RecordKey(r) == encoded);
            CheckContext.Require(ctx.GetItem(Results, "objectKey", file.Key) is not null,
                $"no result for the object \"{file.Key}\" (the event record names it \"{encoded}\")" +
                (failed ? "; the event failed every attempt and went to sales-uploads-failed (GetObject with the encoded key finds no such object)" : ""),
                $"a result item with objectKey \"{file.Key}\"",
                "decode the key first: var key = WebUtility.UrlDecode(record.S3.Object.Key); then GetObject and store that key");
        }
    }

    [Check("failure-destination")]
    public static void FailureDestination(CheckContext ctx)
    {
        Tables(ctx);
        var good = SalesFile(ctx, $"sales/{Day}/store-good.csv");
        var bad = new Upload($"sales/{Day}/store-broken.csv", "orderId,amount\no-1,12.50\no-2,7.25\no-3,twelve\no-4,3.00\n", 0, 0);
        ctx.S3.Upload(good.Key, good.Csv);
        ctx.S3.Upload(bad.Key, bad.Csv);
        ctx.S3.Run();

        var badAttempts = AttemptsFor(ctx, bad.Key);
        var records = ctx.S3.FailureRecords;
        var record = records.FirstOrDefault(r => RecordKey(r) == bad.Key);
        CheckContext.Require(record is not null,
            $"the file {bad.Key} (line 4 is \"o-3,twelve\") was invoked {badAttempts.Count} time(s), " +
            (badAttempts.All(a => a.ErrorType is null) ? "each invocation succeeded, so Lambda saw nothing to retry and " : "") +
            $"sales-uploads-failed holds {records.Count} record(s) for it",
            "the invocation failed (an exception out of the handler), retried twice by Lambda, then its invocation record in sales-uploads-failed",
            "do not catch-and-log a file you cannot process: let the exception escape so Lambda retries it and sends it to the on-failure destination");
        var condition = record!["requestContext"]?["condition"]?.GetValue<string>();
        var attempts = record["requestContext"]?["approximateInvokeCount"]?.GetValue<int>();
        CheckContext.Require(condition == "RetriesExhausted" && attempts == 3,
            $"the record in sales-uploads-failed says condition {condition}, approximateInvokeCount {attempts}",
            "condition RetriesExhausted after 3 attempts (the first and Lambda's 2 retries)",
            "fail the same way on every attempt; do not return normally on a retry");
        ctx.Note("attempts of the broken file at " + string.Join(", ", badAttempts.Select(a => $"+{(a.Start - badAttempts[0].Start).TotalSeconds:0} s")) + " (Lambda's async retries, about 1 and 2 minutes apart)");

        var badItem = ctx.GetItem(Results, "objectKey", bad.Key);
        CheckContext.Require(badItem is null,
            $"the broken file {bad.Key} has a result item: {badItem?.ToJsonString()}",
            "nothing written for a file that failed",
            "parse and check the whole file before writing anything");
        RequireExists(ctx, good);
        RequireDayTotal(ctx, [good], $"only the good file in the day's total; its {badAttempts.Count} failed attempts on the broken file must leave no trace");
    }

    [Check("retry-after-failure")]
    public static void RetryAfterFailure(CheckContext ctx)
    {
        Tables(ctx);
        var file = SalesFile(ctx, $"sales/{Day}/store-retry.csv");
        // The first DynamoDB call of the first attempt succeeds; every call after it fails (the SDK's own retries
        // included), so the first attempt fails part-way. A minute later Lambda retries with the faults gone.
        var faults = ctx.Sim.Services.DynamoDbFaults;
        faults.Script("*", [FaultKind.None, .. Enumerable.Repeat(FaultKind.InternalServerError, 12)]);
        ctx.S3.Upload(file.Key, file.Csv);
        ctx.S3.RunFor(TimeSpan.FromSeconds(30));
        var injected = faults.InjectedCount;
        faults.ClearScripts();
        ctx.S3.Run();

        var attempts = AttemptsFor(ctx, file.Key);
        var timeline = string.Join(", ", attempts.Select(a => $"+{(a.Start - attempts[0].Start).TotalSeconds:0} s {(a.ErrorType is null ? "ok" : a.ErrorType)}"));
        ctx.Note($"attempts: {timeline}; {injected} DynamoDB call(s) failed during the first attempt");
        var result = ctx.GetItem(Results, "objectKey", file.Key);
        CheckContext.Require(result is not null,
            $"after a first attempt that failed part-way and a retry ({timeline}), {file.Key} has no result item" +
            (attempts.Count > 1 && attempts[^1].ErrorType is null ? "; the retry returned without doing the work (a lock or marker from the failed attempt made it skip)" : ""),
            "the retry about 1 minute later processes the file",
            "do not leave a lock or 'done' marker behind when an attempt fails: write the result and the total together in one TransactWriteItems, or give a lock a lease shorter than the function timeout");
        RequireDayTotal(ctx, [file], "the file counted once, although the first attempt failed after its first write");
    }

    [Check("duplicate-delivery")]
    public static void DuplicateDelivery(CheckContext ctx)
    {
        Tables(ctx);
        ctx.S3.Notifications.DuplicateRate = 1;
        var files = Enumerable.Range(0, 2).Select(i => SalesFile(ctx, $"sales/{Day}/store-dup{i}.csv")).ToList();
        foreach (var file in files)
        {
            ctx.S3.Upload(file.Key, file.Csv);
        }

        ctx.S3.Run();
        var deliveries = ctx.Trace.OfKind(TraceKind.SourceDelivery).Count(e => e.Source == ctx.S3.BucketName);
        if (deliveries != files.Count * 2)
        {
            throw new InvalidOperationException($"expected S3 to deliver each event twice, saw {deliveries} deliveries");
        }

        var invocations = ctx.S3.Attempts;
        ctx.Note($"{deliveries} deliveries of {files.Count} events, {invocations.Select(a => a.RequestId).Distinct().Count()} request ids");
        foreach (var file in files)
        {
            RequireExists(ctx, file);
        }

        RequireDayTotal(ctx, files, "each file counted once although S3 delivered each event twice (two invocations, two request ids, one sequencer)");
    }

    private sealed record Upload(string Key, string Csv, int Orders, decimal Total);

    private static Upload SalesFile(CheckContext ctx, string key)
    {
        var count = ctx.Random.Next(2, 6);
        var csv = new StringBuilder("orderId,amount\n");
        var total = 0m;
        for (var i = 0; i < count; i++)
        {
            var amount = ctx.Random.Next(100, 20000) / 100m;
            total += amount;
            csv.Append(CultureInfo.InvariantCulture, $"o-{ctx.Random.Next(1000, 9999)},{amount.ToString(CultureInfo.InvariantCulture)}\n");
        }

        return new Upload(key, csv.ToString(), count, total);
    }

    private static void Tables(CheckContext ctx)
    {
        ctx.CreateTable(Results, "objectKey");
        ctx.CreateTable(Totals, "day");
    }

    private static List<Course.Sandbox.Invocation.InvocationRecord> AttemptsFor(CheckContext ctx, string key)
    {
        var requestIds = ctx.Trace.OfKind(TraceKind.SourceDelivery)
            .Where(e => e.Detail.Contains(key, StringComparison.Ordinal) && e.RequestId is not null)
            .Select(e => e.RequestId!)
            .ToHashSet(StringComparer.Ordinal);
        return ctx.S3.Attempts.Where(a => requestIds.Contains(a.RequestId)).OrderBy(a => a.Start).ToList();
    }

    private static void RequireExists(CheckContext ctx, Upload file) =>
        CheckContext.Require(ctx.GetItem(Results, "objectKey", file.Key) is not null,
            $"no item with objectKey \"{file.Key}\" in the {Results} table",
            "a result item for every file that was processed",
            "make task 1 pass first: PutItem the result into the table named by RESULTS_TABLE");

    private static void RequireResult(CheckContext ctx, Upload file)
    {
        var item = ctx.GetItem(Results, "objectKey", file.Key);
        CheckContext.Require(item is not null,
            $"no item with objectKey \"{file.Key}\" in the {Results} table",
            $"{{objectKey: {file.Key}, day: {Day}, orders: {file.Orders}, total: {file.Total.ToString(CultureInfo.InvariantCulture)}, sequencer: <from the record>}}",
            "GetObject the record's object, sum its lines and PutItem the result into the table named by RESULTS_TABLE");
        var orders = N(item!, "orders");
        var total = N(item!, "total");
        CheckContext.Require(orders == file.Orders && total == file.Total && S(item!, "day") == Day,
            $"{file.Key} was stored as {item!.ToJsonString()}",
            $"orders {file.Orders} (N), total {file.Total.ToString(CultureInfo.InvariantCulture)} (N), day {Day}",
            "count the data lines (not the header), sum the amounts as decimals, and store both as numbers (N); the day is the key's second segment");
    }

    private static void RequireDayTotal(CheckContext ctx, IReadOnlyList<Upload> files, string expectation)
    {
        var expected = files.Sum(f => f.Total);
        var item = ctx.GetItem(Totals, "day", Day);
        var total = item is null ? (decimal?)null : N(item, "total");
        var count = item is null ? (decimal?)null : N(item, "files");
        var writes = ctx.StreamRecords(Totals).Count(r => r.EventName is "INSERT" or "MODIFY");
        CheckContext.Require(total == expected && count == files.Count,
            item is null
                ? $"no item for day {Day} in the {Totals} table"
                : $"day {Day} has total {total?.ToString(CultureInfo.InvariantCulture) ?? "(missing)"} and files {count?.ToString(CultureInfo.InvariantCulture) ?? "(missing)"} after {writes} write(s) to {Totals}",
            $"total {expected.ToString(CultureInfo.InvariantCulture)}, files {files.Count}: {expectation}",
            total > expected
                ? "something was added twice: make the result and the total one transaction, conditional on the (key, sequencer) not being recorded yet"
                : "ADD each file's total and 1 to files on the day's item (UpdateExpression \"ADD #total :t, files :one\"), in the same transaction as the result");
    }

    /// <summary>The (encoded) object key of the S3 event inside an invocation record's requestPayload.</summary>
    private static string? RecordKey(JsonObject invocationRecord)
    {
        var payload = invocationRecord["requestPayload"];
        if (payload is JsonValue value && value.TryGetValue<string>(out var text))
        {
            payload = JsonNode.Parse(text);
        }

        return payload?["Records"]?[0]?["s3"]?["object"]?["key"]?.GetValue<string>();
    }

    private static decimal? N(JsonObject item, string name) =>
        item[name]?["N"]?.GetValue<string>() is { } n && decimal.TryParse(n, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string? S(JsonObject item, string name) => item[name]?["S"]?.GetValue<string>();
}
