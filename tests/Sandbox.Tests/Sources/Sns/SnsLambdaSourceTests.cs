using System.Text.Json;
using Course.Lambda.Core;
using Course.Lambda.SNSEvents;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation.Destinations;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Sources.Sns;

namespace Course.Sandbox.Tests.Sources.Sns;

public class SnsLambdaSourceTests
{
    private static readonly DateTimeOffset T0 = TestHandlers.T0;

    private static (Simulation Sim, SnsTopic Topic, SnsSubscription Subscription) Subscribed(HandlerFactory handler, Action<Simulation, FunctionOptions>? configure = null)
    {
        var sim = TestHandlers.Sim();
        var options = new FunctionOptions { FunctionName = "notify" };
        configure?.Invoke(sim, options);
        var function = sim.Lambda.Deploy(options, handler);
        var topic = sim.Services.Sns.CreateTopic("orders");
        var subscription = sim.Services.Sns.Subscribe(topic.Arn, "lambda", function.Arn);
        return (sim, topic, subscription);
    }

    [Fact]
    public void SNS_01_Publish_InvokesAsynchronously_WithTheSnsEvent()
    {
        var seen = new List<SNSEvent>();
        var (sim, topic, subscription) = Subscribed(HandlerFactory.FromDelegate((SNSEvent e, ILambdaContext c) =>
        {
            seen.Add(e);
            return "ok";
        }));

        var envelope = sim.Services.Sns.Publish(topic.Arn, "order 1 placed", "Order");
        sim.Run();

        var record = Assert.Single(Assert.Single(seen).Records);
        Assert.Equal("aws:sns", record.EventSource);
        Assert.Equal(subscription.SubscriptionArn, record.EventSubscriptionArn);
        Assert.Equal("order 1 placed", record.Sns.Message);
        Assert.Equal("Order", record.Sns.Subject);
        Assert.Equal(envelope.MessageId, record.Sns.MessageId);
        Assert.Equal(topic.Arn, record.Sns.TopicArn);
        var queued = Assert.Single(sim.Trace.OfKind(TraceKind.AsyncQueued));
        Assert.Equal(T0, queued.Time);
        Assert.Single(sim.Trace.OfKind(TraceKind.SourceDelivery), e => e.Source == "orders");
    }

    [Fact]
    public void SNS_01_ThrottledInvoke_FollowsTheDeliveryPolicyExactly()
    {
        var (sim, topic, _) = Subscribed(TestHandlers.Echo);
        var throttles = Enumerable.Repeat(FaultKind.Throttling, 17).ToArray();   // 1 + 3 + 2 + 10 refusals, then one post-backoff retry
        sim.Services.SnsLambda.InvokeFaults.Script("Invoke", throttles);

        sim.Services.Sns.Publish(topic.Arn, "hello");
        sim.Run();

        var delays = sim.Trace.OfKind(TraceKind.RetryScheduled).Where(e => e.Source == "orders").Select(e => e.Duration!.Value.TotalMilliseconds).ToList();
        Assert.Equal([0, 0, 0, 1000, 1000, 1000, 1395, 1946, 2714, 3786, 5282, 7368, 10278, 14337, 20000, 20000, 20000], delays);
        var throttled = sim.Trace.OfKind(TraceKind.Throttle).Where(e => e.Source == "orders").Select(e => e.Time).ToList();
        Assert.Equal(17, throttled.Count);
        Assert.Equal([T0, T0, T0, T0, T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(3)], throttled.Take(7));
        var delivered = Assert.Single(sim.Trace.OfKind(TraceKind.SourceDelivery), e => e.Source == "orders");
        Assert.Equal(T0.AddMilliseconds(2_000 + 68_106 + 40_000), delivered.Time);   // 18th attempt: pre-backoff, backoff, two post-backoff delays
        Assert.Equal(18, delivered.Attempt);
        Assert.Single(sim.Trace.OfKind(TraceKind.InvokeEnd));
    }

    [Fact]
    public void SNS_01_PolicyExhausted_MessageGoesToTheSubscriptionDlq()
    {
        var (sim, topic, subscription) = Subscribed(TestHandlers.Echo);
        var dlq = sim.Services.Sqs.CreateQueue("sns-dlq");
        sim.Services.SnsLambda.SetDeadLetterQueue(subscription.SubscriptionArn, dlq);
        sim.Services.SnsLambda.InvokeFaults.ErrorRate = 1;   // Lambda refuses every invoke with 429

        var envelope = sim.Services.Sns.Publish(topic.Arn, "never delivered");
        sim.Run();

        Assert.Equal(100_016, sim.Trace.OfKind(TraceKind.Throttle).Count(e => e.Source == "orders"));
        var message = Assert.Single(dlq.Messages);
        Assert.Equal(T0.AddMilliseconds(2_000_070_106), message.SentTimestamp);
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal(envelope.MessageId, body.RootElement.GetProperty("MessageId").GetString());
        Assert.Empty(sim.Trace.OfKind(TraceKind.InvokeStart));
    }

    [Fact]
    public void SNS_01_ClientError_IsNotRetried_AndDiscardedWithoutDlq()
    {
        var sim = TestHandlers.Sim();
        var topic = sim.Services.Sns.CreateTopic("orders");
        sim.Services.Sns.Subscribe(topic.Arn, "lambda", "arn:aws:lambda:us-east-1:123456789012:function:deleted");
        sim.Services.Sns.Publish(topic.Arn, "hello");
        sim.Run();

        Assert.Empty(sim.Trace.OfKind(TraceKind.RetryScheduled));
        Assert.Contains(sim.Trace.OfKind(TraceKind.SourceOutcome), e => e.Detail.Contains("discarded (client error 404 ResourceNotFoundException)", StringComparison.Ordinal));
    }

    [Fact]
    public void SNS_01_FailingHandler_LambdaRetriesTwice_ThenTheFunctionsDlq()
    {
        var (sim, topic, _) = Subscribed(TestHandlers.Throws("bad order"),
            (s, o) => o.Async.DeadLetter = Destinations.Queue(s, s.Services.Sqs.CreateQueue("notify-dlq")));
        var dlq = sim.Services.Sqs.GetQueueByName("notify-dlq");

        sim.Services.Sns.Publish(topic.Arn, "order 9");
        sim.Run();

        Assert.DoesNotContain(sim.Trace.OfKind(TraceKind.RetryScheduled), e => e.Source == "orders");   // SNS handed it over: 202
        var starts = sim.Trace.OfKind(TraceKind.InvokeStart).Select(e => e.Time).ToList();
        Assert.Equal([T0.AddMilliseconds(235), T0.AddMilliseconds(60_235.5), T0.AddMilliseconds(180_236)], starts);
        var message = Assert.Single(dlq.Messages);
        Assert.Equal(T0.AddMilliseconds(180_236.5), message.SentTimestamp);
        Assert.Equal("bad order", message.MessageAttributes["ErrorMessage"].StringValue);
        Assert.Equal("200", message.MessageAttributes["ErrorCode"].StringValue);
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal("order 9", body.RootElement.GetProperty("Records")[0].GetProperty("Sns").GetProperty("Message").GetString());
    }

    [Fact]
    public void SNS_01_ServiceError_IsRetriedLikeAThrottle()
    {
        var (sim, topic, _) = Subscribed(TestHandlers.Echo);
        sim.Services.SnsLambda.InvokeFaults.Script("Invoke", FaultKind.InternalServerError, FaultKind.InternalServerError);
        sim.Services.Sns.Publish(topic.Arn, "x");
        sim.Run();
        Assert.Equal([0, 0], sim.Trace.OfKind(TraceKind.RetryScheduled).Where(e => e.Source == "orders").Select(e => e.Duration!.Value.TotalMilliseconds));
        Assert.Equal(3, Assert.Single(sim.Trace.OfKind(TraceKind.SourceDelivery), e => e.Source == "orders").Attempt);
    }

    [Fact]
    public void Policy_Inconsistent_IsRejected()
    {
        var sim = TestHandlers.Sim();
        Assert.Throws<ArgumentException>(() => sim.Services.SnsLambda.Policy = new SnsDeliveryPolicy { MinDelay = TimeSpan.FromSeconds(30) });
    }
}
