using Course.Sandbox.Services.Sqs;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Sqs;

/// <summary>The engine-facing API: what an event-source poller and graders use, without HTTP.</summary>
public sealed class SqsQueueTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ReceiveDeleteChangeVisibility_WithoutHttp_TrackStates()
    {
        var queue = new SqsService(_time, new Random(1)).CreateQueue("jobs");
        queue.Send(new SqsSendRequest { Body = "a" });
        queue.Send(new SqsSendRequest { Body = "b" });

        var batch = queue.Receive(10, TimeSpan.FromSeconds(60));
        Assert.Equal(2, queue.InFlight.Count);
        Assert.True(queue.Delete(batch[0].ReceiptHandle));
        queue.ChangeVisibility(batch[1].ReceiptHandle, TimeSpan.Zero);

        Assert.Equal(["a"], queue.Deleted.Select(m => m.Body));
        Assert.Equal(["b"], queue.Visible.Select(m => m.Body));
        Assert.Equal(SqsMessageState.Visible, queue.Messages[0].StateAt(_time.GetUtcNow()));
    }

    [Fact]
    public void ChangedAndNextVisibleAt_TellAPollerWhenToLook()
    {
        var queue = new SqsService(_time, new Random(1)).CreateQueue("poll");
        var changes = 0;
        queue.Changed += _ => changes++;
        Assert.Null(queue.NextVisibleAt);

        queue.Send(new SqsSendRequest { Body = "later", DelaySeconds = 5 });
        Assert.Equal(1, changes);
        Assert.Equal(_time.GetUtcNow().AddSeconds(5), queue.NextVisibleAt);

        _time.Advance(TimeSpan.FromSeconds(5));
        var received = Assert.Single(queue.Receive(1, TimeSpan.FromSeconds(12)));
        Assert.Equal(_time.GetUtcNow().AddSeconds(12), queue.NextVisibleAt);
        queue.ChangeVisibility(received.ReceiptHandle, TimeSpan.FromSeconds(2));
        Assert.Equal(2, changes);
        Assert.Equal(_time.GetUtcNow().AddSeconds(2), queue.NextVisibleAt);
    }

    [Fact]
    public void ChangeVisibility_TotalBeyondTwelveHoursFromReceive_Fails()
    {
        var queue = new SqsService(_time, new Random(1)).CreateQueue("long");
        queue.Send(new SqsSendRequest { Body = "x" });
        var handle = queue.Receive(1, TimeSpan.FromHours(11)).Single().ReceiptHandle;
        _time.Advance(TimeSpan.FromHours(10));
        queue.ChangeVisibility(handle, TimeSpan.FromHours(2));
        var error = Assert.Throws<SqsException>(() => queue.ChangeVisibility(handle, TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1)));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("43200", error.Message);
    }

    [Fact]
    public void SameSeed_SameIdsAndHandles()
    {
        static (string, string) Run(FakeTimeProvider time)
        {
            var queue = new SqsService(time, new Random(42)).CreateQueue("q");
            var sent = queue.Send(new SqsSendRequest { Body = "x" });
            return (sent.MessageId, queue.Receive()[0].ReceiptHandle);
        }

        Assert.Equal(Run(new FakeTimeProvider()), Run(new FakeTimeProvider()));
    }

    [Fact]
    public void Md5OfMessageAttributes_IsOrderIndependentAndValueSensitive()
    {
        // The SDK's own MD5 check is exercised end to end in SqsQueueSdkTests; this pins the encoding's properties.
        var ab = SqsMd5.OfAttributes(new Dictionary<string, SqsMessageAttribute> { ["a"] = SqsMessageAttribute.String("1"), ["b"] = SqsMessageAttribute.Number("2") });
        var ba = SqsMd5.OfAttributes(new Dictionary<string, SqsMessageAttribute> { ["b"] = SqsMessageAttribute.Number("2"), ["a"] = SqsMessageAttribute.String("1") });
        var changed = SqsMd5.OfAttributes(new Dictionary<string, SqsMessageAttribute> { ["a"] = SqsMessageAttribute.String("1"), ["b"] = SqsMessageAttribute.String("2") });
        Assert.Equal(ab, ba);
        Assert.NotEqual(ab, changed);
        Assert.Null(SqsMd5.OfAttributes(new Dictionary<string, SqsMessageAttribute>()));
    }
}
