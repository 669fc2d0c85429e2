using System.Net;
using System.Text.Json;
using Course.Lambda.Core;
using Course.Sandbox.Clients.SimpleNotificationService;
using Course.Sandbox.Clients.SimpleNotificationService.Model;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;
using SnsMessageAttributeValue = Course.Sandbox.Clients.SimpleNotificationService.Model.MessageAttributeValue;

namespace Course.Sandbox.Tests.Clients.SimpleNotificationService;

/// <summary>The sandbox's SNS client: its request mapping, AWS's error types, modelled latencies and the endpoint's faults.</summary>
public sealed class AmazonSimpleNotificationServiceClientTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqsService _sqs;
    private readonly SnsService _sns;
    private readonly RecordingObserver _observer = new();

    public AmazonSimpleNotificationServiceClientTests()
    {
        var random = new Random(3);
        _sqs = new SqsService(_time, random);
        _sns = new SnsService(_time, random, _sqs);
    }

    [Fact]
    public async Task Calls_ReportTheModelledLatency_Publish20MsCreateTopicAndSubscribe50Ms()
    {
        var queue = _sqs.CreateQueue("q");
        using var client = new AmazonSimpleNotificationServiceClient(_sns, _observer);
        var topicArn = (await client.CreateTopicAsync("t")).TopicArn!;
        await client.SubscribeAsync(topicArn, "sqs", queue.Arn);
        await client.PublishAsync(topicArn, "m");

        Assert.Equal(
            [("CreateTopic", "Success", 50.0), ("Subscribe", "Success", 50.0), ("Publish", "Success", 20.0)],
            _observer.Calls.Select(c => (c.Operation, c.Outcome, c.Latency.TotalMilliseconds)));
        Assert.All(_observer.Calls, c => Assert.Equal("sns", c.Service));
    }

    [Fact]
    public async Task Publish_SubjectAndAttributes_ReachTheEnvelope()
    {
        var queue = _sqs.CreateQueue("audit");
        using var client = new AmazonSimpleNotificationServiceClient(_sns);
        var topicArn = (await client.CreateTopicAsync("orders")).TopicArn!;
        await client.SubscribeAsync(topicArn, "sqs", queue.Arn);

        var response = await client.PublishAsync(new PublishRequest(topicArn, "hello", "Greeting")
        {
            MessageAttributes = { ["kind"] = new SnsMessageAttributeValue { DataType = "String", StringValue = "greeting" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        var body = JsonDocument.Parse(Assert.Single(queue.Messages).Body).RootElement;
        Assert.Equal(response.MessageId, body.GetProperty("MessageId").GetString());
        Assert.Equal("Greeting", body.GetProperty("Subject").GetString());
        Assert.Equal("greeting", body.GetProperty("MessageAttributes").GetProperty("kind").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task Publish_TargetArnInsteadOfTopicArn_PublishesToThatTopic()
    {
        using var client = new AmazonSimpleNotificationServiceClient(_sns);
        var topicArn = (await client.CreateTopicAsync("direct")).TopicArn!;

        var response = await client.PublishAsync(new PublishRequest { TargetArn = topicArn, Message = "m" });

        Assert.Equal(response.MessageId, Assert.Single(_sns.CreateTopic("direct").Published).MessageId);
    }

    [Fact]
    public async Task Publish_AttributeWithoutDataType_ThrowsInvalidParameter_AndNothingIsPublished()
    {
        using var client = new AmazonSimpleNotificationServiceClient(_sns, _observer);
        var topicArn = (await client.CreateTopicAsync("t")).TopicArn!;

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => client.PublishAsync(new PublishRequest(topicArn, "m")
        {
            MessageAttributes = { ["kind"] = new SnsMessageAttributeValue { StringValue = "x" } },
        }));

        Assert.Equal("InvalidParameter", error.ErrorCode);
        Assert.Contains("DataType", error.Message);
        Assert.Empty(_sns.CreateTopic("t").Published);
        Assert.Equal("InvalidParameter", _observer.Calls[^1].Outcome);
    }

    /// <summary>A handler that publishes once and reports the SDK error type it got, as learner code would.</summary>
    public sealed class Publisher
    {
        private readonly AmazonSimpleNotificationServiceClient _sns = new();

        public async Task<string> Handle(string topicArn, ILambdaContext context)
        {
            try
            {
                return (await _sns.PublishAsync(topicArn, "m")).MessageId!;
            }
            catch (AmazonSimpleNotificationServiceException e)
            {
                return $"{e.GetType().Name} {e.ErrorCode} {(int)e.StatusCode}";
            }
        }
    }

    [Theory]
    [InlineData(FaultKind.Throttling, "ThrottledException Throttled 400")]
    [InlineData(FaultKind.InternalServerError, "InternalErrorException InternalError 500")]
    public void Publish_InsideASimulation_GoesThroughTheEndpoint_WhoseFaultsBecomeAwsErrors(FaultKind fault, string expected)
    {
        var sim = TestHandlers.Sim(seed: 5);
        var topic = sim.Services.Sns.CreateTopic("t");
        sim.Services.Endpoint.Faults("sns").Script("Publish", fault);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "pub" }, HandlerFactory.FromType(typeof(Publisher), nameof(Publisher.Handle)));

        var failed = sim.Lambda.Invoke("pub", JsonSerializer.Serialize(topic.Arn));
        var next = sim.Lambda.Invoke("pub", JsonSerializer.Serialize(topic.Arn));

        Assert.Equal(JsonSerializer.Serialize(expected), failed.Payload);
        Assert.Equal(JsonSerializer.Serialize(Assert.Single(topic.Published).MessageId), next.Payload);
        Assert.Contains(sim.Services.Endpoint.Calls, c => c is { Service: "sns", Operation: "Publish", Outcome: "Throttled" or "InternalError" });
    }
}
