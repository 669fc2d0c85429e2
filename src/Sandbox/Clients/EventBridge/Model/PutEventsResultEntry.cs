namespace Course.Sandbox.Clients.EventBridge.Model;

/// <summary>The outcome of one entry (mirrors <c>Amazon.EventBridge.Model.PutEventsResultEntry</c>).</summary>
public sealed class PutEventsResultEntry
{
    /// <summary>The event id when accepted; otherwise null.</summary>
    public string? EventId { get; set; }

    /// <summary>The error code when rejected (e.g. <c>MalformedDetail</c>); otherwise null.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The error message when rejected; otherwise null.</summary>
    public string? ErrorMessage { get; set; }
}
