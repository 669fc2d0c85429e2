using Course.Sandbox.Services.Sqs;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Sqs;

/// <summary>
/// Receipt handles over long runs: the queue's handle map holds only the messages still in the queue, while deletes
/// keep AWS's documented answers (DeleteMessage: a handle of an earlier receive succeeds without deleting; an
/// unknown handle is ReceiptHandleIsInvalid).
/// </summary>
public sealed class SqsReceiptHandlesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void HandleMap_OverTenThousandReceivesAndDeletes_HoldsOnlyStoredMessages()
    {
        var queue = new SqsService(_time, new Random(7)).CreateQueue("long-run", new Dictionary<string, string> { ["VisibilityTimeout"] = "1" });
        for (var i = 0; i < 10_000; i++)
        {
            queue.Send(new SqsSendRequest { Body = $"m{i}" });
            var first = queue.Receive(1).Single();
            if (i % 3 == 0)
            {
                _time.Advance(TimeSpan.FromSeconds(2)); // visibility ends: received again, the first handle goes stale
                var second = queue.Receive(1).Single();
                Assert.False(queue.Delete(first.ReceiptHandle));
                Assert.True(queue.Delete(second.ReceiptHandle));
            }
            else
            {
                Assert.True(queue.Delete(first.ReceiptHandle));
            }

            Assert.Equal(0, queue.TrackedHandles);
        }

        queue.Send(new SqsSendRequest { Body = "kept" });
        queue.Receive(1);
        Assert.Equal(1, queue.TrackedHandles);
        Assert.Equal(10_000, queue.Deleted.Count);
    }

    [Fact]
    public void Delete_StaleHandle_SucceedsWithoutDeleting_LatestHandleDeletes()
    {
        var queue = new SqsService(_time, new Random(1)).CreateQueue("q", new Dictionary<string, string> { ["VisibilityTimeout"] = "5" });
        queue.Send(new SqsSendRequest { Body = "a" });
        var first = queue.Receive(1).Single();
        _time.Advance(TimeSpan.FromSeconds(6));
        var second = queue.Receive(1).Single();

        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
        Assert.False(queue.Delete(first.ReceiptHandle));
        Assert.Single(queue.Messages);
        Assert.True(queue.Delete(second.ReceiptHandle));
        Assert.Empty(queue.Messages);
    }

    [Fact]
    public void Delete_HandleOfADeletedOrPurgedMessage_StillSucceeds()
    {
        var queue = new SqsService(_time, new Random(1)).CreateQueue("q");
        queue.Send(new SqsSendRequest { Body = "a" });
        queue.Send(new SqsSendRequest { Body = "b" });
        var batch = queue.Receive(10);

        Assert.True(queue.Delete(batch[0].ReceiptHandle));
        Assert.False(queue.Delete(batch[0].ReceiptHandle));
        queue.Purge();
        Assert.False(queue.Delete(batch[1].ReceiptHandle));
        Assert.Equal(0, queue.TrackedHandles);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("AQEBAAAA")]
    public void Delete_HandleNeverIssued_IsReceiptHandleIsInvalid(string handle)
    {
        var queue = new SqsService(_time, new Random(1)).CreateQueue("q");
        Assert.Equal("ReceiptHandleIsInvalid", Assert.Throws<SqsException>(() => queue.Delete(handle)).ErrorCode);
    }

    [Fact]
    public void Delete_HandleOfAnotherQueueOrAlteredHandle_IsReceiptHandleIsInvalid()
    {
        var service = new SqsService(_time, new Random(1));
        var a = service.CreateQueue("a");
        var b = service.CreateQueue("b");
        a.Send(new SqsSendRequest { Body = "x" });
        var handle = a.Receive(1).Single().ReceiptHandle;
        var altered = handle[..^6] + (handle[^6] == 'A' ? 'B' : 'A') + handle[^5..];

        Assert.Equal("ReceiptHandleIsInvalid", Assert.Throws<SqsException>(() => b.Delete(handle)).ErrorCode);
        Assert.Equal("ReceiptHandleIsInvalid", Assert.Throws<SqsException>(() => a.Delete(altered)).ErrorCode);
        Assert.True(a.Delete(handle));
    }

    [Fact]
    public void ChangeVisibility_StaleHandle_HasExpired_GoneMessage_IsNotInflight()
    {
        var queue = new SqsService(_time, new Random(1)).CreateQueue("q", new Dictionary<string, string> { ["VisibilityTimeout"] = "5" });
        queue.Send(new SqsSendRequest { Body = "a" });
        var first = queue.Receive(1).Single();
        _time.Advance(TimeSpan.FromSeconds(6));
        var second = queue.Receive(1).Single();

        Assert.Contains("expired", Assert.Throws<SqsException>(() => queue.ChangeVisibility(first.ReceiptHandle, TimeSpan.Zero)).Message, StringComparison.Ordinal);
        queue.Delete(second.ReceiptHandle);
        Assert.Equal("MessageNotInflight", Assert.Throws<SqsException>(() => queue.ChangeVisibility(second.ReceiptHandle, TimeSpan.Zero)).ErrorCode);
    }
}
