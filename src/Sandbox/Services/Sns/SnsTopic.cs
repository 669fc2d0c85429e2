namespace Course.Sandbox.Services.Sns;

/// <summary>One topic: its subscriptions and everything published to it.</summary>
public sealed class SnsTopic
{
    private readonly List<SnsSubscription> _subscriptions = [];
    private readonly List<SnsEnvelope> _published = [];

    internal SnsTopic(string name, string arn)
    {
        Name = name;
        Arn = arn;
    }

    internal object Gate { get; } = new();

    /// <summary>The topic name.</summary>
    public string Name { get; }

    /// <summary>The topic ARN, e.g. <c>arn:aws:sns:us-east-1:123456789012:orders</c>.</summary>
    public string Arn { get; }

    /// <summary>The subscriptions, in subscription order.</summary>
    public IReadOnlyList<SnsSubscription> Subscriptions
    {
        get
        {
            lock (Gate)
            {
                return [.. _subscriptions];
            }
        }
    }

    /// <summary>Every message published, in order.</summary>
    public IReadOnlyList<SnsEnvelope> Published
    {
        get
        {
            lock (Gate)
            {
                return [.. _published];
            }
        }
    }

    internal List<SnsSubscription> SubscriptionList => _subscriptions;

    internal List<SnsEnvelope> PublishedList => _published;
}
