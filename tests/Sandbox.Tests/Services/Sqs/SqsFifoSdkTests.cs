using Amazon.SQS;
using Amazon.SQS.Model;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Sqs;

public sealed class SqsFifoSdkTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqsService _sqs;
    private readonly AmazonSQSClient _client;

    public SqsFifoSdkTests()
    {
        _sqs = new SqsService(_time, new Random(7));
        _client = WireClients.Sqs(new SqsWireService(_sqs));
    }

    private async Task<string> Fifo(string name, bool contentDedup = false) =>
        (await _client.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = name,
            Attributes = new() { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = contentDedup ? "true" : "false" },
        })).QueueUrl;

    private Task<SendMessageResponse> Send(string url, string body, string group, string? dedup = null) =>
        _client.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = body, MessageGroupId = group, MessageDeduplicationId = dedup ?? body });

    private async Task<List<Message>> Receive(string url, int max = 10) =>
        (await _client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = max, MessageSystemAttributeNames = ["All"] })).Messages ?? [];

    [Fact]
    public async Task CreateQueue_FifoNameWithoutAttribute_Fails()
    {
        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => _client.CreateQueueAsync("jobs.fifo"));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task SQS_07_Fifo_OrderPerGroupAndInFlightGroupBlocked()
    {
        var url = await Fifo("orders.fifo");
        await Send(url, "a1", "A");
        await Send(url, "b1", "B");
        await Send(url, "a2", "A");
        await Send(url, "b2", "B");

        var first = await Receive(url, 1);
        Assert.Equal("a1", Assert.Single(first).Body);
        Assert.Equal("A", first[0].Attributes["MessageGroupId"]);

        // Group A is blocked while a1 is in flight; only B's messages come, in order.
        var next = await Receive(url);
        Assert.Equal(["b1", "b2"], next.Select(m => m.Body));
        Assert.Empty(await Receive(url));

        await _client.DeleteMessageAsync(url, first[0].ReceiptHandle);
        Assert.Equal("a2", Assert.Single(await Receive(url)).Body);
    }

    [Fact]
    public async Task SQS_07_Fifo_FailedMessageBlocksGroupUntilVisibleAgain()
    {
        var url = await Fifo("retry.fifo");
        await Send(url, "m1", "G");
        await Send(url, "m2", "G");
        var batch = await Receive(url);
        Assert.Equal(["m1", "m2"], batch.Select(m => m.Body));
        await _client.DeleteMessageAsync(url, batch[0].ReceiptHandle);

        // m2 not deleted (the handler failed on it): nothing until its visibility timeout ends, then m2 again first.
        Assert.Empty(await Receive(url));
        _time.Advance(TimeSpan.FromSeconds(30));
        var again = Assert.Single(await Receive(url));
        Assert.Equal("m2", again.Body);
        Assert.Equal("2", again.Attributes["ApproximateReceiveCount"]);
    }

    [Fact]
    public async Task Fifo_DuplicateWithinFiveMinutes_IsDroppedAfterwardsAccepted()
    {
        var url = await Fifo("dedup.fifo");
        var original = await Send(url, "x", "G", "id-1");
        var duplicate = await Send(url, "x", "G", "id-1");
        Assert.Equal(original.MessageId, duplicate.MessageId);
        Assert.Equal(original.SequenceNumber, duplicate.SequenceNumber);
        Assert.Single(_sqs.GetQueue(url).Messages);

        _time.Advance(TimeSpan.FromMinutes(5));
        var later = await Send(url, "x", "G", "id-1");
        Assert.NotEqual(original.MessageId, later.MessageId);
        Assert.True(string.CompareOrdinal(later.SequenceNumber, original.SequenceNumber) > 0);
        Assert.Equal(2, _sqs.GetQueue(url).Messages.Count);
    }

    [Fact]
    public async Task Fifo_ContentBasedDeduplication_UsesBodyHash()
    {
        var url = await Fifo("content.fifo", contentDedup: true);
        await _client.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "same", MessageGroupId = "G" });
        await _client.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "same", MessageGroupId = "G" });
        await _client.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "other", MessageGroupId = "G" });
        Assert.Equal(["same", "other"], _sqs.GetQueue(url).Messages.Select(m => m.Body));
    }

    [Fact]
    public async Task Fifo_MissingGroupOrDedupId_Fails()
    {
        var url = await Fifo("strict.fifo");
        var noGroup = await Assert.ThrowsAsync<AmazonSQSException>(() => _client.SendMessageAsync(url, "x"));
        Assert.Equal("MissingParameter", noGroup.ErrorCode);
        var noDedup = await Assert.ThrowsAsync<AmazonSQSException>(() =>
            _client.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "x", MessageGroupId = "G" }));
        Assert.Contains("ContentBasedDeduplication", noDedup.Message);
    }
}
