using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Services.Wire;
using Course.Sandbox.Time;

namespace Course.Sandbox.Services.Sns;

/// <summary>
/// The sandbox's Amazon SNS: standard topics whose messages fan out to <c>sqs</c> subscriptions (delivered into the
/// sandbox SQS, as the JSON envelope or raw) and <c>lambda</c> subscriptions (raised as <see cref="LambdaDelivery"/>
/// so the Lambda source can invoke asynchronously with <see cref="SnsDelivery.ToLambdaEventJson"/>). Learner code
/// reaches it through <c>Course.Sandbox.Clients.SimpleNotificationService.AmazonSimpleNotificationServiceClient</c>.
/// </summary>
/// <remarks>Not modelled: FIFO topics, filter policies, HTTP/email/SMS protocols, subscription confirmation.</remarks>
public sealed partial class SnsService
{
    /// <summary>The largest message, in bytes: 256 KiB.</summary>
    public const int MaximumMessageSize = 262_144;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SeededIds _ids;
    private readonly SqsService? _sqs;
    private readonly Dictionary<string, SnsTopic> _topics = new(StringComparer.Ordinal);
    private readonly List<SnsDelivery> _deliveries = [];

    /// <summary>Creates an SNS with no topics.</summary>
    /// <param name="time">The simulation's clock.</param>
    /// <param name="random">The simulation's seeded random (message and subscription ids).</param>
    /// <param name="sqs">The sandbox SQS that <c>sqs</c> subscriptions deliver into; null when there is none.</param>
    /// <param name="region">The region. Default <c>us-east-1</c>.</param>
    /// <param name="accountId">The account id. Default <c>123456789012</c>.</param>
    public SnsService(TimeProvider time, Random random, SqsService? sqs = null, string region = "us-east-1", string accountId = "123456789012")
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        _time = time;
        _ids = new SeededIds(random);
        _sqs = sqs;
        Region = region;
        AccountId = accountId;
    }

    /// <summary>Raised once per delivery to a <c>lambda</c> subscription, synchronously during <see cref="Publish"/>.</summary>
    public event Action<SnsDelivery>? LambdaDelivery;

    /// <summary>The region.</summary>
    public string Region { get; }

    /// <summary>The account id.</summary>
    public string AccountId { get; }

    /// <summary>The topics, ordered by name.</summary>
    public IReadOnlyList<SnsTopic> Topics
    {
        get
        {
            lock (_gate)
            {
                return [.. _topics.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Every delivery so far, in order (for graders).</summary>
    public IReadOnlyList<SnsDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Creates a topic, or returns the existing one of that name (what <c>CreateTopic</c> does).</summary>
    /// <param name="name">1–256 letters, digits, hyphens, underscores.</param>
    /// <returns>The topic.</returns>
    /// <exception cref="SnsException"><c>InvalidParameter</c> for a bad name (FIFO topics are not modelled).</exception>
    public SnsTopic CreateTopic(string name)
    {
        if (name is null || !TopicNamePattern().IsMatch(name))
        {
            throw SnsException.InvalidParameter("Topic Name", "Topic names must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long (the sandbox does not model FIFO topics).");
        }

        lock (_gate)
        {
            if (!_topics.TryGetValue(name, out var topic))
            {
                topic = new SnsTopic(name, $"arn:aws:sns:{Region}:{AccountId}:{name}");
                _topics.Add(name, topic);
            }

            return topic;
        }
    }

    /// <summary>A topic by ARN.</summary>
    /// <param name="topicArn">The ARN.</param>
    /// <returns>The topic.</returns>
    /// <exception cref="SnsException"><c>NotFound</c>.</exception>
    public SnsTopic GetTopic(string topicArn)
    {
        lock (_gate)
        {
            return _topics.Values.FirstOrDefault(t => t.Arn == topicArn) ?? throw SnsException.TopicNotFound();
        }
    }

    /// <summary>Subscribes an endpoint (what <c>Subscribe</c> does; sqs and lambda need no confirmation).</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="protocol"><c>sqs</c> or <c>lambda</c>.</param>
    /// <param name="endpoint">The queue ARN or function ARN.</param>
    /// <param name="rawMessageDelivery">SQS only: raw delivery. Default false.</param>
    /// <returns>The subscription (the same one when the endpoint is already subscribed).</returns>
    /// <exception cref="SnsException"><c>NotFound</c>; <c>InvalidParameter</c> for another protocol or an endpoint that is not an ARN of that kind.</exception>
    public SnsSubscription Subscribe(string topicArn, string protocol, string endpoint, bool rawMessageDelivery = false)
    {
        var topic = GetTopic(topicArn);
        var kind = endpoint?.Split(':') is { Length: > 5 } parts && parts[0] == "arn" ? parts[2] : null;
        if (protocol is not ("sqs" or "lambda"))
        {
            throw SnsException.InvalidParameter("Protocol", $"Protocol '{protocol}' is not modelled by the sandbox; use sqs or lambda.");
        }

        if (kind != protocol)
        {
            throw SnsException.InvalidParameter("Endpoint", $"An {protocol} endpoint must be an {protocol} ARN, e.g. arn:aws:{protocol}:{Region}:{AccountId}:...; got '{endpoint}'.");
        }

        if (rawMessageDelivery && protocol != "sqs")
        {
            throw SnsException.InvalidParameter("Attributes", "RawMessageDelivery applies to sqs (and http/s, firehose) subscriptions only.");
        }

        lock (topic.Gate)
        {
            var existing = topic.SubscriptionList.FirstOrDefault(s => s.Protocol == protocol && s.Endpoint == endpoint);
            if (existing is not null)
            {
                return existing;
            }

            string id;
            lock (_gate)
            {
                id = _ids.Guid();
            }

            var subscription = new SnsSubscription($"{topicArn}:{id}", topicArn, protocol, endpoint!, rawMessageDelivery);
            topic.SubscriptionList.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Publishes to a topic (what <c>Publish</c> does) and delivers to every subscription at once.</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="message">The message, 1 byte to 256 KiB.</param>
    /// <param name="subject">Optional subject: up to 100 printable ASCII characters, no line breaks.</param>
    /// <param name="messageAttributes">Up to 10 attributes; null for none.</param>
    /// <returns>The envelope (its <see cref="SnsEnvelope.MessageId"/> is what <c>Publish</c> returns).</returns>
    /// <exception cref="SnsException"><c>NotFound</c> or <c>InvalidParameter</c>.</exception>
    public SnsEnvelope Publish(string topicArn, string message, string? subject = null, IReadOnlyDictionary<string, SnsMessageAttribute>? messageAttributes = null)
    {
        var topic = GetTopic(topicArn);
        if (string.IsNullOrEmpty(message))
        {
            throw SnsException.InvalidParameter("Message", "Empty message");
        }

        if (Encoding.UTF8.GetByteCount(message) > MaximumMessageSize)
        {
            throw SnsException.InvalidParameter("Message too long", $"Message must be shorter than {MaximumMessageSize} bytes.");
        }

        if (subject is not null && (subject.Length is 0 or > 100 || subject.Any(c => c < 32 || c > 126)))
        {
            throw SnsException.InvalidParameter("Subject", "Subject must be 1 to 100 printable ASCII characters without line breaks.");
        }

        var attributes = messageAttributes ?? new Dictionary<string, SnsMessageAttribute>();
        if (attributes.Count > 10)
        {
            throw SnsException.InvalidParameter("MessageAttributes", "Number of message attributes [" + attributes.Count + "] exceeds the allowed maximum [10].");
        }

        foreach (var (name, attribute) in attributes)
        {
            if (attribute.DataType.Split('.')[0] is not ("String" or "Number" or "Binary"))
            {
                throw SnsException.InvalidParameter("MessageAttributes." + name, $"The message attribute '{name}' has an invalid message attribute type '{attribute.DataType}'. The set of supported type prefixes is Binary, Number, and String.");
            }
        }

        SnsEnvelope envelope;
        lock (_gate)
        {
            var id = _ids.Guid();
            var now = _time.GetUtcNow();
            var signature = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}\n{message}\n{subject}\n{now:O}\n{topicArn}")));
            envelope = new SnsEnvelope(id, topicArn, subject, message, now, signature,
                $"https://sns.{Region}.amazonaws.com/SimpleNotificationService-sandbox.pem",
                $"https://sns.{Region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=",
                attributes);
        }

        lock (topic.Gate)
        {
            topic.PublishedList.Add(envelope);
        }

        foreach (var subscription in topic.Subscriptions)
        {
            Deliver(subscription, envelope);
        }

        return envelope;
    }

    private void Deliver(SnsSubscription subscription, SnsEnvelope envelope)
    {
        var succeeded = true;
        if (subscription.Protocol == "sqs")
        {
            var queue = _sqs?.Queues.FirstOrDefault(q => q.Arn == subscription.Endpoint);
            if (queue is null)
            {
                succeeded = false;
            }
            else
            {
                queue.Send(subscription.RawMessageDelivery
                    ? new SqsSendRequest
                    {
                        Body = envelope.Message,
                        MessageAttributes = envelope.MessageAttributes.ToDictionary(
                            a => a.Key,
                            a => new SqsMessageAttribute(a.Value.DataType == "String.Array" ? "String" : a.Value.DataType, a.Value.StringValue, a.Value.BinaryValue)),
                    }
                    : new SqsSendRequest { Body = envelope.ToSqsBodyJson(subscription.SubscriptionArn) });
            }
        }

        var delivery = new SnsDelivery(subscription, envelope, succeeded);
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }

        if (subscription.Protocol == "lambda")
        {
            LambdaDelivery?.Invoke(delivery);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TopicNamePattern();
}
