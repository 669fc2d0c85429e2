using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Services.EventBridge;

namespace Course.Sandbox.Events.Generate;

public sealed partial class EventGenerator
{
    /// <summary>A DynamoDB stream batch with one record.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The DynamoDB event.</returns>
    /// <exception cref="ArgumentException">The event name or view type is unknown, or there are no keys.</exception>
    public DynamoDBEvent DynamoDb(DynamoDbEventOptions? options = null)
    {
        options ??= new DynamoDbEventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TableName);
        if (options.EventName is not ("INSERT" or "MODIFY" or "REMOVE"))
        {
            throw new ArgumentException($"EventName must be INSERT, MODIFY or REMOVE, got \"{options.EventName}\".", nameof(options));
        }

        if (options.StreamViewType is not ("KEYS_ONLY" or "NEW_IMAGE" or "OLD_IMAGE" or "NEW_AND_OLD_IMAGES"))
        {
            throw new ArgumentException($"StreamViewType must be KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES, got \"{options.StreamViewType}\".", nameof(options));
        }

        if (options.Keys.Count == 0)
        {
            throw new ArgumentException("Keys must name at least the partition key.", nameof(options));
        }

        var keys = ToItem(options.Keys);
        var newImage = options.EventName != "REMOVE" && options.StreamViewType is "NEW_IMAGE" or "NEW_AND_OLD_IMAGES"
            ? WithKeys(options.NewImage ?? new Dictionary<string, object?> { ["Message"] = "New item!" }, options.Keys)
            : null;
        var oldImage = options.EventName != "INSERT" && options.StreamViewType is "OLD_IMAGE" or "NEW_AND_OLD_IMAGES"
            ? WithKeys(options.OldImage ?? new Dictionary<string, object?> { ["Message"] = "Old item" }, options.Keys)
            : null;
        var now = _timeProvider.GetUtcNow().ToUniversalTime();
        var created = DateTime.UnixEpoch.AddSeconds(now.ToUnixTimeSeconds());
        var size = Size(keys) + Size(newImage) + Size(oldImage);

        return new DynamoDBEvent
        {
            Records =
            [
                new DynamoDBEvent.DynamodbStreamRecord
                {
                    EventID = _ids.Hex(32),
                    EventName = options.EventName,
                    EventVersion = "1.1",
                    EventSource = "aws:dynamodb",
                    AwsRegion = Region,
                    Dynamodb = new DynamoDBEvent.StreamRecord
                    {
                        ApproximateCreationDateTime = created,
                        Keys = keys,
                        NewImage = newImage,
                        OldImage = oldImage,
                        SequenceNumber = NextSequenceNumber(),
                        SizeBytes = size,
                        StreamViewType = options.StreamViewType,
                    },
                    EventSourceArn = $"arn:aws:dynamodb:{Region}:{Account}:table/{options.TableName}/stream/{now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)}",
                },
            ],
        };
    }

    private static Dictionary<string, DynamoDBEvent.AttributeValue> WithKeys(IReadOnlyDictionary<string, object?> image, IReadOnlyDictionary<string, object?> keys)
    {
        var merged = new Dictionary<string, object?>(image);
        foreach (var (name, value) in keys)
        {
            merged[name] = value;
        }

        return ToItem(merged);
    }

    private static Dictionary<string, DynamoDBEvent.AttributeValue> ToItem(IReadOnlyDictionary<string, object?> values) =>
        values.ToDictionary(v => v.Key, v => ToAttributeValue(v.Value));

    private static DynamoDBEvent.AttributeValue ToAttributeValue(object? value) => value switch
    {
        null => new() { NULL = true },
        string s => new() { S = s },
        bool b => new() { BOOL = b },
        byte[] bytes => new() { B = new MemoryStream(bytes) },
        int or long or short or byte or decimal or double or float or uint or ulong =>
            new() { N = Convert.ToString(value, CultureInfo.InvariantCulture) },
        IEnumerable<string> strings => new() { SS = strings.ToList() },
        IReadOnlyDictionary<string, object?> map => new() { M = ToItem(map) },
        System.Collections.IEnumerable list => new() { L = list.Cast<object?>().Select(ToAttributeValue).ToList() },
        _ => throw new ArgumentException($"Cannot turn a {value.GetType().Name} into a DynamoDB attribute value; use a string, number, bool, null, byte[], list or dictionary."),
    };

    private static long Size(Dictionary<string, DynamoDBEvent.AttributeValue>? item) =>
        item?.Sum(a => a.Key.Length + Size(a.Value)) ?? 0;

    private static long Size(DynamoDBEvent.AttributeValue v) =>
        (v.S?.Length ?? 0) + (v.N?.Length ?? 0) + (v.B?.Length ?? 0) + (v.BOOL is null ? 0 : 1) + (v.NULL is null ? 0 : 1) +
        (v.SS?.Sum(s => s.Length) ?? 0) + (v.M is null ? 0 : 3 + Size(v.M)) + (v.L?.Sum(i => 1 + Size(i)) ?? 0);
}
