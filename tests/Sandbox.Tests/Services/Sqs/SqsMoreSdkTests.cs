using System.Net;
using Amazon.SQS;
using Amazon.SQS.Model;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Sqs;

public sealed class SqsMoreSdkTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqsService _sqs;
    private readonly FaultInjector _faults = new(new Random(1));
    private readonly RecordingObserver _observer = new();
    private readonly AmazonSQSClient _client;

    public SqsMoreSdkTests()
    {
        _sqs = new SqsService(_time, new Random(5));
        _client = WireClients.Sqs(new SqsWireService(_sqs, _faults, _observer));
    }

    [Fact]
    public async Task ListPurgeDeleteQueue_Work()
    {
        var a = (await _client.CreateQueueAsync("app-a")).QueueUrl;
        await _client.CreateQueueAsync("app-b");
        await _client.CreateQueueAsync("other");
        Assert.Equal(2, (await _client.ListQueuesAsync("app-")).QueueUrls.Count);

        await _client.SendMessageAsync(a, "m");
        await _client.PurgeQueueAsync(a);
        Assert.Empty(_sqs.GetQueue(a).Messages);

        await _client.DeleteQueueAsync(a);
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => _client.GetQueueUrlAsync("app-a"));
    }

    [Fact]
    public async Task ChangeMessageVisibilityBatch_PerEntryResults()
    {
        var url = (await _client.CreateQueueAsync("cmvb")).QueueUrl;
        await _client.SendMessageAsync(url, "m");
        var message = Assert.Single((await _client.ReceiveMessageAsync(url)).Messages);
        var response = await _client.ChangeMessageVisibilityBatchAsync(url,
        [
            new ChangeMessageVisibilityBatchRequestEntry("ok", message.ReceiptHandle) { VisibilityTimeout = 0 },
            new ChangeMessageVisibilityBatchRequestEntry("bad", "junk") { VisibilityTimeout = 0 },
        ]);
        Assert.Equal("ok", Assert.Single(response.Successful).Id);
        Assert.Equal("ReceiptHandleIsInvalid", Assert.Single(response.Failed).Code);
        Assert.Single(_sqs.GetQueue(url).Visible);
    }

    [Fact]
    public async Task SendMessageBatch_TotalOverLimit_ThrowsBatchRequestTooLong()
    {
        var url = (await _client.CreateQueueAsync(new CreateQueueRequest { QueueName = "small", Attributes = new() { ["MaximumMessageSize"] = "1024" } })).QueueUrl;
        var body = new string('x', 600);
        await Assert.ThrowsAsync<BatchRequestTooLongException>(() => _client.SendMessageBatchAsync(url,
            [new SendMessageBatchRequestEntry("a", body), new SendMessageBatchRequestEntry("b", body)]));
        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => _client.SendMessageAsync(url, new string('x', 1025)));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task FaultInjector_ScriptedFaults_SdkSeesSqsErrors()
    {
        var url = (await _client.CreateQueueAsync("faulty")).QueueUrl;
        _faults.Script("SendMessage", FaultKind.InternalServerError, FaultKind.Throttling);
        var error = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => _client.SendMessageAsync(url, "m"));
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("InternalError", _observer.Calls[^1].Outcome);
        await Assert.ThrowsAsync<RequestThrottledException>(() => _client.SendMessageAsync(url, "m"));
        Assert.Empty(_sqs.GetQueue(url).Messages);

        await _client.SendMessageAsync(url, "m");
        Assert.Single(_sqs.GetQueue(url).Messages);
    }

    [Fact]
    public async Task FaultInjector_ExtraLatency_AddsToModelledLatency()
    {
        _faults.LatencyRate = 1;
        _faults.ExtraLatency = TimeSpan.FromMilliseconds(250);
        await _client.CreateQueueAsync("slow");
        Assert.Equal(SqsWireService.ModelledLatency("CreateQueue") + TimeSpan.FromMilliseconds(250), _observer.Calls[^1].Latency);
    }
}
