using System.Globalization;
using System.Text.Json.Nodes;
using Course.Sandbox.Invocation.Destinations;
using Course.Sandbox.Services.DynamoDb.Streams;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Sources.DynamoDb;

namespace Course.Grading.Exercises;

/// <summary>
/// An exercise's DynamoDB Streams trigger: a table (string partition key) whose stream is read by the engine's event
/// source mapping and handed to the learner's function in per-shard order. Settings (exercise.yaml
/// <c>trigger.settings</c>, or the learner's settings file): <c>table</c> (default <c>ledger</c>), <c>partitionKey</c>
/// (default <c>id</c>), <c>batchSize</c> (default 100), <c>batchingWindow</c> seconds (0), <c>startingPosition</c>
/// (<c>TRIM_HORIZON</c>), <c>parallelizationFactor</c> (1), <c>maximumRetryAttempts</c> (-1: until the record
/// expires), <c>maximumRecordAgeInSeconds</c> (-1), <c>bisectBatchOnFunctionError</c> (false),
/// <c>reportBatchItemFailures</c> (false) and <c>onFailure</c> (an SQS queue name for the discarded batches' metadata;
/// empty or absent: none). An empty value means the default.
/// </summary>
public sealed class DynamoDbStreamTrigger
{
    private readonly CheckContext _context;

    internal DynamoDbStreamTrigger(CheckContext context, IReadOnlyDictionary<string, string> settings)
    {
        _context = context;
        var sim = context.Sim;
        TableName = Setting(settings, "table", "ledger");
        PartitionKey = Setting(settings, "partitionKey", "id");
        context.CreateTable(TableName, PartitionKey);
        var options = new DynamoDbEventSourceOptions
        {
            StartingPosition = Setting(settings, "startingPosition", DynamoDbEventSourceOptions.TrimHorizon),
            BatchSize = Int(settings, "batchSize", 100),
            MaximumBatchingWindowInSeconds = Int(settings, "batchingWindow", 0),
            ParallelizationFactor = Int(settings, "parallelizationFactor", 1),
            MaximumRetryAttempts = Int(settings, "maximumRetryAttempts", -1),
            MaximumRecordAgeInSeconds = Int(settings, "maximumRecordAgeInSeconds", -1),
            BisectBatchOnFunctionError = bool.Parse(Setting(settings, "bisectBatchOnFunctionError", "false")),
        };
        if (bool.Parse(Setting(settings, "reportBatchItemFailures", "false")))
        {
            options.FunctionResponseTypes.Add(DynamoDbEventSourceOptions.ReportBatchItemFailures);
        }

        if (Setting(settings, "onFailure", "") is { Length: > 0 } queueName)
        {
            FailureQueue = sim.Services.Sqs.CreateQueue(queueName);
            options.OnFailure = Destinations.Queue(sim, FailureQueue);
        }

        Stream = sim.Services.DynamoDb.GetStream(TableName) ?? throw new InvalidOperationException($"table {TableName} has no stream");
        Mapping = DynamoDbEventSourceMapping.Create(sim, Stream, context.FunctionName, options);
    }

    /// <summary>The source table.</summary>
    public string TableName { get; }

    /// <summary>The source table's partition key attribute.</summary>
    public string PartitionKey { get; }

    /// <summary>The table's stream.</summary>
    public DynamoDbStream Stream { get; }

    /// <summary>The event source mapping reading <see cref="Stream"/>.</summary>
    public DynamoDbEventSourceMapping Mapping { get; }

    /// <summary>The on-failure destination queue, or null when the mapping has none.</summary>
    public SqsQueue? FailureQueue { get; }

    /// <summary>The metadata records Lambda sent to the on-failure destination, parsed (empty without one).</summary>
    public IReadOnlyList<JsonObject> FailureRecords =>
        FailureQueue?.Messages.Select(m => JsonNode.Parse(m.Body)!.AsObject()).ToList() ?? [];

    /// <summary>Writes an item (DynamoDB JSON) into the source table now; its stream record follows.</summary>
    /// <param name="itemJson">The item, e.g. <c>{"id":{"S":"a"},"n":{"N":"1"}}</c>.</param>
    public void Put(string itemJson) => _context.PutItem(TableName, itemJson);

    /// <summary>Advances the simulation by <paramref name="span"/> of virtual time (the mapping polls 4 times a second).</summary>
    /// <param name="span">How long.</param>
    public void RunFor(TimeSpan span) => _context.Sim.RunFor(span);

    /// <summary>The stream records of one shard from <paramref name="sequenceNumber"/> to <paramref name="endSequenceNumber"/>
    /// (inclusive): what a consumer of the on-failure destination reads back with the metadata it got.</summary>
    /// <param name="shardId">The shard (DDBStreamBatchInfo.shardId).</param>
    /// <param name="sequenceNumber">The first sequence number (startSequenceNumber).</param>
    /// <param name="endSequenceNumber">The last sequence number (endSequenceNumber).</param>
    /// <returns>The records still in the stream.</returns>
    public IReadOnlyList<DynamoDbStreamRecord> Read(string shardId, string sequenceNumber, string endSequenceNumber) =>
        _context.StreamRecords(TableName)
            .Where(r => r.ShardId == shardId && Compare(r.SequenceNumber, sequenceNumber) >= 0 && Compare(r.SequenceNumber, endSequenceNumber) <= 0)
            .ToList();

    private static int Compare(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private static string Setting(IReadOnlyDictionary<string, string> settings, string key, string fallback) =>
        settings.TryGetValue(key, out var value) && value.Length > 0 ? value : fallback;

    private static int Int(IReadOnlyDictionary<string, string> settings, string key, int fallback) =>
        int.Parse(Setting(settings, key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
