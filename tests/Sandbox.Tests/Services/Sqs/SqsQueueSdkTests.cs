using Amazon.SQS;
using Amazon.SQS.Model;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Sqs;

public sealed class SqsQueueSdkTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqsService _sqs;
    private readonly RecordingObserver _observer = new();
    private readonly AmazonSQSClient _client;

    public SqsQueueSdkTests()
    {
        _sqs = new SqsService(_time, new Random(7));
        _client = WireClients.Sqs(new SqsWireService(_sqs, observer: _observer));
    }

    private async Task<string> Queue(string name, Dictionary<string, string>? attributes = null) =>
        (await _client.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes ?? [] })).QueueUrl;

    private async Task<List<Message>> Receive(string url, int max = 10, int? visibility = null) =>
        (await _client.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = url,
            MaxNumberOfMessages = max,
            VisibilityTimeout = visibility,
            MessageSystemAttributeNames = ["All"],
            MessageAttributeNames = ["All"],
        })).Messages ?? [];

    [Fact]
    public async Task CreateQueue_Defaults_AreAwsDefaults()
    {
        var url = await Queue("defaults");
        var attributes = await _client.GetQueueAttributesAsync(url, ["All"]);
        Assert.Equal(30, attributes.VisibilityTimeout);
        Assert.Equal(345_600, attributes.MessageRetentionPeriod);
        Assert.Equal(0, attributes.DelaySeconds);
        Assert.Equal(0, attributes.ApproximateNumberOfMessages);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:defaults", attributes.QueueARN);
        Assert.Equal(url, (await _client.GetQueueUrlAsync("defaults")).QueueUrl);
    }

    [Fact]
    public async Task CreateQueue_SameNameDifferentAttributes_ThrowsQueueNameExists()
    {
        await Queue("q1");
        await Queue("q1");
        await Assert.ThrowsAsync<QueueNameExistsException>(() => Queue("q1", new() { ["VisibilityTimeout"] = "5" }));
    }

    [Theory]
    [InlineData("VisibilityTimeout", "43201")]
    [InlineData("MessageRetentionPeriod", "59")]
    [InlineData("DelaySeconds", "901")]
    [InlineData("ReceiveMessageWaitTimeSeconds", "21")]
    [InlineData("RedrivePolicy", "{\"maxReceiveCount\":3}")]
    public async Task CreateQueue_OutOfRangeAttribute_ThrowsInvalidAttributeValue(string name, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidAttributeValueException>(() => Queue("bad", new() { [name] = value }));
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public async Task SendMessage_UnknownQueueUrl_ThrowsQueueDoesNotExist()
    {
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() =>
            _client.SendMessageAsync("https://sqs.us-east-1.amazonaws.com/123456789012/ghost", "x"));
    }

    [Fact]
    public async Task SendMessage_AllAttributeTypes_PassSdkMd5Validation()
    {
        var url = await Queue("attrs");
        var sent = await _client.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = url,
            MessageBody = "body",
            MessageAttributes = new()
            {
                ["s"] = new MessageAttributeValue { DataType = "String", StringValue = "text" },
                ["n"] = new MessageAttributeValue { DataType = "Number", StringValue = "42" },
                ["b"] = new MessageAttributeValue { DataType = "Binary", BinaryValue = new MemoryStream([1, 2, 3]) },
                ["c"] = new MessageAttributeValue { DataType = "String.custom", StringValue = "x" },
            },
        });
        Assert.NotNull(sent.MD5OfMessageAttributes);
        var message = Assert.Single(await Receive(url));
        Assert.Equal(sent.MD5OfMessageAttributes, message.MD5OfMessageAttributes);
        Assert.Equal([1, 2, 3], message.MessageAttributes["b"].BinaryValue.ToArray());
        Assert.Equal("42", message.MessageAttributes["n"].StringValue);
    }

    [Fact]
    public async Task SendMessage_Delay_HidesMessageUntilDelayEnds()
    {
        var url = await Queue("delayed");
        await _client.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "later", DelaySeconds = 10 });
        Assert.Empty(await Receive(url));
        Assert.Single(_sqs.GetQueue(url).Delayed);
        _time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Empty(await Receive(url));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Single(await Receive(url));
    }

    [Fact]
    public async Task ReceiveMessage_VisibilityTimeout_ExpiresOnVirtualClockWithNewHandle()
    {
        var url = await Queue("vis");
        await _client.SendMessageAsync(url, "m");
        var first = Assert.Single(await Receive(url));
        Assert.Equal("1", first.Attributes["ApproximateReceiveCount"]);
        Assert.Single(_sqs.GetQueue(url).InFlight);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await Receive(url));
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = Assert.Single(await Receive(url));
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
        Assert.Equal("2", second.Attributes["ApproximateReceiveCount"]);
        Assert.Equal(first.Attributes["ApproximateFirstReceiveTimestamp"], second.Attributes["ApproximateFirstReceiveTimestamp"]);
    }

    [Fact]
    public async Task ReceiveMessage_VisibilityOverride_UsesRequestValue()
    {
        var url = await Queue("override");
        await _client.SendMessageAsync(url, "m");
        Assert.Single(await Receive(url, visibility: 5));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(await Receive(url));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task ReceiveMessage_MaxNumberOutOfRange_ThrowsInvalidParameterValue(int max)
    {
        var url = await Queue("max");
        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => Receive(url, max));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("MaxNumberOfMessages", error.Message);
    }

    [Fact]
    public async Task ReceiveMessage_MaxNumber_CapsBatch()
    {
        var url = await Queue("many");
        for (var i = 0; i < 15; i++)
        {
            await _client.SendMessageAsync(url, "m" + i);
        }

        var batch = await Receive(url, 10);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "m" + i), batch.Select(m => m.Body));
        Assert.Equal(5, (await Receive(url, 10)).Count);
    }

    [Fact]
    public async Task DeleteMessage_InvalidHandle_ThrowsReceiptHandleIsInvalid()
    {
        var url = await Queue("del");
        await Assert.ThrowsAsync<ReceiptHandleIsInvalidException>(() => _client.DeleteMessageAsync(url, "garbage"));
    }

    [Fact]
    public async Task DeleteMessage_StaleHandle_SucceedsButKeepsMessage()
    {
        var url = await Queue("stale");
        await _client.SendMessageAsync(url, "m");
        var first = Assert.Single(await Receive(url));
        _time.Advance(TimeSpan.FromSeconds(30));
        var second = Assert.Single(await Receive(url));

        await _client.DeleteMessageAsync(url, first.ReceiptHandle);
        Assert.Single(_sqs.GetQueue(url).Messages);

        await _client.DeleteMessageAsync(url, second.ReceiptHandle);
        Assert.Empty(_sqs.GetQueue(url).Messages);
        await _client.DeleteMessageAsync(url, second.ReceiptHandle);
    }

    [Fact]
    public async Task ChangeMessageVisibility_ExtendAndZero_MoveVisibleAt()
    {
        var url = await Queue("cmv");
        await _client.SendMessageAsync(url, "m");
        var message = Assert.Single(await Receive(url));
        _time.Advance(TimeSpan.FromSeconds(20));
        await _client.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 60);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(await Receive(url));
        await _client.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 0);
        Assert.Single(await Receive(url));
    }

    [Fact]
    public async Task ChangeMessageVisibility_NotInFlightOrStale_Fails()
    {
        var url = await Queue("cmv2");
        await _client.SendMessageAsync(url, "m");
        var first = Assert.Single(await Receive(url));
        _time.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<MessageNotInflightException>(() => _client.ChangeMessageVisibilityAsync(url, first.ReceiptHandle, 10));
        Assert.Single(await Receive(url));
        var stale = await Assert.ThrowsAsync<AmazonSQSException>(() => _client.ChangeMessageVisibilityAsync(url, first.ReceiptHandle, 10));
        Assert.Equal("InvalidParameterValue", stale.ErrorCode);
        Assert.Contains("expired", stale.Message);
        await Assert.ThrowsAsync<ReceiptHandleIsInvalidException>(() => _client.ChangeMessageVisibilityAsync(url, "nope", 10));
    }

    [Fact]
    public async Task SendMessageBatch_MixedEntries_ReportsSuccessfulAndFailed()
    {
        var url = await Queue("batch");
        var response = await _client.SendMessageBatchAsync(url,
        [
            new SendMessageBatchRequestEntry("a", "one"),
            new SendMessageBatchRequestEntry("b", "two") { DelaySeconds = 1000 },
            new SendMessageBatchRequestEntry("c", "three"),
        ]);
        Assert.Equal(["a", "c"], response.Successful.Select(s => s.Id));
        var failed = Assert.Single(response.Failed);
        Assert.Equal("b", failed.Id);
        Assert.Equal("InvalidParameterValue", failed.Code);
        Assert.True(failed.SenderFault);
        Assert.Equal(2, _sqs.GetQueue(url).Messages.Count);
    }

    [Fact]
    public async Task SendMessageBatch_BadBatches_ThrowBatchErrors()
    {
        var url = await Queue("badbatch");
        await Assert.ThrowsAsync<BatchEntryIdsNotDistinctException>(() => _client.SendMessageBatchAsync(url,
            [new SendMessageBatchRequestEntry("x", "1"), new SendMessageBatchRequestEntry("x", "2")]));
        await Assert.ThrowsAsync<TooManyEntriesInBatchRequestException>(() => _client.SendMessageBatchAsync(url,
            Enumerable.Range(0, 11).Select(i => new SendMessageBatchRequestEntry("e" + i, "b")).ToList()));
        await Assert.ThrowsAsync<EmptyBatchRequestException>(() => _client.SendMessageBatchAsync(url, []));
        await Assert.ThrowsAsync<InvalidBatchEntryIdException>(() => _client.SendMessageBatchAsync(url, [new SendMessageBatchRequestEntry("bad id!", "1")]));
    }

    [Fact]
    public async Task DeleteMessageBatch_InvalidHandle_FailsOnlyThatEntry()
    {
        var url = await Queue("delbatch");
        await _client.SendMessageAsync(url, "m");
        var message = Assert.Single(await Receive(url));
        var response = await _client.DeleteMessageBatchAsync(url,
            [new DeleteMessageBatchRequestEntry("ok", message.ReceiptHandle), new DeleteMessageBatchRequestEntry("bad", "junk")]);
        Assert.Equal("ok", Assert.Single(response.Successful).Id);
        Assert.Equal("ReceiptHandleIsInvalid", Assert.Single(response.Failed).Code);
        Assert.Empty(_sqs.GetQueue(url).Messages);
    }

    [Fact]
    public async Task SQS_04_Redrive_AfterMaxReceiveCount_MovesToDlqOnNextReceive()
    {
        var dlqUrl = await Queue("orders-dlq");
        var dlqArn = (await _client.GetQueueAttributesAsync(dlqUrl, ["QueueArn"])).QueueARN;
        var url = await Queue("orders", new() { ["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{dlqArn}\",\"maxReceiveCount\":\"2\"}}", ["VisibilityTimeout"] = "10" });
        var sent = await _client.SendMessageAsync(url, "poison");

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var message = Assert.Single(await Receive(url));
            Assert.Equal(attempt.ToString(), message.Attributes["ApproximateReceiveCount"]);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Empty(_sqs.GetQueue(dlqUrl).Messages);
        Assert.Single(_sqs.GetQueue(url).Visible);
        Assert.Empty(await Receive(url));
        Assert.Empty(_sqs.GetQueue(url).Messages);
        var dead = Assert.Single(_sqs.GetQueue(dlqUrl).Messages);
        Assert.Equal(sent.MessageId, dead.MessageId);
        Assert.Equal("poison", dead.Body);
        Assert.Equal(2, dead.ReceiveCount);
        var fromDlq = Assert.Single(await Receive(dlqUrl));
        Assert.Equal(sent.MessageId, fromDlq.MessageId);
    }

    [Fact]
    public async Task CreateQueue_RedriveToMissingQueue_Fails()
    {
        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => Queue("src", new()
        {
            ["RedrivePolicy"] = "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:none\",\"maxReceiveCount\":3}",
        }));
        Assert.Contains("Dead letter target does not exist", error.Message);
    }

    [Fact]
    public async Task ReceiveMessage_LongPoll_WaitsOnVirtualClockUntilMessageArrives()
    {
        var url = await Queue("longpoll");
        var pending = _client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20 });
        await Task.Yield();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(pending.IsCompleted);
        _sqs.GetQueue(url).Send(new SqsSendRequest { Body = "arrived" });
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        Assert.Equal("arrived", Assert.Single(response.Messages).Body);
    }

    [Fact]
    public async Task ReceiveMessage_LongPollNothingArrives_ReturnsEmptyAfterWait()
    {
        var url = await Queue("longpoll-empty");
        var pending = _client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 3 });
        await Task.Yield();
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        Assert.True(response.Messages is null or { Count: 0 });
    }

    [Fact]
    public async Task Retention_AfterPeriod_MessageIsGone()
    {
        var url = await Queue("short", new() { ["MessageRetentionPeriod"] = "60" });
        await _client.SendMessageAsync(url, "m");
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(_sqs.GetQueue(url).Messages);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await Receive(url));
    }

    [Fact]
    public async Task Observer_SeesEveryCallWithModelledLatency()
    {
        var url = await Queue("obs");
        await _client.SendMessageAsync(url, "m");
        await Receive(url);
        Assert.Equal(["CreateQueue", "SendMessage", "ReceiveMessage"], _observer.Calls.Select(c => c.Operation));
        Assert.All(_observer.Calls, c => Assert.True(c.Latency > TimeSpan.Zero));
    }

    [Fact]
    public async Task UnsupportedOperation_AnswersErrorNamingIt()
    {
        var url = await Queue("tags");
        var error = await Assert.ThrowsAsync<UnsupportedOperationException>(() => _client.TagQueueAsync(new TagQueueRequest { QueueUrl = url, Tags = new() { ["a"] = "b" } }));
        Assert.Contains("TagQueue", error.Message);
    }
}
