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
using Course.Sandbox.Sources.EventBridge;

namespace Course.Sandbox.Events.Generate;

/// <summary>
/// Generates realistic sample events, like <c>sam local generate-event</c>, for API Gateway HTTP APIs, S3, SQS,
/// DynamoDB Streams, EventBridge and SNS. Ids come from a seeded <see cref="Random"/> and times from a
/// <see cref="TimeProvider"/>, so the same seed and clock give the same events.
/// </summary>
public sealed class EventGenerator
{
    /// <summary>The service names <see cref="GenerateJson(string)"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Services = ["apigw", "s3", "sqs", "dynamodb", "eventbridge", "sns"];

    private static readonly DefaultLambdaJsonSerializer Serializer = new();
    private readonly Random random;
    private readonly TimeProvider timeProvider;
    private readonly EventEnvelopeFactory envelopes;
    private long sequence;

    /// <summary>Creates a generator.</summary>
    /// <param name="random">The seeded source of ids.</param>
    /// <param name="timeProvider">The clock for event times.</param>
    /// <param name="account">The account id. The default is <c>123456789012</c>.</param>
    /// <param name="region">The region. The default is <c>us-east-1</c>.</param>
    public EventGenerator(Random random, TimeProvider timeProvider, string account = "123456789012", string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.random = random;
        this.timeProvider = timeProvider;
        envelopes = new EventEnvelopeFactory(random, timeProvider, account, region);
        Account = account;
        Region = region;
        sequence = random.NextInt64(100_000_000_000_000, 900_000_000_000_000);
    }

    /// <summary>The account id written into events.</summary>
    public string Account { get; }

    /// <summary>The region written into events.</summary>
    public string Region { get; }

    /// <summary>Generates the default event of <paramref name="service"/> as JSON.</summary>
    /// <param name="service">One of <see cref="Services"/>.</param>
    /// <returns>The event JSON, indented.</returns>
    /// <exception cref="ArgumentException">The service is unknown.</exception>
    public string GenerateJson(string service) => service switch
    {
        "apigw" => Serialize(ApiGatewayHttpApiV2()),
        "s3" => Serialize(S3()),
        "sqs" => Serialize(Sqs()),
        "dynamodb" => Serialize(DynamoDb()),
        "eventbridge" => Serialize(EventBridge()),
        "sns" => Serialize(Sns()),
        _ => throw new ArgumentException($"Unknown service \"{service}\"; use one of {string.Join(", ", Services)}.", nameof(service)),
    };

    /// <summary>Serialises an event as the Lambda runtime would, indented for reading.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="evt">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T evt)
    {
        var options = new JsonSerializerOptions(Serializer.Options) { WriteIndented = true };
        return JsonSerializer.Serialize(evt, options);
    }

    /// <summary>An API Gateway HTTP API request (payload format 2.0).</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The request event.</returns>
    /// <exception cref="ArgumentException">The path does not start with <c>/</c> or the method is empty.</exception>
    public APIGatewayHttpApiV2ProxyRequest ApiGatewayHttpApiV2(ApiGatewayEventOptions? options = null)
    {
        options ??= new ApiGatewayEventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Method);
        if (!options.Path.StartsWith('/'))
        {
            throw new ArgumentException($"Path must start with '/', got \"{options.Path}\".", nameof(options));
        }

        var now = timeProvider.GetUtcNow().ToUniversalTime();
        var apiId = RandomIds.LowerAlnum(random, 10);
        var domain = $"{apiId}.execute-api.{Region}.amazonaws.com";
        var sourceIp = RandomIds.SourceIp(random);
        const string userAgent = "curl/8.5.0";
        var headers = new Dictionary<string, string>
        {
            ["accept"] = "*/*",
            ["content-length"] = Encoding.UTF8.GetByteCount(options.Body ?? "").ToString(CultureInfo.InvariantCulture),
            ["content-type"] = "application/json",
            ["host"] = domain,
            ["user-agent"] = userAgent,
            ["x-amzn-trace-id"] = $"Root=1-{now.ToUnixTimeSeconds():x8}-{RandomIds.Hex(random, 24)}",
            ["x-forwarded-for"] = sourceIp,
            ["x-forwarded-port"] = "443",
            ["x-forwarded-proto"] = "https",
        };
        foreach (var (name, value) in options.Headers)
        {
            headers[name.ToLowerInvariant()] = value;
        }

        return new APIGatewayHttpApiV2ProxyRequest
        {
            Version = "2.0",
            RouteKey = options.RouteKey,
            RawPath = options.Path,
            RawQueryString = options.QueryString,
            Headers = headers,
            QueryStringParameters = options.QueryString.Length == 0 ? null : ParseQuery(options.QueryString),
            PathParameters = options.PathParameters?.ToDictionary(),
            RequestContext = new APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext
            {
                AccountId = Account,
                ApiId = apiId,
                DomainName = domain,
                DomainPrefix = apiId,
                Http = new APIGatewayHttpApiV2ProxyRequest.HttpDescription
                {
                    Method = options.Method.ToUpperInvariant(),
                    Path = options.Path,
                    Protocol = "HTTP/1.1",
                    SourceIp = sourceIp,
                    UserAgent = userAgent,
                },
                RequestId = RandomIds.Base64Chars(random, 15) + "=",
                RouteKey = options.RouteKey,
                Stage = options.Stage,
                Time = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                TimeEpoch = now.ToUnixTimeMilliseconds(),
            },
            Body = options.Body,
            IsBase64Encoded = false,
        };
    }

    /// <summary>An S3 notification with one record.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The S3 event.</returns>
    /// <exception cref="ArgumentException">The bucket or key is empty, or the size is negative.</exception>
    public S3Event S3(S3EventOptions? options = null)
    {
        options ??= new S3EventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Bucket);
        ArgumentException.ThrowIfNullOrEmpty(options.Key);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Size);
        var principal = "AWS:AIDA" + RandomIds.Base64Chars(random, 17).ToUpperInvariant().Replace('+', 'X').Replace('/', 'Y');
        return new S3Event
        {
            Records =
            [
                new S3Event.S3EventNotificationRecord
                {
                    EventVersion = "2.1",
                    EventSource = "aws:s3",
                    AwsRegion = Region,
                    EventTime = timeProvider.GetUtcNow().UtcDateTime,
                    EventName = options.EventName,
                    UserIdentity = new S3Event.UserIdentityEntity { PrincipalId = principal },
                    RequestParameters = new S3Event.RequestParametersEntity { SourceIPAddress = RandomIds.SourceIp(random) },
                    ResponseElements = new S3Event.ResponseElementsEntity
                    {
                        XAmzRequestId = RandomIds.Hex(random, 16, upper: true),
                        XAmzId2 = RandomIds.Base64Chars(random, 76),
                    },
                    S3 = new S3Event.S3Entity
                    {
                        S3SchemaVersion = "1.0",
                        ConfigurationId = "lambda-trigger",
                        Bucket = new S3Event.S3BucketEntity
                        {
                            Name = options.Bucket,
                            OwnerIdentity = new S3Event.UserIdentityEntity { PrincipalId = RandomIds.Base64Chars(random, 14).ToUpperInvariant() },
                            Arn = $"arn:aws:s3:::{options.Bucket}",
                        },
                        Object = new S3Event.S3ObjectEntity
                        {
                            Key = Uri.EscapeDataString(options.Key).Replace("%20", "+", StringComparison.Ordinal).Replace("%2F", "/", StringComparison.Ordinal),
                            Size = options.Size,
                            ETag = RandomIds.Hex(random, 32),
                            Sequencer = RandomIds.Hex(random, 18, upper: true),
                        },
                    },
                },
            ],
        };
    }

    /// <summary>An SQS batch with one message per body.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The SQS event.</returns>
    /// <exception cref="ArgumentException">The queue name is empty or there are no bodies or more than 10,000.</exception>
    public SQSEvent Sqs(SqsEventOptions? options = null)
    {
        options ??= new SqsEventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.QueueName);
        if (options.Bodies.Count is 0 or > 10_000)
        {
            throw new ArgumentException($"Bodies must hold 1 to 10,000 messages, got {options.Bodies.Count}.", nameof(options));
        }

        var fifo = options.QueueName.EndsWith(".fifo", StringComparison.Ordinal);
        var sent = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var senderId = "AIDA" + RandomIds.Base64Chars(random, 17).ToUpperInvariant().Replace('+', 'X').Replace('/', 'Y');
        var records = new List<SQSEvent.SQSMessage>();
        foreach (var body in options.Bodies)
        {
            var attributes = new Dictionary<string, string>
            {
                ["ApproximateReceiveCount"] = options.ApproximateReceiveCount.ToString(CultureInfo.InvariantCulture),
                ["SentTimestamp"] = sent.ToString(CultureInfo.InvariantCulture),
                ["SenderId"] = senderId,
                ["ApproximateFirstReceiveTimestamp"] = (sent + random.Next(1, 50)).ToString(CultureInfo.InvariantCulture),
            };
            if (fifo)
            {
                attributes["SequenceNumber"] = NextSequenceNumber();
                attributes["MessageGroupId"] = options.MessageGroupId;
                attributes["MessageDeduplicationId"] = Md5Hex(body);
            }

            records.Add(new SQSEvent.SQSMessage
            {
                MessageId = RandomIds.Uuid(random),
                ReceiptHandle = "AQEB" + RandomIds.Base64Chars(random, 120),
                Body = body,
                Attributes = attributes,
                MessageAttributes = [],
                Md5OfBody = Md5Hex(body),
                EventSource = "aws:sqs",
                EventSourceArn = $"arn:aws:sqs:{Region}:{Account}:{options.QueueName}",
                AwsRegion = Region,
            });
        }

        return new SQSEvent { Records = records };
    }

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
        var now = timeProvider.GetUtcNow().ToUniversalTime();
        var created = DateTime.UnixEpoch.AddSeconds(now.ToUnixTimeSeconds());
        var size = Size(keys) + Size(newImage) + Size(oldImage);

        return new DynamoDBEvent
        {
            Records =
            [
                new DynamoDBEvent.DynamodbStreamRecord
                {
                    EventID = RandomIds.Hex(random, 32),
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

    /// <summary>An EventBridge event delivered to a rule target.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The event with its detail as a <see cref="JsonElement"/>.</returns>
    /// <exception cref="ArgumentException">Source or detail-type is empty, or the detail is not a JSON object.</exception>
    public CloudWatchEvent<JsonElement> EventBridge(EventBridgeEventOptions? options = null)
    {
        options ??= new EventBridgeEventOptions();
        var json = envelopes.CreateJson(options.Source, options.DetailType, options.DetailJson, options.Resources);
        return Serializer.Deserialize<CloudWatchEvent<JsonElement>>(new MemoryStream(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>An SNS notification with one record.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The SNS event.</returns>
    /// <exception cref="ArgumentException">The topic name is empty.</exception>
    public SNSEvent Sns(SnsEventOptions? options = null)
    {
        options ??= new SnsEventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TopicName);
        var topicArn = $"arn:aws:sns:{Region}:{Account}:{options.TopicName}";
        var subscriptionArn = $"{topicArn}:{RandomIds.Uuid(random)}";
        return new SNSEvent
        {
            Records =
            [
                new SNSEvent.SNSRecord
                {
                    EventSource = "aws:sns",
                    EventVersion = "1.0",
                    EventSubscriptionArn = subscriptionArn,
                    Sns = new SNSEvent.SNSMessage
                    {
                        Type = "Notification",
                        MessageId = RandomIds.Uuid(random),
                        TopicArn = topicArn,
                        Subject = options.Subject,
                        Message = options.Message,
                        Timestamp = timeProvider.GetUtcNow().UtcDateTime,
                        SignatureVersion = "1",
                        Signature = RandomIds.Base64Chars(random, 344),
                        SigningCertUrl = $"https://sns.{Region}.amazonaws.com/SimpleNotificationService-{RandomIds.Hex(random, 32)}.pem",
                        UnsubscribeUrl = $"https://sns.{Region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={subscriptionArn}",
                        MessageAttributes = options.MessageAttributes.ToDictionary(
                            a => a.Key, a => new SNSEvent.MessageAttribute { Type = "String", Value = a.Value }),
                    },
                },
            ],
        };
    }

    private string NextSequenceNumber() => (++sequence).ToString(CultureInfo.InvariantCulture) + "000000";

    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            result[name] = result.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }

        return result;
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
