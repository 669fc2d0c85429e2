namespace Course.Sandbox.Clients.EventBridge.Model;

/// <summary>One event to put (mirrors <c>Amazon.EventBridge.Model.PutEventsRequestEntry</c>).</summary>
public sealed class PutEventsRequestEntry
{
    /// <summary>The source, e.g. <c>com.example.orders</c>. Required.</summary>
    public string? Source { get; set; }

    /// <summary>The detail-type, e.g. <c>Order Placed</c>. Required.</summary>
    public string? DetailType { get; set; }

    /// <summary>The detail: a JSON object as text. Required.</summary>
    public string? Detail { get; set; }

    /// <summary>The bus name or ARN; null or empty for <c>default</c>.</summary>
    public string? EventBusName { get; set; }

    /// <summary>ARNs the event is about. Empty by default.</summary>
    public List<string> Resources { get; set; } = [];

    /// <summary>The event time (UTC); unset means when EventBridge receives it.</summary>
    public DateTime Time { get; set; }

    /// <summary>An X-Ray trace header; accepted and ignored by the sandbox.</summary>
    public string? TraceHeader { get; set; }
}
