using System.Globalization;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Services.Faults;

namespace StreamPoison.Checks;

/// <summary>
/// Checks for 07-stream-poison. The checks write account changes into the ledger table; its stream reaches the
/// function through the event source mapping the learner configures in mapping.yaml. They judge the balances table
/// (its stream shows every write, in order), the mapping's record of discards, the on-failure destination and the
/// source stream itself, never what the handler says about itself.
/// </summary>
public static class StreamPoisonChecks
{
    private const string Balances = "balances";
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(10);

    [Check("applies-changes")]
    public static void AppliesChanges(CheckContext ctx)
    {
        ctx.CreateTable(Balances, "accountId");
        var accounts = Enumerable.Range(0, 3).Select(i => $"acc-{ctx.Random.Next(100, 999)}{i}").ToList();
        var expected = new Dictionary<string, decimal>();
        for (var version = 1; version <= 3; version++)
        {
            foreach (var account in accounts)
            {
                var withdraw = version == 2;
                var amount = ctx.Random.Next(100, 5000) / 100m;
                expected[account] = expected.GetValueOrDefault(account) + (withdraw ? -amount : amount);
                Change(ctx, account, version, withdraw ? "withdraw" : "deposit", amount);
            }

            ctx.Stream.RunFor(TimeSpan.FromSeconds(2));
        }

        ctx.Stream.RunFor(TimeSpan.FromSeconds(30));
        foreach (var account in accounts)
        {
            var item = ctx.GetItem(Balances, "accountId", account);
            CheckContext.Require(item is not null,
                $"account {account} has no item in the {Balances} table after 3 changes",
                $"{{accountId: {account}, balance: {expected[account].ToString(CultureInfo.InvariantCulture)}, version: 3}}",
                "for each stream record, UpdateItem the account in BALANCES_TABLE with the change");
            CheckContext.Require(N(item!, "balance") == expected[account] && N(item!, "version") == 3,
                $"account {account} was stored as {item!.ToJsonString()}",
                $"balance {expected[account].ToString(CultureInfo.InvariantCulture)} (N; deposits minus withdrawals), version 3 (N)",
                "ADD the amount for a deposit and the negative amount for a withdrawal, and SET version to the change's version");
        }
    }

    [Check("keeps-order")]
    public static void KeepsOrder(CheckContext ctx)
    {
        ctx.CreateTable(Balances, "accountId");
        var faults = ctx.Sim.Services.DynamoDbFaults;

        // How many times does the handler's SDK call DynamoDB for one failing request (its own retries included)?
        faults.Script("*", Enumerable.Repeat(FaultKind.InternalServerError, 64).ToArray());
        Change(ctx, "calibration", 1, "deposit", 1m);
        var before = ctx.Sim.Lambda.Invocations.Count;
        for (var i = 0; i < 200 && ctx.Sim.Lambda.Invocations.Count == before; i++)
        {
            ctx.Stream.RunFor(TimeSpan.FromMilliseconds(50));
        }

        var callsPerFailure = faults.InjectedCount;
        faults.ClearScripts();
        ctx.Stream.RunFor(TimeSpan.FromSeconds(30));

        // One account, five changes in one batch; the second DynamoDB call (with its SDK retries) fails once.
        const string account = "acc-order";
        faults.Script("*", [FaultKind.None, .. Enumerable.Repeat(FaultKind.InternalServerError, callsPerFailure)]);
        for (var version = 1; version <= 5; version++)
        {
            Change(ctx, account, version, "deposit", version * 10m);
        }

        ctx.Stream.RunFor(TimeSpan.FromSeconds(60));
        faults.ClearScripts();
        var applied = AppliedVersions(ctx, account);
        ctx.Note($"one failing request = {callsPerFailure} DynamoDB call(s); versions written to {Balances} for {account}, in order: [{string.Join(", ", applied)}]");
        var inOrder = applied.Zip(applied.Skip(1)).All(p => p.First < p.Second);
        var missing = Enumerable.Range(1, 5).Where(v => !applied.Contains(v)).ToList();
        CheckContext.Require(inOrder && missing.Count == 0,
            $"after a failure part-way through the batch, {account}'s changes were written in the order [{string.Join(", ", applied)}]" +
            (missing.Count > 0 ? $"; version(s) {string.Join(", ", missing)} never applied (a later version got there first, so the retry was skipped)" : ""),
            "versions 1, 2, 3, 4, 5, each once, in that order",
            "stop at the first failed record: return it as the only batchItemFailure (its SequenceNumber) and do not process the records after it in this invocation");
    }

    [Check("poison-not-blocking")]
    public static void PoisonNotBlocking(CheckContext ctx)
    {
        ctx.CreateTable(Balances, "accountId");
        const string account = "acc-poison";
        Change(ctx, account, 1, "deposit", 50m);
        ctx.Stream.RunFor(TimeSpan.FromSeconds(2));
        Poison(ctx, account, 2);
        ctx.Stream.RunFor(TimeSpan.FromSeconds(60));
        Change(ctx, account, 3, "deposit", 20m);
        Change(ctx, account, 4, "withdraw", 5m);
        ctx.Stream.RunFor(Horizon);

        var applied = AppliedVersions(ctx, account);
        var attempts = ctx.Sim.Lambda.Invocations.Count(r => r.FunctionName == ctx.FunctionName);
        CheckContext.Require(applied.Contains(3) && applied.Contains(4),
            $"{Horizon.TotalMinutes:0} minutes after a poison record (version 2 of {account}, amount \"twelve\"), the changes behind it (versions 3 and 4) are not applied; the function was invoked {attempts} times, the poison again and again",
            "the poison given up on after a few retries, then versions 3 and 4 applied",
            "set maximumRetryAttempts in mapping.yaml (e.g. 3): the default -1 retries a poison record until it expires after 24 hours, and its shard waits");
    }

    [Check("no-lost-records")]
    public static void NoLostRecords(CheckContext ctx)
    {
        ctx.CreateTable(Balances, "accountId");
        const string account = "acc-batch";
        for (var version = 1; version <= 4; version++)
        {
            Change(ctx, account, version, "deposit", version * 5m);
        }

        Poison(ctx, account, 5);
        ctx.Stream.RunFor(Horizon);

        var applied = AppliedVersions(ctx, account);
        var lost = Enumerable.Range(1, 4).Where(v => !applied.Contains(v)).ToList();
        CheckContext.Require(lost.Count == 0,
            $"versions {string.Join(", ", lost)} of {account} were never applied: they were in one batch with the poison (version 5), and {ctx.Stream.Mapping.RecordsDiscarded} record(s) were discarded with it",
            "versions 1–4 applied; only the poison discarded",
            "tell Lambda which record failed (reportBatchItemFailures: true and the failed SequenceNumber in the response) or let it split the batch (bisectBatchOnFunctionError: true)");
    }

    [Check("failure-destination")]
    public static void FailureDestination(CheckContext ctx)
    {
        ctx.CreateTable(Balances, "accountId");
        const string account = "acc-parked";
        Change(ctx, account, 1, "deposit", 10m);
        ctx.Stream.RunFor(TimeSpan.FromSeconds(2));
        Poison(ctx, account, 2);
        ctx.Stream.RunFor(TimeSpan.FromHours(2));

        var poison = ctx.StreamRecords("ledger").Last(r => r.Keys["accountId"]?["S"]?.GetValue<string>() == account);
        var records = ctx.Stream.FailureRecords;
        CheckContext.Require(records.Count > 0,
            ctx.Stream.Mapping.RecordsDiscarded == 0
                ? "two hours after the poison record, Lambda had not given up on it (nothing discarded), so nothing reached an on-failure destination"
                : ctx.Stream.FailureQueue is null
                ? $"{ctx.Stream.Mapping.RecordsDiscarded} record(s) were discarded and the mapping has no on-failure destination: nothing says which record was lost"
                : $"the on-failure destination {ctx.Stream.FailureQueue.Name} is empty although {ctx.Stream.Mapping.RecordsDiscarded} record(s) were discarded",
            "one metadata record in the destination naming the poison's shard and sequence number",
            "set onFailure in mapping.yaml to a queue name, e.g. ledger-failures (and a retry or record-age limit, so Lambda gives up on the poison at all)");

        var info = records[^1]["DDBStreamBatchInfo"]!;
        var shard = info["shardId"]!.GetValue<string>();
        var start = info["startSequenceNumber"]!.GetValue<string>();
        var end = info["endSequenceNumber"]!.GetValue<string>();
        var found = ctx.Stream.Read(shard, start, end);
        ctx.Note($"destination record: shard {shard}, sequence numbers {start}…{end}, batchSize {info["batchSize"]}; read back from the stream: {found.Count} record(s)");
        CheckContext.Require(found.Count == 1 && found[0].SequenceNumber == poison.SequenceNumber,
            $"the metadata names {found.Count} record(s) ({start}…{end} in {shard}); the poison is {poison.SequenceNumber}",
            "metadata naming exactly the poison record, so it can be read back from the stream and repaired",
            "report only the failed record (its SequenceNumber) so the discarded batch holds nothing but the poison");
    }

    private static void Change(CheckContext ctx, string account, int version, string op, decimal amount) =>
        ctx.Stream.Put(new JsonObject
        {
            ["accountId"] = new JsonObject { ["S"] = account },
            ["version"] = new JsonObject { ["N"] = version.ToString(CultureInfo.InvariantCulture) },
            ["op"] = new JsonObject { ["S"] = op },
            ["amount"] = new JsonObject { ["N"] = amount.ToString(CultureInfo.InvariantCulture) },
        }.ToJsonString());

    /// <summary>A change whose amount is text: no consumer can apply it.</summary>
    private static void Poison(CheckContext ctx, string account, int version) =>
        ctx.Stream.Put(new JsonObject
        {
            ["accountId"] = new JsonObject { ["S"] = account },
            ["version"] = new JsonObject { ["N"] = version.ToString(CultureInfo.InvariantCulture) },
            ["op"] = new JsonObject { ["S"] = "deposit" },
            ["amount"] = new JsonObject { ["S"] = "twelve" },
        }.ToJsonString());

    /// <summary>The versions written to the account's balance item, in the order the balances table's stream recorded them.</summary>
    private static List<int> AppliedVersions(CheckContext ctx, string account) =>
        ctx.StreamRecords(Balances)
            .Where(r => r.Keys["accountId"]?["S"]?.GetValue<string>() == account && r.NewImage is not null)
            .Select(r => r.NewImage!["version"]?["N"]?.GetValue<string>() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : -1)
            .ToList();

    private static decimal? N(JsonObject item, string name) =>
        item[name]?["N"]?.GetValue<string>() is { } n && decimal.TryParse(n, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
