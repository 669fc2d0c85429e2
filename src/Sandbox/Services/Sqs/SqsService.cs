using System.Globalization;
using System.Text.RegularExpressions;
using Course.Sandbox.Time;

namespace Course.Sandbox.Services.Sqs;

/// <summary>
/// The sandbox's Amazon SQS: the queues of one simulated account and region, on the simulation's virtual clock and
/// seeded random. The wire endpoint (<see cref="SqsWireService"/>) exposes it to the AWS SDK; engine code and graders
/// use it directly.
/// </summary>
public sealed partial class SqsService
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SeededIds _ids;
    private readonly Dictionary<string, SqsQueue> _queues = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Creates an empty SQS.</summary>
    /// <param name="time">The simulation's clock (never the system clock).</param>
    /// <param name="random">The simulation's seeded random (message ids, receipt handles).</param>
    /// <param name="region">The region in URLs and ARNs. Default <c>us-east-1</c>.</param>
    /// <param name="accountId">The account id in URLs and ARNs. Default <c>123456789012</c>.</param>
    public SqsService(TimeProvider time, Random random, string region = "us-east-1", string accountId = "123456789012")
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        _time = time;
        _ids = new SeededIds(random);
        Region = region;
        AccountId = accountId;
        lock (random)
        {
            _sequence = 18_000_000_000_000_000 + random.NextInt64(1_000_000_000);
        }
    }

    /// <summary>The region, e.g. <c>us-east-1</c>.</summary>
    public string Region { get; }

    /// <summary>The account id, e.g. <c>123456789012</c>.</summary>
    public string AccountId { get; }

    /// <summary>The queues, in creation order.</summary>
    public IReadOnlyList<SqsQueue> Queues
    {
        get
        {
            lock (_gate)
            {
                return [.. _queues.Values.OrderBy(q => q.CreatedTimestamp)];
            }
        }
    }

    /// <summary>
    /// Creates a queue, or returns the existing one when it has the same attributes (what <c>CreateQueue</c> does).
    /// </summary>
    /// <param name="name">1–80 letters, digits, hyphens and underscores; FIFO queues end in <c>.fifo</c>.</param>
    /// <param name="attributes">The <c>Attributes</c> map (e.g. <c>VisibilityTimeout</c>, <c>RedrivePolicy</c>,
    /// <c>FifoQueue</c>); null for defaults.</param>
    /// <returns>The queue.</returns>
    /// <exception cref="SqsException"><c>InvalidParameterValue</c> for a bad name; <c>InvalidAttributeName</c>/<c>InvalidAttributeValue</c>;
    /// <c>QueueNameExists</c> when a queue of that name has different attributes.</exception>
    public SqsQueue CreateQueue(string name, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var parsed = SqsQueueAttributes.Parse(attributes);
        var fifoName = name?.EndsWith(".fifo", StringComparison.Ordinal) == true;
        var baseName = fifoName ? name![..^5] : name;
        if (string.IsNullOrEmpty(name) || name.Length > 80 || !QueueNamePattern().IsMatch(baseName!))
        {
            throw SqsException.InvalidParameter("QueueName", name ?? string.Empty,
                "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length (FIFO names end in .fifo).");
        }

        if (fifoName != parsed.FifoQueue)
        {
            throw SqsException.InvalidParameter("QueueName", name,
                "The name of a FIFO queue must end with the .fifo suffix and the queue needs the attribute FifoQueue=true; a standard queue's name must not end with .fifo.");
        }

        if (!parsed.FifoQueue && parsed.ContentBasedDeduplication)
        {
            throw SqsException.InvalidAttributeValue("ContentBasedDeduplication", "true", "Only FIFO queues support ContentBasedDeduplication.");
        }

        if (parsed.RedrivePolicy is { } policy)
        {
            var target = FindByArn(policy.DeadLetterTargetArn)
                ?? throw SqsException.InvalidParameter("RedrivePolicy", policy.DeadLetterTargetArn, "Dead letter target does not exist.");
            if (target.IsFifo != parsed.FifoQueue)
            {
                throw SqsException.InvalidParameter("RedrivePolicy", policy.DeadLetterTargetArn,
                    "Dead-letter queue must be the same type (standard or FIFO) as the source queue.");
            }
        }

        lock (_gate)
        {
            if (_queues.TryGetValue(name, out var existing))
            {
                if (existing.Attributes != parsed)
                {
                    throw new SqsException("QueueNameExists", "A queue already exists with the same name and a different value for an attribute.");
                }

                return existing;
            }

            var queue = new SqsQueue(this, name,
                $"https://sqs.{Region}.amazonaws.com/{AccountId}/{name}",
                $"arn:aws:sqs:{Region}:{AccountId}:{name}", parsed, _time, _ids);
            _queues.Add(name, queue);
            return queue;
        }
    }

    /// <summary>The URL of a queue by name (what <c>GetQueueUrl</c> does).</summary>
    /// <param name="name">The queue name.</param>
    /// <returns>The URL.</returns>
    /// <exception cref="SqsException"><c>QueueDoesNotExist</c>.</exception>
    public string GetQueueUrl(string name) => GetQueueByName(name).Url;

    /// <summary>A queue by name.</summary>
    /// <param name="name">The queue name.</param>
    /// <returns>The queue.</returns>
    /// <exception cref="SqsException"><c>QueueDoesNotExist</c>.</exception>
    public SqsQueue GetQueueByName(string name)
    {
        lock (_gate)
        {
            return name is not null && _queues.TryGetValue(name, out var queue) ? queue : throw SqsException.QueueDoesNotExist();
        }
    }

    /// <summary>A queue by URL (the last path segment names it; the account segment must match).</summary>
    /// <param name="queueUrl">The URL, as <c>CreateQueue</c>/<c>GetQueueUrl</c> returned it.</param>
    /// <returns>The queue.</returns>
    /// <exception cref="SqsException"><c>QueueDoesNotExist</c> (also for a malformed URL).</exception>
    public SqsQueue GetQueue(string queueUrl)
    {
        if (string.IsNullOrEmpty(queueUrl))
        {
            throw SqsException.MissingParameter("QueueUrl");
        }

        var segments = queueUrl.TrimEnd('/').Split('/');
        if (segments.Length < 2 || segments[^2] != AccountId)
        {
            throw SqsException.QueueDoesNotExist();
        }

        return GetQueueByName(segments[^1]);
    }

    /// <summary>Deletes a queue (what <c>DeleteQueue</c> does).</summary>
    /// <param name="queueUrl">The queue URL.</param>
    /// <exception cref="SqsException"><c>QueueDoesNotExist</c>.</exception>
    public void DeleteQueue(string queueUrl)
    {
        var queue = GetQueue(queueUrl);
        lock (_gate)
        {
            _queues.Remove(queue.Name);
        }
    }

    internal SqsQueue? FindByArn(string arn)
    {
        lock (_gate)
        {
            return _queues.Values.FirstOrDefault(q => q.Arn == arn);
        }
    }

    internal string NextSequenceNumber() =>
        "1" + Interlocked.Increment(ref _sequence).ToString("D19", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex QueueNamePattern();
}
