using Course.Sandbox.Services.Sqs;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Sqs;

public sealed class SqsQueuePropertyTests
{
    [Fact]
    public void AnyOperationSequence_NoMessageIsLostOrDuplicated()
    {
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 40]).Array[1, 60].Sample(ops =>
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var sqs = new SqsService(time, new Random(1));
            var dlq = sqs.CreateQueue("dlq");
            var queue = sqs.CreateQueue("main", new Dictionary<string, string>
            {
                ["VisibilityTimeout"] = "10",
                ["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{dlq.Arn}\",\"maxReceiveCount\":3}}",
            });
            var sent = new List<string>();
            var handles = new List<string>();
            foreach (var (op, n) in ops)
            {
                switch (op)
                {
                    case 0:
                        sent.Add(queue.Send(new SqsSendRequest { Body = "m" + n, DelaySeconds = n % 7 }).MessageId);
                        break;
                    case 1:
                        handles.AddRange(queue.Receive(1 + (n % 10)).Select(m => m.ReceiptHandle));
                        break;
                    case 2 when handles.Count > 0:
                        queue.Delete(handles[n % handles.Count]);
                        break;
                    case 3 when handles.Count > 0:
                        try
                        {
                            queue.ChangeVisibility(handles[n % handles.Count], TimeSpan.FromSeconds(n));
                        }
                        catch (SqsException e) when (e.ErrorCode is "MessageNotInflight" or "InvalidParameterValue")
                        {
                        }

                        break;
                    default:
                        time.Advance(TimeSpan.FromSeconds(n));
                        break;
                }
            }

            var everywhere = queue.Messages.Concat(queue.Deleted).Concat(dlq.Messages).Select(m => m.MessageId).ToList();
            Assert.Equal(sent.Order(StringComparer.Ordinal), everywhere.Order(StringComparer.Ordinal));
            Assert.All(queue.InFlight, m => Assert.InRange(m.ReceiveCount, 1, 3));
            Assert.All(dlq.Messages, m => Assert.Equal(3, m.ReceiveCount));
        });
    }

    [Fact]
    public void Fifo_AnyInterleaving_DeliversEachGroupInSendOrder()
    {
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 10]).Array[1, 60].Sample(ops =>
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var queue = new SqsService(time, new Random(1)).CreateQueue("f.fifo", new Dictionary<string, string> { ["FifoQueue"] = "true" });
            var counter = 0;
            var processed = new Dictionary<string, List<int>>();
            foreach (var (op, group, n) in ops)
            {
                if (op == 0)
                {
                    var id = counter++;
                    queue.Send(new SqsSendRequest { Body = id.ToString(), MessageGroupId = "g" + group, MessageDeduplicationId = "d" + id });
                }
                else if (op == 1)
                {
                    // Process the batch in order; a failure (n odd) stops at the first message and leaves the rest.
                    foreach (var message in queue.Receive(n))
                    {
                        if (n % 2 == 1)
                        {
                            break;
                        }

                        var g = queue.Messages.First(m => m.MessageId == message.MessageId).MessageGroupId!;
                        queue.Delete(message.ReceiptHandle);
                        (processed.TryGetValue(g, out var list) ? list : processed[g] = []).Add(int.Parse(message.Body));
                    }
                }
                else
                {
                    time.Advance(TimeSpan.FromSeconds(n * 5));
                }
            }

            Assert.All(processed.Values, list => Assert.Equal(list.Order(), list));
        });
    }
}
