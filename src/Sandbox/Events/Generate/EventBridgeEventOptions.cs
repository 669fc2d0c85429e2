namespace Course.Sandbox.Events.Generate;

/// <summary>What to put in a generated EventBridge event.</summary>
public sealed class EventBridgeEventOptions
{
    /// <summary>The source. The default is <c>com.example.app</c>.</summary>
    public string Source { get; init; } = "com.example.app";

    /// <summary>The detail-type. The default is <c>Example Event</c>.</summary>
    public string DetailType { get; init; } = "Example Event";

    /// <summary>The detail as JSON text (an object). The default is <c>{"message": "hello"}</c>.</summary>
    public string DetailJson { get; init; } = "{\"message\": \"hello\"}";

    /// <summary>ARNs the event is about. The default is none.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];
}
