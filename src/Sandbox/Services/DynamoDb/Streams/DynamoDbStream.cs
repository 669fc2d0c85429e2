using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Course.Sandbox.Services.DynamoDb.Streams;

/// <summary>
/// A table's DynamoDB stream: each change to an item becomes a <see cref="DynamoDbStreamRecord"/> in the shard
/// chosen by a stable hash of the item's partition key, so changes to one key stay in order in one shard (DDB_01).
/// Records are kept for 24 hours (by the service's clock) and then dropped. Readers call <see cref="GetRecords"/>
/// with a <see cref="StreamPosition"/> per shard; the stream never pushes. Thread-safe.
/// </summary>
public sealed class DynamoDbStream
{
    /// <summary>How long a record stays readable: 24 hours, as on AWS.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly TimeProvider _time;
    private readonly string _region;
    private readonly List<DynamoDbStreamRecord>[] _shards;
    private readonly Lock _gate = new();
    private long _sequence;

    internal DynamoDbStream(TimeProvider time, string region, string tableName, string tableArn, string viewType, int shardCount)
    {
        _time = time;
        _region = region;
        TableName = tableName;
        ViewType = viewType;
        StreamLabel = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        StreamArn = $"{tableArn}/stream/{StreamLabel}";
        _shards = new List<DynamoDbStreamRecord>[shardCount];
        var ids = new string[shardCount];
        var created = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < shardCount; i++)
        {
            _shards[i] = [];
            ids[i] = $"shardId-{created:D20}-{i:D8}";
        }

        ShardIds = ids;
    }

    /// <summary>The table the stream belongs to.</summary>
    public string TableName { get; }

    /// <summary>The stream's ARN: <c>arn:aws:dynamodb:{region}:{account}:table/{name}/stream/{label}</c>.</summary>
    public string StreamArn { get; }

    /// <summary>The stream label (creation time, <c>yyyy-MM-ddTHH:mm:ss.fff</c>).</summary>
    public string StreamLabel { get; }

    /// <summary>KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
    public string ViewType { get; }

    /// <summary>The shard ids, in a fixed order.</summary>
    public IReadOnlyList<string> ShardIds { get; }

    /// <summary>Total records currently retained, over all shards.</summary>
    public int RetainedCount
    {
        get
        {
            lock (_gate)
            {
                Trim();
                return _shards.Sum(s => s.Count);
            }
        }
    }

    /// <summary>A position at the oldest retained record of a shard (TRIM_HORIZON).</summary>
    public StreamPosition TrimHorizon(string shardId) => new(Shard(shardId).Id, null);

    /// <summary>A position after the newest record of a shard (LATEST): only later changes will be read.</summary>
    public StreamPosition Latest(string shardId)
    {
        lock (_gate)
        {
            var (id, records) = Shard(shardId);
            return new StreamPosition(id, records.Count == 0 ? SequenceText(_sequence) : records[^1].SequenceNumber);
        }
    }

    /// <summary>
    /// Reads up to <paramref name="limit"/> records after <paramref name="position"/> in its shard, oldest first.
    /// Records older than 24 hours are gone.
    /// </summary>
    /// <exception cref="ArgumentException">The shard id is not one of this stream's shards, or the limit is not 1–10,000.</exception>
    public StreamReadResult GetRecords(StreamPosition position, int limit = 1000)
    {
        if (limit is < 1 or > 10_000)
        {
            throw new ArgumentException($"limit {limit} must be between 1 and 10000.", nameof(limit));
        }

        lock (_gate)
        {
            Trim();
            var (_, records) = Shard(position.ShardId);
            var start = 0;
            if (position.AfterSequenceNumber is { } after)
            {
                while (start < records.Count && string.CompareOrdinal(records[start].SequenceNumber, after) <= 0)
                {
                    start++;
                }
            }

            var batch = records.Skip(start).Take(limit).ToList();
            var next = batch.Count == 0 ? position : position with { AfterSequenceNumber = batch[^1].SequenceNumber };
            return new StreamReadResult(batch, next);
        }
    }

    internal void Append(string eventName, Dictionary<string, DynamoValue> keys, Dictionary<string, DynamoValue>? oldImage, Dictionary<string, DynamoValue>? newImage)
    {
        lock (_gate)
        {
            AppendLocked(eventName, keys, oldImage, newImage);
        }
    }

    private void AppendLocked(string eventName, Dictionary<string, DynamoValue> keys, Dictionary<string, DynamoValue>? oldImage, Dictionary<string, DynamoValue>? newImage)
    {
        Trim();
        var now = _time.GetUtcNow();
        _sequence++;
        var sequenceNumber = SequenceText(_sequence);
        var withNew = ViewType is "NEW_IMAGE" or "NEW_AND_OLD_IMAGES";
        var withOld = ViewType is "OLD_IMAGE" or "NEW_AND_OLD_IMAGES";
        var newPart = withNew ? newImage : null;
        var oldPart = withOld ? oldImage : null;
        var size = DynamoValue.ItemSize(keys) + (newPart is null ? 0 : DynamoValue.ItemSize(newPart)) + (oldPart is null ? 0 : DynamoValue.ItemSize(oldPart));
        var shard = ShardIndex(keys.Values.First());
        var record = new DynamoDbStreamRecord(
            EventIdFor(sequenceNumber), eventName, _region, now, keys, newPart is null ? null : DynamoValue.CloneItem(newPart),
            oldPart is null ? null : DynamoValue.CloneItem(oldPart), sequenceNumber, size, ViewType, StreamArn, ShardIds[shard]);
        _shards[shard].Add(record);
        Appended?.Invoke(record);
    }

    /// <summary>Raised after a record is appended; event-source pollers use it to wake from idle.</summary>
    internal event Action<DynamoDbStreamRecord>? Appended;

    private void Trim()
    {
        var oldest = _time.GetUtcNow() - Retention;
        foreach (var shard in _shards)
        {
            var expired = 0;
            while (expired < shard.Count && shard[expired].ApproximateCreationDateTime < oldest)
            {
                expired++;
            }

            shard.RemoveRange(0, expired);
        }
    }

    private (string Id, List<DynamoDbStreamRecord> Records) Shard(string shardId)
    {
        for (var i = 0; i < ShardIds.Count; i++)
        {
            if (ShardIds[i] == shardId)
            {
                return (shardId, _shards[i]);
            }
        }

        throw new ArgumentException($"Shard '{shardId}' is not a shard of stream {StreamArn}; its shards are: {string.Join(", ", ShardIds)}.", nameof(shardId));
    }

    /// <summary>Stable across runs and processes (FNV-1a over the key's type and bytes), unlike string.GetHashCode.</summary>
    private int ShardIndex(DynamoValue partitionKey)
    {
        var bytes = partitionKey.Type == DynamoType.B ? partitionKey.Bytes! : Encoding.UTF8.GetBytes(partitionKey.Type + ":" + partitionKey.Text);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (int)(hash % (ulong)_shards.Length);
    }

    /// <summary>Numeric, strictly increasing, fixed width (so text order is numeric order).</summary>
    private static string SequenceText(long n) => "1" + n.ToString("D24", CultureInfo.InvariantCulture);

    private string EventIdFor(string sequenceNumber) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StreamArn + "/" + sequenceNumber)).AsSpan(0, 16));
}
