#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.SQSEvents;

/// <summary>
/// What a function returns to report partial batch failures (requires <c>ReportBatchItemFailures</c>),
/// mirroring <c>Amazon.Lambda.SQSEvents.SQSBatchResponse</c>.
/// </summary>
public partial class SQSBatchResponse
{
    /// <summary>Creates an empty response (every message succeeded).</summary>
    public SQSBatchResponse() : this(new List<BatchItemFailure>()) { }

    /// <summary>Creates a response that reports <paramref name="batchItemFailures"/>.</summary>
    /// <param name="batchItemFailures">The failed messages.</param>
    public SQSBatchResponse(List<BatchItemFailure> batchItemFailures) => BatchItemFailures = batchItemFailures;

    /// <summary>The messages that failed; an empty list means the whole batch succeeded.</summary>
    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; }
}
