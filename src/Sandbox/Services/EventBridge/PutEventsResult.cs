namespace Course.Sandbox.Services.EventBridge;

/// <summary>What <c>PutEvents</c> returns: one result per entry, in order, and how many failed.</summary>
/// <param name="FailedEntryCount">Entries that were not accepted.</param>
/// <param name="Entries">One result per entry, in the request's order.</param>
public sealed record PutEventsResult(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries);
