namespace Course.Sandbox.Services.EventBridge;

/// <summary>The outcome of one <see cref="PutEventsEntry"/>: an event id, or an error code and message.</summary>
/// <param name="EventId">The id of the accepted event; null when it failed.</param>
/// <param name="ErrorCode">Why it failed (e.g. <c>MalformedDetail</c>); null when accepted.</param>
/// <param name="ErrorMessage">AWS's message; null when accepted.</param>
public sealed record PutEventsResultEntry(string? EventId, string? ErrorCode = null, string? ErrorMessage = null);
