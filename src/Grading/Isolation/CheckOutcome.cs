using Course.Grading.Reports;

namespace Course.Grading.Isolation;

/// <summary>One check's outcome as the worker reports it.</summary>
/// <param name="Id">The check id.</param>
/// <param name="Status">Pass, fail or error.</param>
/// <param name="Message">Null on pass; otherwise why.</param>
/// <param name="Output">Function logs, console output and check notes captured during the check.</param>
internal sealed record CheckOutcome(string Id, CheckStatus Status, string? Message, string Output);
