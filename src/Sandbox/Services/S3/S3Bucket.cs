namespace Course.Sandbox.Services.S3;

/// <summary>One bucket: its objects (ordered by key, as S3 lists them) and its notification configuration.</summary>
public sealed class S3Bucket
{
    private readonly SortedDictionary<string, S3Object> _objects = new(StringComparer.Ordinal);
    private IReadOnlyList<S3NotificationRule> _notifications = [];

    internal S3Bucket(string name, string region, DateTimeOffset creationDate)
    {
        Name = name;
        Region = region;
        CreationDate = creationDate;
    }

    internal object Gate { get; } = new();

    /// <summary>The bucket name.</summary>
    public string Name { get; }

    /// <summary>The ARN, <c>arn:aws:s3:::name</c>.</summary>
    public string Arn => "arn:aws:s3:::" + Name;

    /// <summary>The region.</summary>
    public string Region { get; }

    /// <summary>When the bucket was created (virtual time).</summary>
    public DateTimeOffset CreationDate { get; }

    /// <summary>The objects, ordered by key (ordinal, as S3 lists UTF-8 keys).</summary>
    public IReadOnlyList<S3Object> Objects
    {
        get
        {
            lock (Gate)
            {
                return [.. _objects.Values];
            }
        }
    }

    /// <summary>The notification rules (empty by default). Replace them with
    /// <see cref="S3Service.PutBucketNotificationConfiguration"/>.</summary>
    public IReadOnlyList<S3NotificationRule> NotificationConfiguration
    {
        get => Volatile.Read(ref _notifications);
        internal set => Volatile.Write(ref _notifications, value);
    }

    internal SortedDictionary<string, S3Object> Store => _objects;
}
