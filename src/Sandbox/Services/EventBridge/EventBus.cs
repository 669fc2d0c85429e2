namespace Course.Sandbox.Services.EventBridge;

/// <summary>An event bus: the <c>default</c> bus every account has, or a custom one.</summary>
public sealed class EventBus
{
    internal EventBus(string name, string arn)
    {
        Name = name;
        Arn = arn;
    }

    /// <summary>The bus name.</summary>
    public string Name { get; }

    /// <summary>The bus ARN, e.g. <c>arn:aws:events:us-east-1:123456789012:event-bus/default</c>.</summary>
    public string Arn { get; }

    /// <summary>The rules on this bus, in creation order.</summary>
    public IReadOnlyList<EventRule> Rules => RuleList;

    internal List<EventRule> RuleList { get; } = [];

    /// <summary>Every event put on the bus, in order (the envelopes as JSON).</summary>
    public IReadOnlyList<string> Events => EventList;

    internal List<string> EventList { get; } = [];
}
