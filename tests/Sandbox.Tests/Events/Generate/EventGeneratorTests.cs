using Microsoft.Extensions.Time.Testing;
using System.Text;
using System.Text.Json;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Events.Generate;
using Course.Sandbox.Services.EventBridge.Patterns;
using Course.Sandbox.Tests.Services.EventBridge;

namespace Course.Sandbox.Tests.Events.Generate;

public sealed class EventGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 9, 30, 15, 123, TimeSpan.Zero);

    private static EventGenerator Generator(int seed = 7) => new(new Random(seed), new FakeTimeProvider(Now));

    private static T Read<T>(string json) => new DefaultLambdaJsonSerializer().Deserialize<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    public static TheoryData<string, Type> ServiceTypes() => new()
    {
        { "apigw", typeof(APIGatewayHttpApiV2ProxyRequest) },
        { "s3", typeof(S3Event) },
        { "sqs", typeof(SQSEvent) },
        { "dynamodb", typeof(DynamoDBEvent) },
        { "eventbridge", typeof(CloudWatchEvent<JsonElement>) },
        { "sns", typeof(SNSEvent) },
    };

    [Theory]
    [MemberData(nameof(ServiceTypes))]
    public void GenerateJson_EveryService_DeserialisesIntoItsTypeAndBackUnchanged(string service, Type type)
    {
        var json = Generator().GenerateJson(service);

        var read = typeof(EventGeneratorTests).GetMethod(nameof(Read), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [json]);
        var serialize = typeof(EventGenerator).GetMethod(nameof(EventGenerator.Serialize))!.MakeGenericMethod(type);

        Assert.NotNull(read);
        Assert.Equal(json, (string)serialize.Invoke(null, [read])!);
    }

    [Theory]
    [MemberData(nameof(ServiceTypes))]
    public void GenerateJson_SameSeedAndClock_SameEvent_OtherSeed_OtherIds(string service, Type type)
    {
        _ = type;
        Assert.Equal(Generator(1).GenerateJson(service), Generator(1).GenerateJson(service));
        Assert.NotEqual(Generator(1).GenerateJson(service), Generator(2).GenerateJson(service));
    }

    [Fact]
    public void GenerateJson_UnknownService_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => Generator().GenerateJson("kinesis"));
        Assert.Contains("apigw, s3, sqs, dynamodb, eventbridge, sns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiGatewayHttpApiV2_Options_ShapeTheRequest()
    {
        var request = Generator().ApiGatewayHttpApiV2(new ApiGatewayEventOptions
        {
            Method = "get", Path = "/orders/42", QueryString = "a=1&a=2&b=x%20y", Body = null, RouteKey = "GET /orders/{id}",
            PathParameters = new Dictionary<string, string> { ["id"] = "42" }, Headers = new Dictionary<string, string> { ["X-Trace"] = "t" },
        });

        Assert.Equal("2.0", request.Version);
        Assert.Equal("GET", request.RequestContext.Http.Method);
        Assert.Equal("/orders/42", request.RawPath);
        Assert.Equal("1,2", request.QueryStringParameters["a"]);
        Assert.Equal("x y", request.QueryStringParameters["b"]);
        Assert.Equal("42", request.PathParameters["id"]);
        Assert.Equal("t", request.Headers["x-trace"]);
        Assert.Equal("GET /orders/{id}", request.RequestContext.RouteKey);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), request.RequestContext.TimeEpoch);
        Assert.Equal("01/Jan/2026:09:30:15 +0000", request.RequestContext.Time);
        Assert.Equal($"{request.RequestContext.ApiId}.execute-api.us-east-1.amazonaws.com", request.Headers["host"]);
        Assert.Throws<ArgumentException>(() => Generator().ApiGatewayHttpApiV2(new ApiGatewayEventOptions { Path = "orders" }));
    }

    [Fact]
    public void S3_Options_BucketKeyAndEncodedKey()
    {
        var record = Generator().S3(new S3EventOptions { Bucket = "photos", Key = "2026/my photo.jpg", Size = 5, EventName = "ObjectRemoved:Delete" }).Records[0];

        Assert.Equal("photos", record.S3.Bucket.Name);
        Assert.Equal("arn:aws:s3:::photos", record.S3.Bucket.Arn);
        Assert.Equal("2026/my+photo.jpg", record.S3.Object.Key);
        Assert.Equal(5, record.S3.Object.Size);
        Assert.Equal("ObjectRemoved:Delete", record.EventName);
        Assert.Equal(Now.UtcDateTime, record.EventTime);
        Assert.Contains("\"eventTime\": \"2026-01-01T09:30:15.123Z\"", EventGenerator.Serialize(new S3Event { Records = [record] }), StringComparison.Ordinal);
    }

    [Fact]
    public void Sqs_Bodies_OneMessageEachWithRealMd5AndQueueArn()
    {
        var evt = Generator().Sqs(new SqsEventOptions { QueueName = "orders", Bodies = ["hello", "world"] });

        Assert.Equal(["hello", "world"], evt.Records.Select(r => r.Body));
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", evt.Records[0].Md5OfBody);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", evt.Records[0].EventSourceArn);
        Assert.Equal(Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), evt.Records[1].Attributes["SentTimestamp"]);
        Assert.NotEqual(evt.Records[0].MessageId, evt.Records[1].MessageId);
        Assert.False(evt.Records[0].Attributes.ContainsKey("MessageGroupId"));
        Assert.Throws<ArgumentException>(() => Generator().Sqs(new SqsEventOptions { Bodies = [] }));
    }

    [Fact]
    public void Sqs_FifoQueue_AddsGroupDedupAndIncreasingSequence()
    {
        var evt = Generator().Sqs(new SqsEventOptions { QueueName = "orders.fifo", Bodies = ["a", "b"], MessageGroupId = "g" });

        Assert.All(evt.Records, r => Assert.Equal("g", r.Attributes["MessageGroupId"]));
        Assert.True(string.CompareOrdinal(evt.Records[0].Attributes["SequenceNumber"], evt.Records[1].Attributes["SequenceNumber"]) < 0);
        Assert.Equal(evt.Records[0].Md5OfBody, evt.Records[0].Attributes["MessageDeduplicationId"]);
    }

    [Fact]
    public void Sqs_FifoQueue_RecordsHaveTheAttributesTheMappingDelivers_InItsOrder()
    {
        var generated = Generator().Sqs(new SqsEventOptions { QueueName = "orders.fifo", Bodies = ["a"] }).Records[0];
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("orders.fifo", new Dictionary<string, string> { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = "true" });
        SQSEvent? delivered = null;
        sim.Lambda.Deploy(new Course.Sandbox.Functions.FunctionOptions { FunctionName = "f" },
            Course.Sandbox.Hosting.HandlerFactory.FromDelegate((SQSEvent e, Course.Lambda.Core.ILambdaContext c) => { delivered = e; return (SQSBatchResponse?)null; }));
        Course.Sandbox.Sources.Sqs.SqsEventSourceMapping.Create(sim, queue, "f");
        queue.Send(new Course.Sandbox.Services.Sqs.SqsSendRequest { Body = "a", MessageGroupId = "group-1" });
        sim.Run();

        Assert.NotNull(delivered);
        Assert.Equal(delivered.Records[0].Attributes.Keys, generated.Attributes.Keys);
        Assert.Equal(delivered.Records[0].MessageAttributes.Count, generated.MessageAttributes.Count);
        Assert.Equal(delivered.Records[0].Md5OfMessageAttributes, generated.Md5OfMessageAttributes);
    }

    [Theory]
    [InlineData("INSERT", "NEW_AND_OLD_IMAGES", true, false)]
    [InlineData("MODIFY", "NEW_AND_OLD_IMAGES", true, true)]
    [InlineData("REMOVE", "NEW_AND_OLD_IMAGES", false, true)]
    [InlineData("MODIFY", "KEYS_ONLY", false, false)]
    [InlineData("MODIFY", "NEW_IMAGE", true, false)]
    [InlineData("MODIFY", "OLD_IMAGE", false, true)]
    public void DynamoDb_EventNameAndViewType_DecideTheImages(string eventName, string viewType, bool hasNew, bool hasOld)
    {
        var record = Generator().DynamoDb(new DynamoDbEventOptions { EventName = eventName, StreamViewType = viewType }).Records[0];

        Assert.Equal(hasNew, record.Dynamodb.NewImage is not null);
        Assert.Equal(hasOld, record.Dynamodb.OldImage is not null);
        Assert.Equal("101", record.Dynamodb.Keys["Id"].S);
        Assert.Equal(eventName, record.EventName);
    }

    [Fact]
    public void DynamoDb_Values_MapToAttributeTypes_AndJsonLooksLikeStreams()
    {
        var evt = Generator().DynamoDb(new DynamoDbEventOptions
        {
            TableName = "Orders",
            Keys = new Dictionary<string, object?> { ["pk"] = "o-1", ["sk"] = 3 },
            NewImage = new Dictionary<string, object?> { ["paid"] = true, ["note"] = null, ["tags"] = new[] { "a", "b" }, ["raw"] = new byte[] { 1, 2 }, ["lines"] = new List<object?> { 1, "x" } },
        });
        var image = evt.Records[0].Dynamodb.NewImage;

        Assert.Equal("3", image["sk"].N);
        Assert.True(image["paid"].BOOL);
        Assert.True(image["note"].NULL);
        Assert.Equal(["a", "b"], image["tags"].SS);
        Assert.Equal(new byte[] { 1, 2 }, image["raw"].B.ToArray());
        Assert.Equal("x", image["lines"].L[1].S);
        Assert.StartsWith("arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/", evt.Records[0].EventSourceArn, StringComparison.Ordinal);

        var json = EventGenerator.Serialize(evt);
        Assert.Contains($"\"ApproximateCreationDateTime\": {Now.ToUnixTimeSeconds()}", json, StringComparison.Ordinal);
        Assert.Contains("\"dynamodb\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"eventSourceARN\":", json, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Generator().DynamoDb(new DynamoDbEventOptions { EventName = "UPDATE" }));
    }

    [Fact]
    public void EventBridge_Options_SourceDetailTypeDetail_MatchPattern()
    {
        var evt = Generator().EventBridge(new EventBridgeEventOptions { Source = "shop.orders", DetailType = "Order Placed", DetailJson = """{"total": 10}""" });

        Assert.Equal("0", evt.Version);
        Assert.Equal("shop.orders", evt.Source);
        Assert.Equal("Order Placed", evt.DetailType);
        Assert.Equal(10, evt.Detail.GetProperty("total").GetInt32());
        Assert.Equal(new DateTime(2026, 1, 1, 9, 30, 15, DateTimeKind.Utc), evt.Time);
        Assert.True(EventPattern.Parse("""{"detail-type": ["Order Placed"], "detail": {"total": [10]}}""").Matches(EventGenerator.Serialize(evt)));
    }

    [Fact]
    public void Sns_Options_TopicMessageSubjectAttributes_PascalCaseJson()
    {
        var evt = Generator().Sns(new SnsEventOptions { TopicName = "alerts", Message = "disk full", Subject = null, MessageAttributes = new Dictionary<string, string> { ["level"] = "high" } });
        var sns = evt.Records[0].Sns;

        Assert.Equal("arn:aws:sns:us-east-1:123456789012:alerts", sns.TopicArn);
        Assert.StartsWith(sns.TopicArn + ":", evt.Records[0].EventSubscriptionArn, StringComparison.Ordinal);
        Assert.Equal("disk full", sns.Message);
        Assert.Null(sns.Subject);
        Assert.Equal("high", sns.MessageAttributes["level"].Value);
        var json = EventGenerator.Serialize(evt);
        Assert.Contains("\"Sns\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"Timestamp\": \"2026-01-01T09:30:15.123Z\"", json, StringComparison.Ordinal);
    }
}
