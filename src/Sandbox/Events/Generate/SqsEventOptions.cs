namespace Course.Sandbox.Events.Generate;

/// <summary>What to put in a generated SQS batch.</summary>
public sealed class SqsEventOptions
{
    /// <summary>The queue name; a name ending in <c>.fifo</c> adds FIFO attributes. The default is <c>my-queue</c>.</summary>
    public string QueueName { get; init; } = "my-queue";

    /// <summary>One message per body, 1 to 10,000. The default is one message, <c>Hello from SQS!</c>.</summary>
    public IReadOnlyList<string> Bodies { get; init; } = ["Hello from SQS!"];

    /// <summary>The message group id for FIFO queues. The default is <c>group-1</c>.</summary>
    public string MessageGroupId { get; init; } = "group-1";

    /// <summary>The receive count written into every message. The default is 1.</summary>
    public int ApproximateReceiveCount { get; init; } = 1;
}
