using System.Text.Json.Nodes;
using Course.Sandbox.Services.DynamoDb.Streams;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// One table: key schema, items ordered by partition key then sort key, and the optional stream.
/// Every write goes through <see cref="Write"/>, which appends a stream record when the item changed.
/// </summary>
internal sealed class DynamoTable
{
    private static readonly DynamoValue NoSortKey = DynamoValue.Null();

    private readonly SortedDictionary<DynamoValue, SortedDictionary<DynamoValue, Dictionary<string, DynamoValue>>> _partitions =
        new(KeyComparer.Instance);

    public DynamoTable(string name, string arn, string tableId, DateTimeOffset created, string hashKey, DynamoType hashType,
        string? rangeKey, DynamoType rangeType, JsonArray attributeDefinitions, JsonArray keySchema, DynamoDbStream? stream)
    {
        Name = name;
        Arn = arn;
        TableId = tableId;
        Created = created;
        HashKey = hashKey;
        HashType = hashType;
        RangeKey = rangeKey;
        RangeType = rangeType;
        AttributeDefinitions = attributeDefinitions;
        KeySchema = keySchema;
        Stream = stream;
        StreamEnabled = stream is not null;
    }

    public string Name { get; }

    public string Arn { get; }

    public string TableId { get; }

    public DateTimeOffset Created { get; }

    public string HashKey { get; }

    public DynamoType HashType { get; }

    public string? RangeKey { get; }

    public DynamoType RangeType { get; }

    public JsonArray AttributeDefinitions { get; }

    public JsonArray KeySchema { get; }

    /// <summary>The latest stream (still readable for 24 hours after it is disabled), or null if never enabled.</summary>
    public DynamoDbStream? Stream { get; set; }

    /// <summary>Whether writes are recorded on <see cref="Stream"/>.</summary>
    public bool StreamEnabled { get; set; }

    public string BillingMode { get; set; } = "PROVISIONED";

    public long ReadCapacity { get; set; }

    public long WriteCapacity { get; set; }

    public int ItemCount { get; private set; }

    public long SizeBytes => _partitions.Values.SelectMany(p => p.Values).Sum(i => (long)DynamoValue.ItemSize(i));

    public bool IsKeyAttribute(string name) => name == HashKey || name == RangeKey;

    /// <summary>Reads a <c>Key</c> parameter: exactly the key attributes, with the schema's types.</summary>
    public Dictionary<string, DynamoValue> ValidateKey(Dictionary<string, DynamoValue> key)
    {
        var expected = RangeKey is null ? 1 : 2;
        if (key.Count != expected
            || !key.TryGetValue(HashKey, out var hash) || hash.Type != HashType
            || (RangeKey is not null && (!key.TryGetValue(RangeKey, out var range) || range.Type != RangeType)))
        {
            throw DynamoDbErrors.KeyMismatch();
        }

        foreach (var (name, value) in key)
        {
            CheckNotEmpty(name, value);
        }

        return key;
    }

    /// <summary>Checks that an item to put carries the key attributes with the right types.</summary>
    public void ValidateItem(Dictionary<string, DynamoValue> item)
    {
        foreach (var (name, type) in KeyAttributes())
        {
            if (!item.TryGetValue(name, out var value))
            {
                throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Missing the key {name} in the item");
            }

            if (value.Type != type)
            {
                throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Type mismatch for key {name} expected: {type} actual: {value.Type}");
            }

            CheckNotEmpty(name, value);
        }

        if (DynamoValue.ItemSize(item) > 400 * 1024)
        {
            throw DynamoDbErrors.Validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static void CheckNotEmpty(string name, DynamoValue value)
    {
        if ((value.Type == DynamoType.S && value.Text!.Length == 0) || (value.Type == DynamoType.B && value.Bytes!.Length == 0))
        {
            throw DynamoDbErrors.Validation($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {(value.Type == DynamoType.S ? "string" : "binary")} value. Key: {name}");
        }
    }

    public IEnumerable<(string Name, DynamoType Type)> KeyAttributes()
    {
        yield return (HashKey, HashType);
        if (RangeKey is not null)
        {
            yield return (RangeKey, RangeType);
        }
    }

    /// <summary>The key attributes of an item.</summary>
    public Dictionary<string, DynamoValue> KeyOf(Dictionary<string, DynamoValue> item)
    {
        var key = new Dictionary<string, DynamoValue>(StringComparer.Ordinal) { [HashKey] = item[HashKey] };
        if (RangeKey is not null)
        {
            key[RangeKey] = item[RangeKey];
        }

        return key;
    }

    public Dictionary<string, DynamoValue>? Get(Dictionary<string, DynamoValue> key) =>
        _partitions.TryGetValue(key[HashKey], out var partition) && partition.TryGetValue(SortValue(key), out var item) ? item : null;

    private DynamoValue SortValue(Dictionary<string, DynamoValue> item) => RangeKey is null ? NoSortKey : item[RangeKey];

    /// <summary>Stores <paramref name="newItem"/> (or deletes the item when null) and records the change on the stream.</summary>
    public void Write(Dictionary<string, DynamoValue> key, Dictionary<string, DynamoValue>? newItem)
    {
        var old = Get(key);
        if (old is null && newItem is null)
        {
            return;
        }

        if (old is not null && newItem is not null && DynamoValue.ItemsEqual(old, newItem))
        {
            return; // DynamoDB writes no stream record when nothing changed.
        }

        var hash = key[HashKey];
        if (newItem is null)
        {
            var partition = _partitions[hash];
            partition.Remove(SortValue(key));
            if (partition.Count == 0)
            {
                _partitions.Remove(hash);
            }

            ItemCount--;
        }
        else
        {
            if (!_partitions.TryGetValue(hash, out var partition))
            {
                partition = new SortedDictionary<DynamoValue, Dictionary<string, DynamoValue>>(KeyComparer.Instance);
                _partitions[hash] = partition;
            }

            if (old is null)
            {
                ItemCount++;
            }

            partition[SortValue(key)] = newItem;
        }

        if (StreamEnabled)
        {
            Stream?.Append(old is null ? "INSERT" : newItem is null ? "REMOVE" : "MODIFY", KeyOf(newItem ?? old!), old, newItem);
        }
    }

    /// <summary>All items, partition by partition (partition keys in key order), sort keys ascending.</summary>
    public IEnumerable<Dictionary<string, DynamoValue>> All() => _partitions.Values.SelectMany(p => p.Values);

    /// <summary>The items of one partition, sort keys ascending or descending.</summary>
    public IEnumerable<Dictionary<string, DynamoValue>> Partition(DynamoValue hash, bool forward) =>
        _partitions.TryGetValue(hash, out var partition)
            ? (forward ? partition.Values : partition.Values.Reverse())
            : [];
}
