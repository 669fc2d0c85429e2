using System.Globalization;
using Course.Sandbox.Functions;

namespace Course.Sandbox.Sources.DynamoDb;

/// <summary>
/// The settings of a DynamoDB Streams event source mapping (the stream subset of <c>CreateEventSourceMapping</c>),
/// with AWS's defaults and limits (services-ddb-params). Validated once by <see cref="DynamoDbEventSourceMapping.Create"/>
/// with AWS's error wording, then copied: changing this object afterwards has no effect on the mapping.
/// </summary>
public sealed class DynamoDbEventSourceOptions
{
    /// <summary>Start at the oldest record still in the stream (24 h retention).</summary>
    public const string TrimHorizon = "TRIM_HORIZON";

    /// <summary>Start after the newest record: only later changes are read.</summary>
    public const string Latest = "LATEST";

    /// <summary>The value of <see cref="FunctionResponseTypes"/> that turns on partial batch responses (DDB_04).</summary>
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";

    /// <summary>Where to start reading: <see cref="TrimHorizon"/> or <see cref="Latest"/>. Required; no default.</summary>
    public string? StartingPosition { get; set; }

    /// <summary>Most records per invocation (DDB_06). <value>The default is 100; 1–10,000.</value></summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long to gather records before invoking, counted from when the first record of a batch was read.
    /// <value>The default is 0; 0–300 seconds.</value></summary>
    public int MaximumBatchingWindowInSeconds { get; set; }

    /// <summary>Concurrent batches per shard; records with the same partition key stay in order (DDB_06).
    /// <value>The default is 1; 1–10.</value></summary>
    public int ParallelizationFactor { get; set; } = 1;

    /// <summary>Retries of a failing batch before its records are discarded (DDB_02).
    /// <value>The default is -1: retry until the records expire from the stream (24 h); -1–10,000.</value></summary>
    public int MaximumRetryAttempts { get; set; } = -1;

    /// <summary>Records older than this are discarded instead of retried (DDB_02).
    /// <value>The default is -1 (no limit: records live until the stream's 24 h retention drops them); -1 or 60–604,800 seconds.</value></summary>
    public int MaximumRecordAgeInSeconds { get; set; } = -1;

    /// <summary>On a function error, split the batch in two and retry each half; splitting does not use up retries (DDB_03).
    /// <value>The default is false.</value></summary>
    public bool BisectBatchOnFunctionError { get; set; }

    /// <summary>Response types the function may return; only <see cref="ReportBatchItemFailures"/> exists (DDB_04).
    /// <value>The default is empty: the response is ignored.</value></summary>
    public IList<string> FunctionResponseTypes { get; set; } = [];

    /// <summary><c>DestinationConfig.OnFailure</c>: receives a metadata record (not the records themselves) for every
    /// discarded batch (DDB_05): an SQS queue, SNS topic or S3 bucket adapter. <value>The default is null: discarded records are only traced.</value></summary>
    public IAsyncTarget? OnFailure { get; set; }

    /// <summary>Whether the mapping polls. <value>The default is true.</value></summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every violation of AWS's limits, as one message per rule.</summary>
    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StartingPosition is null)
        {
            errors.Add("Value null at 'startingPosition' failed to satisfy constraint: Member must not be null");
        }
        else if (StartingPosition is not (TrimHorizon or Latest))
        {
            errors.Add($"Value '{StartingPosition}' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [{TrimHorizon}, {Latest}]");
        }
        Range(errors, BatchSize, 1, 10_000, "batchSize");
        Range(errors, MaximumBatchingWindowInSeconds, 0, 300, "maximumBatchingWindowInSeconds");
        Range(errors, ParallelizationFactor, 1, 10, "parallelizationFactor");
        Range(errors, MaximumRetryAttempts, -1, 10_000, "maximumRetryAttempts");
        Range(errors, MaximumRecordAgeInSeconds, -1, 604_800, "maximumRecordAgeInSeconds");
        foreach (var type in FunctionResponseTypes ?? [])
        {
            if (type != ReportBatchItemFailures)
            {
                errors.Add($"Value '[{type}]' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [{ReportBatchItemFailures}]]");
            }
        }
        if (errors.Count > 0)
        {
            return [errors.Count == 1 ? "1 validation error detected: " + errors[0] : $"{errors.Count} validation errors detected: " + string.Join("; ", errors)];
        }
        if (MaximumRecordAgeInSeconds is >= 0 and < 60)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Invalid request provided: MaximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800 seconds; got {MaximumRecordAgeInSeconds}."));
        }
        return errors;
    }

    private static void Range(List<string> errors, int value, int min, int max, string member)
    {
        if (value < min)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Value '{value}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to {min}"));
        }
        else if (value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Value '{value}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {max}"));
        }
    }
}
