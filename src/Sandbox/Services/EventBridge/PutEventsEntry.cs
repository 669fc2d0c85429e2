namespace Course.Sandbox.Services.EventBridge;

/// <summary>One entry of <c>PutEvents</c>.</summary>
public sealed class PutEventsEntry
{
    /// <summary>The source, e.g. <c>com.example.orders</c>. Required.</summary>
    public string? Source { get; set; }

    /// <summary>The detail-type, e.g. <c>Order Placed</c>. Required.</summary>
    public string? DetailType { get; set; }

    /// <summary>The detail, a JSON object as text. Required.</summary>
    public string? Detail { get; set; }

    /// <summary>The bus name or ARN. <value>The default is the <c>default</c> bus.</value></summary>
    public string? EventBusName { get; set; }

    /// <summary>ARNs the event is about. <value>The default is none.</value></summary>
    public IReadOnlyList<string> Resources { get; set; } = [];

    /// <summary>The event time. <value>The default is the time EventBridge receives it.</value></summary>
    public DateTimeOffset? Time { get; set; }
}
