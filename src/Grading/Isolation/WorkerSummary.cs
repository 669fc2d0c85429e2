using Course.Grading.Reports;

namespace Course.Grading.Isolation;

/// <summary>The worker's summary line: the merged run summary.</summary>
/// <param name="Summary">Counters and percentiles over all checks.</param>
internal sealed record WorkerSummary(RunSummary Summary);
