using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Services.Wire;
using Course.Sandbox.Time;

namespace Course.Sandbox.Services.S3;

/// <summary>
/// The sandbox's Amazon S3: buckets and objects of one simulated account, on the simulation's virtual clock.
/// Writes and deletes raise notifications (<see cref="NotificationRaised"/>) for the rules configured on the bucket,
/// so an event source can invoke Lambda asynchronously with the <see cref="S3Notification.ToEventJson"/> record;
/// rules targeting an SQS queue or SNS topic are delivered there directly when those services are given.
/// The wire endpoint (<see cref="S3WireService"/>) exposes it to AWSSDK.S3; engine code and graders use it directly.
/// </summary>
public sealed partial class S3Service
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SeededIds _ids;
    private readonly Dictionary<string, S3Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly List<S3Notification> _notifications = [];
    private readonly SqsService? _sqs;
    private readonly SnsService? _sns;
    private long _sequencer;

    /// <summary>Creates an empty S3.</summary>
    /// <param name="time">The simulation's clock (never the system clock).</param>
    /// <param name="random">The simulation's seeded random (request ids, sequencers).</param>
    /// <param name="region">The region. Default <c>us-east-1</c>.</param>
    /// <param name="sqs">When given, rules whose target is an SQS queue deliver the event document into that queue
    /// (as S3 does), and such rules are validated against its queues. Null (the default): only
    /// <see cref="NotificationRaised"/> carries them.</param>
    /// <param name="sns">Likewise for SNS topic targets (published with subject <c>Amazon S3 Notification</c>).</param>
    public S3Service(TimeProvider time, Random random, string region = "us-east-1", SqsService? sqs = null, SnsService? sns = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        _time = time;
        _ids = new SeededIds(random);
        _sqs = sqs;
        _sns = sns;
        Region = region;
        lock (random)
        {
            _sequencer = 0x0060000000000000L + random.NextInt64(0x0000FFFFFFFFFFFFL);
        }
    }

    /// <summary>Raised once per (event, matching rule), synchronously, after the write or delete took effect.</summary>
    public event Action<S3Notification>? NotificationRaised;

    /// <summary>The region, e.g. <c>us-east-1</c>.</summary>
    public string Region { get; }

    /// <summary>The buckets, ordered by name.</summary>
    public IReadOnlyList<S3Bucket> Buckets
    {
        get
        {
            lock (_gate)
            {
                return [.. _buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Every notification raised so far, in order (for graders).</summary>
    public IReadOnlyList<S3Notification> Notifications
    {
        get
        {
            lock (_gate)
            {
                return [.. _notifications];
            }
        }
    }

    /// <summary>Creates a bucket (what <c>CreateBucket</c> does).</summary>
    /// <param name="name">3–63 characters: lower-case letters, digits, dots, hyphens; starts and ends with a letter or digit.</param>
    /// <returns>The bucket.</returns>
    /// <exception cref="S3Exception"><c>InvalidBucketName</c>; <c>BucketAlreadyOwnedByYou</c> (409) when it exists.</exception>
    public S3Bucket CreateBucket(string name)
    {
        if (name is null || !BucketNamePattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
        {
            throw new S3Exception("InvalidBucketName", "The specified bucket is not valid.", HttpStatusCode.BadRequest, name);
        }

        lock (_gate)
        {
            if (_buckets.ContainsKey(name))
            {
                throw new S3Exception("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", HttpStatusCode.Conflict, name);
            }

            var bucket = new S3Bucket(name, Region, _time.GetUtcNow());
            _buckets.Add(name, bucket);
            return bucket;
        }
    }

    /// <summary>A bucket by name.</summary>
    /// <param name="name">The bucket name.</param>
    /// <returns>The bucket.</returns>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c> (404).</exception>
    public S3Bucket GetBucket(string name)
    {
        lock (_gate)
        {
            return name is not null && _buckets.TryGetValue(name, out var bucket) ? bucket : throw S3Exception.NoSuchBucket(name ?? string.Empty);
        }
    }

    /// <summary>Deletes an empty bucket (what <c>DeleteBucket</c> does).</summary>
    /// <param name="name">The bucket name.</param>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c>; <c>BucketNotEmpty</c> (409).</exception>
    public void DeleteBucket(string name)
    {
        var bucket = GetBucket(name);
        lock (_gate)
        {
            if (bucket.Objects.Count > 0)
            {
                throw new S3Exception("BucketNotEmpty", "The bucket you tried to delete is not empty", HttpStatusCode.Conflict, name);
            }

            _buckets.Remove(name);
        }
    }

    /// <summary>Writes an object (what <c>PutObject</c> does) and raises <c>ObjectCreated:Put</c>.</summary>
    /// <param name="bucketName">The bucket.</param>
    /// <param name="key">The key, 1–1,024 bytes of UTF-8.</param>
    /// <param name="content">The bytes (copied).</param>
    /// <param name="contentType">The content type; null stores S3's default <c>binary/octet-stream</c>.</param>
    /// <param name="metadata">User metadata; names are stored lower-case.</param>
    /// <param name="checksum">An additional checksum the uploader sent and S3 verified, or null.</param>
    /// <returns>The stored object.</returns>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c>; <c>KeyTooLongError</c>.</exception>
    public S3Object PutObject(string bucketName, string key, ReadOnlySpan<byte> content, string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null, (string Algorithm, string Value)? checksum = null)
    {
        var bucket = GetBucket(bucketName);
        ValidateKey(key);
        var bytes = content.ToArray();
        var now = _time.GetUtcNow();
        var stored = new S3Object(key, bytes, string.IsNullOrEmpty(contentType) ? "binary/octet-stream" : contentType,
            (metadata ?? new Dictionary<string, string>()).ToDictionary(m => m.Key.ToLowerInvariant(), m => m.Value, StringComparer.Ordinal),
            now, "\"" + Convert.ToHexStringLower(MD5.HashData(bytes)) + "\"", checksum);
        lock (bucket.Gate)
        {
            bucket.Store[key] = stored;
        }

        Raise(bucket, "ObjectCreated:Put", key, stored.Size, stored.ETag.Trim('"'), now);
        return stored;
    }

    /// <summary>Writes a UTF-8 text object, like the byte overload (raises <c>ObjectCreated:Put</c>).</summary>
    /// <param name="bucketName">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="text">The text.</param>
    /// <param name="contentType">The content type. Default <c>text/plain</c>.</param>
    /// <returns>The stored object.</returns>
    public S3Object PutObject(string bucketName, string key, string text, string contentType = "text/plain") =>
        PutObject(bucketName, key, Encoding.UTF8.GetBytes(text ?? string.Empty), contentType);

    /// <summary>Copies an object (what <c>CopyObject</c> does) and raises <c>ObjectCreated:Copy</c> on the target bucket.</summary>
    /// <param name="sourceBucket">The source bucket.</param>
    /// <param name="sourceKey">The source key.</param>
    /// <param name="bucketName">The target bucket.</param>
    /// <param name="key">The target key.</param>
    /// <param name="contentType">With metadata directive REPLACE: the new content type; null keeps the source's.</param>
    /// <param name="metadata">With metadata directive REPLACE: the new metadata; null keeps the source's (COPY, the default).</param>
    /// <returns>The new object.</returns>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c>, <c>NoSuchKey</c>; <c>InvalidRequest</c> when copying an
    /// object onto itself without changing anything.</exception>
    public S3Object CopyObject(string sourceBucket, string sourceKey, string bucketName, string key, string? contentType = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var source = GetObject(sourceBucket, sourceKey);
        var bucket = GetBucket(bucketName);
        ValidateKey(key);
        if (sourceBucket == bucketName && sourceKey == key && contentType is null && metadata is null)
        {
            throw new S3Exception("InvalidRequest", "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.", HttpStatusCode.BadRequest);
        }

        var now = _time.GetUtcNow();
        var copy = new S3Object(key, source.RawContent, contentType ?? source.ContentType, metadata ?? source.Metadata, now, source.ETag, source.Checksum);
        lock (bucket.Gate)
        {
            bucket.Store[key] = copy;
        }

        Raise(bucket, "ObjectCreated:Copy", key, copy.Size, copy.ETag.Trim('"'), now);
        return copy;
    }

    /// <summary>Reads an object (what <c>GetObject</c> does).</summary>
    /// <param name="bucketName">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <returns>The object.</returns>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c> or <c>NoSuchKey</c> (404).</exception>
    public S3Object GetObject(string bucketName, string key)
    {
        var bucket = GetBucket(bucketName);
        lock (bucket.Gate)
        {
            return bucket.Store.TryGetValue(key, out var value) ? value : throw S3Exception.NoSuchKey(key);
        }
    }

    /// <summary>Deletes an object (what <c>DeleteObject</c> does: succeeds also when the key is absent). Raises
    /// <c>ObjectRemoved:Delete</c> when an object was removed.</summary>
    /// <param name="bucketName">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <returns>True when an object was removed.</returns>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c>.</exception>
    public bool DeleteObject(string bucketName, string key)
    {
        var bucket = GetBucket(bucketName);
        bool removed;
        lock (bucket.Gate)
        {
            removed = bucket.Store.Remove(key);
        }

        if (removed)
        {
            Raise(bucket, "ObjectRemoved:Delete", key, null, null, _time.GetUtcNow());
        }

        return removed;
    }

    /// <summary>Replaces a bucket's notification rules (what <c>PutBucketNotificationConfiguration</c> does).</summary>
    /// <param name="bucketName">The bucket.</param>
    /// <param name="rules">The rules; empty turns notifications off.</param>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c>; <c>InvalidArgument</c> for an unknown event type, a rule
    /// without a target, or two rules whose filters overlap for the same event type.</exception>
    public void PutBucketNotificationConfiguration(string bucketName, IReadOnlyList<S3NotificationRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var bucket = GetBucket(bucketName);
        foreach (var rule in rules)
        {
            if (string.IsNullOrEmpty(rule.TargetArn) || rule.TargetKind is not ("lambda" or "sqs" or "sns"))
            {
                throw S3Exception.InvalidArgument($"Unable to validate the following destination configurations: '{rule.TargetArn}' is not a Lambda function, SQS queue or SNS topic ARN.");
            }

            if ((rule.TargetKind == "sqs" && _sqs is not null && !_sqs.Queues.Any(q => q.Arn == rule.TargetArn))
                || (rule.TargetKind == "sns" && _sns is not null && !_sns.Topics.Any(t => t.Arn == rule.TargetArn)))
            {
                throw S3Exception.InvalidArgument($"Unable to validate the following destination configurations: '{rule.TargetArn}' does not exist.");
            }

            foreach (var e in rule.Events)
            {
                var name = e.StartsWith("s3:", StringComparison.Ordinal) ? e[3..] : e;
                if (name is not ("ObjectCreated:*" or "ObjectCreated:Put" or "ObjectCreated:Post" or "ObjectCreated:Copy"
                    or "ObjectCreated:CompleteMultipartUpload" or "ObjectRemoved:*" or "ObjectRemoved:Delete" or "ObjectRemoved:DeleteMarkerCreated"))
                {
                    throw S3Exception.InvalidArgument($"The event is not supported for notifications: '{e}'. Use e.g. s3:ObjectCreated:* or s3:ObjectRemoved:Delete.");
                }
            }
        }

        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                if (Overlap(rules[i], rules[j]))
                {
                    throw S3Exception.InvalidArgument("Configurations overlap. Configurations on the same bucket cannot share a common event type.");
                }
            }
        }

        var ids = 0;
        bucket.NotificationConfiguration = rules
            .Select(r => string.IsNullOrEmpty(r.Id) ? r with { Id = "notification-" + (++ids).ToString(CultureInfo.InvariantCulture) } : r)
            .ToList();
    }

    internal string NewRequestId()
    {
        lock (_gate)
        {
            return _ids.Hex(16, upper: true);
        }
    }

    private static bool Overlap(S3NotificationRule a, S3NotificationRule b)
    {
        static string Norm(string e) => e.StartsWith("s3:", StringComparison.Ordinal) ? e[3..] : e;
        static bool Covers(string x, string y) => x == y || (x.EndsWith(":*", StringComparison.Ordinal) && y.StartsWith(x[..^1], StringComparison.Ordinal));
        var events = a.Events.Select(Norm).Any(x => b.Events.Select(Norm).Any(y => Covers(x, y) || Covers(y, x)));
        static bool Compatible(string? p, string? q) => p is null || q is null || p.StartsWith(q, StringComparison.Ordinal) || q.StartsWith(p, StringComparison.Ordinal);
        static bool CompatibleSuffix(string? p, string? q) => p is null || q is null || p.EndsWith(q, StringComparison.Ordinal) || q.EndsWith(p, StringComparison.Ordinal);
        return events && Compatible(a.Prefix, b.Prefix) && CompatibleSuffix(a.Suffix, b.Suffix);
    }

    private static void ValidateKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw S3Exception.InvalidArgument("An object key must not be empty.");
        }

        if (Encoding.UTF8.GetByteCount(key) > 1024)
        {
            throw new S3Exception("KeyTooLongError", "Your key is too long", HttpStatusCode.BadRequest, key);
        }
    }

    private void Raise(S3Bucket bucket, string eventName, string key, long? size, string? eTag, DateTimeOffset now)
    {
        var matching = bucket.NotificationConfiguration.Where(r => r.Matches(eventName, key)).ToList();
        if (matching.Count == 0)
        {
            return;
        }

        var sequencer = Interlocked.Increment(ref _sequencer).ToString("X18", CultureInfo.InvariantCulture);
        var requestId = NewRequestId();
        var raised = matching.Select(rule => new S3Notification(rule, eventName, now, Region, bucket.Name, key, size, eTag, sequencer, requestId)).ToList();
        lock (_gate)
        {
            _notifications.AddRange(raised);
        }

        foreach (var notification in raised)
        {
            Deliver(notification);
            NotificationRaised?.Invoke(notification);
        }
    }

    private void Deliver(S3Notification notification)
    {
        var target = notification.Rule.TargetArn;
        if (notification.Rule.TargetKind == "sqs" && _sqs?.Queues.FirstOrDefault(q => q.Arn == target) is { } queue)
        {
            queue.Send(new SqsSendRequest { Body = notification.ToEventJson() });
        }
        else if (notification.Rule.TargetKind == "sns" && _sns?.Topics.FirstOrDefault(t => t.Arn == target) is not null)
        {
            _sns.Publish(target, notification.ToEventJson(), "Amazon S3 Notification");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketNamePattern();
}
