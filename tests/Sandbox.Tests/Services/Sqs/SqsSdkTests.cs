using Amazon.SQS;
using Amazon.SQS.Model;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Services.Wire;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Sqs;

public sealed class SqsSdkTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqsService _sqs;
    private readonly RecordingObserver _observer = new();
    private readonly AmazonSQSClient _client;

    public SqsSdkTests()
    {
        _sqs = new SqsService(_time, new Random(7));
        _client = WireClients.Sqs(new SqsWireService(_sqs, observer: _observer));
    }

    [Fact]
    public async Task SendReceiveDelete_RoundTrip_WorksThroughSdk()
    {
        var url = (await _client.CreateQueueAsync("orders")).QueueUrl;
        var sent = await _client.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = url,
            MessageBody = "hello",
            MessageAttributes = new() { ["kind"] = new MessageAttributeValue { DataType = "String", StringValue = "order" } },
        });
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", sent.MD5OfMessageBody);

        var received = await _client.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = url,
            MaxNumberOfMessages = 10,
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = ["All"],
        });
        var message = Assert.Single(received.Messages);
        Assert.Equal(sent.MessageId, message.MessageId);
        Assert.Equal("hello", message.Body);
        Assert.Equal("order", message.MessageAttributes["kind"].StringValue);
        Assert.Equal("1", message.Attributes["ApproximateReceiveCount"]);
        Assert.Equal("1767225600000", message.Attributes["SentTimestamp"]);

        await _client.DeleteMessageAsync(url, message.ReceiptHandle);
        Assert.Empty(_sqs.GetQueue(url).Messages);
        Assert.Single(_sqs.GetQueue(url).Deleted);
        Assert.Contains(_observer.Calls, c => c is { Service: "sqs", Operation: "DeleteMessage", Outcome: "Success" });
    }

    [Fact]
    public async Task GetQueueUrl_UnknownQueue_ThrowsQueueDoesNotExistWithAwsLegacyErrorCode()
    {
        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => _client.GetQueueUrlAsync("nope"));
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
        Assert.Contains(_observer.Calls, c => c is { Operation: "GetQueueUrl", Outcome: "QueueDoesNotExist" });
    }
}
