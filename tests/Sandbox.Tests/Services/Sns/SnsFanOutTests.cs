using System.Net;
using System.Text.Json;
using Amazon.SQS.Model;
using Course.Sandbox.Clients;
using Course.Sandbox.Clients.SimpleNotificationService;
using Course.Sandbox.Clients.SimpleNotificationService.Model;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;
using SnsMessageAttributeValue = Course.Sandbox.Clients.SimpleNotificationService.Model.MessageAttributeValue;

namespace Course.Sandbox.Tests.Services.Sns;

public sealed class SnsFanOutTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:notify";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SqsService _sqs;
    private readonly SnsService _sns;
    private readonly RecordingObserver _observer = new();
    private readonly SandboxServiceRegistry _registry;

    public SnsFanOutTests()
    {
        var random = new Random(11);
        _sqs = new SqsService(_time, random);
        _sns = new SnsService(_time, random, _sqs);
        _registry = new SandboxServiceRegistry { Sqs = _sqs, Sns = _sns, Observer = _observer };
    }

    [Fact]
    public async Task Publish_FansOutToEnvelopeRawAndLambdaSubscribers()
    {
        var envelopeQueue = _sqs.CreateQueue("audit");
        var rawQueue = _sqs.CreateQueue("billing");
        var lambda = new List<SnsDelivery>();
        _sns.LambdaDelivery += lambda.Add;

        using (SandboxAmbient.Use(_registry))
        {
            // Learner-style code: the same lines run on AWS with Amazon.SimpleNotificationService usings.
            using var client = new AmazonSimpleNotificationServiceClient();
            var topicArn = (await client.CreateTopicAsync("orders")).TopicArn!;
            await client.SubscribeAsync(topicArn, "sqs", envelopeQueue.Arn);
            await client.SubscribeAsync(new SubscribeRequest(topicArn, "sqs", rawQueue.Arn) { Attributes = { ["RawMessageDelivery"] = "true" } });
            await client.SubscribeAsync(topicArn, "lambda", FunctionArn);
            _time.Advance(TimeSpan.FromSeconds(2));

            var response = await client.PublishAsync(new PublishRequest(topicArn, "{\"orderId\":7}", "New order")
            {
                MessageAttributes = { ["priority"] = new SnsMessageAttributeValue { DataType = "String", StringValue = "high" } },
            });
            Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);

            // Envelope delivery to SQS: the body is SNS's JSON notification.
            var body = JsonDocument.Parse(Assert.Single(envelopeQueue.Messages).Body).RootElement;
            Assert.Equal("Notification", body.GetProperty("Type").GetString());
            Assert.Equal(response.MessageId, body.GetProperty("MessageId").GetString());
            Assert.Equal(topicArn, body.GetProperty("TopicArn").GetString());
            Assert.Equal("New order", body.GetProperty("Subject").GetString());
            Assert.Equal("{\"orderId\":7}", body.GetProperty("Message").GetString());
            Assert.Equal("2026-01-01T00:00:02.000Z", body.GetProperty("Timestamp").GetString());
            Assert.Equal("high", body.GetProperty("MessageAttributes").GetProperty("priority").GetProperty("Value").GetString());
            Assert.True(body.TryGetProperty("SigningCertURL", out _));

            // Raw delivery: the bare message, SNS attributes as SQS message attributes.
            var raw = Assert.Single(rawQueue.Messages);
            Assert.Equal("{\"orderId\":7}", raw.Body);
            Assert.Equal("high", raw.MessageAttributes["priority"].StringValue);

            // Lambda: one async-invoke event with the record shape of AWS's sns-event.json.
            var delivery = Assert.Single(lambda);
            Assert.Equal(FunctionArn, delivery.Subscription.Endpoint);
            using var evt = JsonDocument.Parse(delivery.ToLambdaEventJson());
            var record = evt.RootElement.GetProperty("Records")[0];
            Assert.Equal("aws:sns", record.GetProperty("EventSource").GetString());
            Assert.Equal(delivery.Subscription.SubscriptionArn, record.GetProperty("EventSubscriptionArn").GetString());
            Assert.Equal(response.MessageId, record.GetProperty("Sns").GetProperty("MessageId").GetString());
            using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Services", "Fixtures", "sns-event.json")));
            var expected = Paths(fixture.RootElement.GetProperty("Records")[0]).Where(p => !p.Contains("/MessageAttributes/"));
            Assert.Equal(expected, Paths(record).Where(p => !p.Contains("/MessageAttributes/")));
        }

        Assert.Equal(3, _sns.Deliveries.Count);
        Assert.All(_sns.Deliveries, d => Assert.True(d.Succeeded));
        Assert.Contains(_observer.Calls, c => c is { Service: "sns", Operation: "Publish", Outcome: "Success" });
    }

    [Fact]
    public async Task Publish_EnvelopeInSqs_ReachesSdkConsumer()
    {
        var queue = _sqs.CreateQueue("consumer");
        var topic = _sns.CreateTopic("events");
        _sns.Subscribe(topic.Arn, "sqs", queue.Arn);
        _sns.Publish(topic.Arn, "hello");

        var sqsClient = WireClients.Sqs(new SqsWireService(_sqs));
        var message = Assert.Single((await sqsClient.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.Url })).Messages);
        Assert.Equal("hello", JsonDocument.Parse(message.Body).RootElement.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Publish_UnknownTopic_ThrowsNotFound()
    {
        using var client = new AmazonSimpleNotificationServiceClient(_sns, _observer);
        var error = await Assert.ThrowsAsync<NotFoundException>(() => client.PublishAsync("arn:aws:sns:us-east-1:123456789012:nope", "x"));
        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains(_observer.Calls, c => c is { Operation: "Publish", Outcome: "NotFound" });
    }

    [Theory]
    [InlineData("email", "someone@example.com")]
    [InlineData("sqs", "arn:aws:lambda:us-east-1:123456789012:function:f")]
    public async Task Subscribe_UnsupportedProtocolOrWrongEndpoint_ThrowsInvalidParameter(string protocol, string endpoint)
    {
        using var client = new AmazonSimpleNotificationServiceClient(_sns);
        var topicArn = (await client.CreateTopicAsync("t")).TopicArn!;
        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => client.SubscribeAsync(topicArn, protocol, endpoint));
        Assert.Equal("InvalidParameter", error.ErrorCode);
    }

    [Fact]
    public async Task Client_OutsideSimulation_ExplainsWhatToDo()
    {
        SandboxAmbient.Current = null;
        using var client = new AmazonSimpleNotificationServiceClient();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PublishAsync("arn", "x"));
        Assert.Contains("SandboxAmbient", error.Message);
    }

    [Fact]
    public async Task SandboxAmbient_FlowsIntoTasksAndRestoresOnDispose()
    {
        var client = new AmazonSimpleNotificationServiceClient();
        using (SandboxAmbient.Use(_registry))
        {
            var arn = await Task.Run(async () => (await client.CreateTopicAsync("flow")).TopicArn);
            Assert.Equal(_sns.CreateTopic("flow").Arn, arn);
        }

        Assert.Null(SandboxAmbient.Current);
    }

    [Fact]
    public void Publish_SubscriberQueueDeleted_RecordsFailedDelivery()
    {
        var queue = _sqs.CreateQueue("gone");
        var topic = _sns.CreateTopic("t2");
        _sns.Subscribe(topic.Arn, "sqs", queue.Arn);
        _sqs.DeleteQueue(queue.Url);
        _sns.Publish(topic.Arn, "x");
        Assert.False(Assert.Single(_sns.Deliveries).Succeeded);
    }

    private static List<string> Paths(JsonElement element, string prefix = "")
    {
        var paths = new List<string>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                paths.Add(prefix + "/" + property.Name);
                paths.AddRange(Paths(property.Value, prefix + "/" + property.Name));
            }
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}
