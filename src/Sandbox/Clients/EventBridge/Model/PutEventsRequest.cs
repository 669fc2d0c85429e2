namespace Course.Sandbox.Clients.EventBridge.Model;

/// <summary>The input of <c>PutEvents</c> (mirrors <c>Amazon.EventBridge.Model.PutEventsRequest</c>).</summary>
public sealed class PutEventsRequest
{
    /// <summary>The entries, 1–10. Empty by default.</summary>
    public List<PutEventsRequestEntry> Entries { get; set; } = [];
}
