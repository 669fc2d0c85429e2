using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Sandbox.Services.DynamoDb.Streams;

/// <summary>
/// One change to one item, as DynamoDB Streams records it. <see cref="ToLambdaEventJson"/> writes the record
/// exactly as Lambda delivers it inside a DynamoDB event (<c>{"Records":[…]}</c>, see <see cref="ToLambdaEvent"/>).
/// </summary>
public sealed class DynamoDbStreamRecord
{
    private readonly Dictionary<string, DynamoValue> _keys;
    private readonly Dictionary<string, DynamoValue>? _newImage;
    private readonly Dictionary<string, DynamoValue>? _oldImage;

    internal DynamoDbStreamRecord(string eventId, string eventName, string awsRegion, DateTimeOffset approximateCreationDateTime,
        Dictionary<string, DynamoValue> keys, Dictionary<string, DynamoValue>? newImage, Dictionary<string, DynamoValue>? oldImage,
        string sequenceNumber, int sizeBytes, string streamViewType, string eventSourceArn, string shardId)
    {
        EventId = eventId;
        EventName = eventName;
        AwsRegion = awsRegion;
        ApproximateCreationDateTime = approximateCreationDateTime;
        _keys = keys;
        _newImage = newImage;
        _oldImage = oldImage;
        SequenceNumber = sequenceNumber;
        SizeBytes = sizeBytes;
        StreamViewType = streamViewType;
        EventSourceArn = eventSourceArn;
        ShardId = shardId;
    }

    /// <summary>A unique id of the record (32 hex digits, derived from the stream and sequence number).</summary>
    public string EventId { get; }

    /// <summary>INSERT, MODIFY or REMOVE.</summary>
    public string EventName { get; }

    /// <summary>Always <c>1.1</c>.</summary>
    public string EventVersion => "1.1";

    /// <summary>Always <c>aws:dynamodb</c>.</summary>
    public string EventSource => "aws:dynamodb";

    /// <summary>The table's region.</summary>
    public string AwsRegion { get; }

    /// <summary>When the change happened, on the service's clock (written to JSON as whole epoch seconds).</summary>
    public DateTimeOffset ApproximateCreationDateTime { get; }

    /// <summary>Numeric, strictly increasing within the stream.</summary>
    public string SequenceNumber { get; }

    /// <summary>Approximate size of keys and images in bytes.</summary>
    public int SizeBytes { get; }

    /// <summary>KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
    public string StreamViewType { get; }

    /// <summary>The stream ARN.</summary>
    public string EventSourceArn { get; }

    /// <summary>The shard the record is in.</summary>
    public string ShardId { get; }

    /// <summary>The item's key attributes as DynamoDB JSON (a fresh copy).</summary>
    public JsonObject Keys => DynamoValue.ItemToJson(_keys);

    /// <summary>The item after the change, when the view type includes it and the item exists; otherwise null.</summary>
    public JsonObject? NewImage => _newImage is null ? null : DynamoValue.ItemToJson(_newImage);

    /// <summary>The item before the change, when the view type includes it and the item existed; otherwise null.</summary>
    public JsonObject? OldImage => _oldImage is null ? null : DynamoValue.ItemToJson(_oldImage);

    /// <summary>This record as one element of a Lambda DynamoDB event's <c>Records</c> array.</summary>
    public JsonObject ToLambdaEventJson()
    {
        var dynamodb = new JsonObject
        {
            ["ApproximateCreationDateTime"] = ApproximateCreationDateTime.ToUnixTimeSeconds(),
            ["Keys"] = Keys,
        };
        if (NewImage is { } newImage)
        {
            dynamodb["NewImage"] = newImage;
        }

        if (OldImage is { } oldImage)
        {
            dynamodb["OldImage"] = oldImage;
        }

        dynamodb["SequenceNumber"] = SequenceNumber;
        dynamodb["SizeBytes"] = SizeBytes;
        dynamodb["StreamViewType"] = StreamViewType;
        return new JsonObject
        {
            ["eventID"] = EventId,
            ["eventName"] = EventName,
            ["eventVersion"] = EventVersion,
            ["eventSource"] = EventSource,
            ["awsRegion"] = AwsRegion,
            ["dynamodb"] = dynamodb,
            ["eventSourceARN"] = EventSourceArn,
        };
    }

    /// <summary>The JSON of a Lambda DynamoDB event holding these records: <c>{"Records":[…]}</c>.</summary>
    public static string ToLambdaEvent(IEnumerable<DynamoDbStreamRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var array = new JsonArray(records.Select(r => (JsonNode?)r.ToLambdaEventJson()).ToArray());
        return new JsonObject { ["Records"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
