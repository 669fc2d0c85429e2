namespace Course.Sandbox.Events.Generate;

/// <summary>What to put in a generated SNS notification.</summary>
public sealed class SnsEventOptions
{
    /// <summary>The topic name. The default is <c>my-topic</c>.</summary>
    public string TopicName { get; init; } = "my-topic";

    /// <summary>The message. The default is <c>Hello from SNS!</c>.</summary>
    public string Message { get; init; } = "Hello from SNS!";

    /// <summary>The subject. The default is <c>Example subject</c>; null leaves it out.</summary>
    public string? Subject { get; init; } = "Example subject";

    /// <summary>String message attributes. The default is none.</summary>
    public IReadOnlyDictionary<string, string> MessageAttributes { get; init; } = new Dictionary<string, string>();
}
