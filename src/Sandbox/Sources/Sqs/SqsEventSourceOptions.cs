using System.Globalization;
using Course.Sandbox.Functions;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Sources.Sqs;

/// <summary>
/// The settings of an SQS event source mapping (the SQS subset of <c>CreateEventSourceMapping</c>), with AWS's
/// defaults and limits. Validated once by <see cref="SqsEventSourceMapping.Create"/> with AWS's error wording, then
/// copied: changing this object afterwards has no effect on the mapping.
/// </summary>
public sealed class SqsEventSourceOptions
{
    /// <summary>The value of <see cref="FunctionResponseTypes"/> that turns on partial batch responses (SQS_03).</summary>
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";

    /// <summary>
    /// Most messages per invocation (SQS_01). <value>The default is 10; 1–10,000 for standard queues, 1–10 for FIFO
    /// queues. Above 10 needs <see cref="MaximumBatchingWindowInSeconds"/> of at least 1.</value>
    /// </summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>
    /// How long Lambda gathers messages before invoking, counted from the first message of a batch (SQS_01).
    /// <value>The default is 0 (invoke as soon as a receive returns messages); 0–300 seconds. Not supported for FIFO queues.</value>
    /// </summary>
    public int MaximumBatchingWindowInSeconds { get; set; }

    /// <summary>
    /// Response types the function may return; only <see cref="ReportBatchItemFailures"/> exists (SQS_03).
    /// <value>The default is empty: the function's response is ignored and any error fails the whole batch.</value>
    /// </summary>
    public IList<string> FunctionResponseTypes { get; set; } = [];

    /// <summary>
    /// <c>ScalingConfig.MaximumConcurrency</c>: most concurrent invocations this mapping makes (SQS_06).
    /// <value>The default is null (no cap below the 1,000 concurrent batches of a mapping); 2–1,000.</value>
    /// </summary>
    public int? MaximumConcurrency { get; set; }

    /// <summary>Whether the mapping polls. <value>The default is true.</value></summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every violation of AWS's limits for a mapping from <paramref name="queue"/> to <paramref name="function"/>, as one message per rule.</summary>
    internal IReadOnlyList<string> Validate(SqsQueue queue, LambdaFunction function)
    {
        var errors = new List<string>();
        var maxBatch = queue.IsFifo ? 10 : 10_000;
        if (BatchSize < 1)
        {
            errors.Add(Constraint(BatchSize, "batchSize", "Member must have value greater than or equal to 1"));
        }
        else if (BatchSize > 10_000)
        {
            errors.Add(Constraint(BatchSize, "batchSize", "Member must have value less than or equal to 10000"));
        }
        if (MaximumBatchingWindowInSeconds < 0)
        {
            errors.Add(Constraint(MaximumBatchingWindowInSeconds, "maximumBatchingWindowInSeconds", "Member must have value greater than or equal to 0"));
        }
        else if (MaximumBatchingWindowInSeconds > 300)
        {
            errors.Add(Constraint(MaximumBatchingWindowInSeconds, "maximumBatchingWindowInSeconds", "Member must have value less than or equal to 300"));
        }
        if (MaximumConcurrency is int mc && mc is < 2 or > 1000)
        {
            errors.Add(Constraint(mc, "scalingConfig.maximumConcurrency", mc < 2 ? "Member must have value greater than or equal to 2" : "Member must have value less than or equal to 1000"));
        }
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

        if (BatchSize > maxBatch)
        {
            errors.Add($"Invalid request provided: BatchSize must be less than or equal to {maxBatch} for FIFO queues.");
        }
        if (queue.IsFifo && MaximumBatchingWindowInSeconds > 0)
        {
            errors.Add("Invalid request provided: Batching window is not supported for FIFO queues.");
        }
        else if (BatchSize > 10 && MaximumBatchingWindowInSeconds < 1)
        {
            errors.Add("Invalid request provided: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        }
        var visibility = (long)queue.Attributes.VisibilityTimeout.TotalSeconds;
        var timeout = (long)function.Options.Timeout.TotalSeconds;
        if (visibility < timeout)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Invalid request provided: Queue visibility timeout: {visibility} seconds is less than Function timeout: {timeout} seconds"));
        }
        return errors;
    }

    private static string Constraint(int value, string member, string rule) =>
        string.Create(CultureInfo.InvariantCulture, $"Value '{value}' at '{member}' failed to satisfy constraint: {rule}");
}
