using System.Text.Json;
using Course.Sandbox.Functions;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Sources.Sns;
using CsCheck;

namespace Course.Sandbox.Tests.Sources.EventBridge;

/// <summary>"Nothing is lost": under random faults and seeds, every event ends delivered or in a dead-letter queue.</summary>
public class EventDeliveryPropertyTests
{
    [Fact]
    public void EB_02_Property_EveryMatchedEvent_IsDeliveredOrDeadLettered_ExactlyOnce()
    {
        Gen.Select(Gen.Int[1, 1000], Gen.Double[0, 0.9], Gen.Int[0, 6], Gen.Int[1, 25]).Sample((seed, rate, retries, count) =>
        {
            var sim = TestHandlers.Sim(seed);
            var target = sim.Services.Sqs.CreateQueue("target");
            var dlq = sim.Services.Sqs.CreateQueue("dlq");
            var events = sim.Services.EventBridge;
            events.PutRule("all", """{"source":["p"]}""");
            events.PutTargets("all", [new RuleTarget { Id = "q", Arn = target.Arn, DeadLetterArn = dlq.Arn, RetryPolicy = new EventBridgeRetryPolicy { MaximumRetryAttempts = retries } }]);
            events.TargetFaults.ErrorRate = rate;
            events.TargetFaults.RateFault = seed % 2 == 0 ? FaultKind.Throttling : FaultKind.InternalServerError;

            var ids = new List<string>();
            for (var i = 0; i < count; i++)
            {
                ids.Add(events.PutEvents([new PutEventsEntry { Source = "p", DetailType = "t", Detail = $$"""{"i":{{i}}}""" }]).Entries[0].EventId!);
            }

            sim.Run();

            var ended = target.Messages.Concat(dlq.Messages).Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("id").GetString()).Order().ToList();
            Assert.Equal(ids.Order(), ended);
            Assert.All(dlq.Messages, m => Assert.Equal(retries.ToString(System.Globalization.CultureInfo.InvariantCulture), m.MessageAttributes["RETRY_ATTEMPTS"].StringValue));
        }, iter: 60);
    }

    [Fact]
    public void SNS_01_Property_EveryMessage_IsHandedToLambdaOrDeadLettered()
    {
        Gen.Select(Gen.Int[1, 1000], Gen.Double[0, 0.95], Gen.Int[1, 20]).Sample((seed, rate, count) =>
        {
            var sim = TestHandlers.Sim(seed);
            var fn = sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, TestHandlers.Echo);
            var topic = sim.Services.Sns.CreateTopic("t");
            var subscription = sim.Services.Sns.Subscribe(topic.Arn, "lambda", fn.Arn);
            var dlq = sim.Services.Sqs.CreateQueue("dlq");
            sim.Services.SnsLambda.SetDeadLetterQueue(subscription.SubscriptionArn, dlq);
            sim.Services.SnsLambda.Policy = new SnsDeliveryPolicy { PostBackoffRetries = 3 };
            sim.Services.SnsLambda.InvokeFaults.ErrorRate = rate;

            for (var i = 0; i < count; i++)
            {
                sim.Services.Sns.Publish(topic.Arn, "m" + i);
            }

            sim.Run();

            var accepted = sim.Trace.OfKind(TraceKind.SourceDelivery).Count(e => e.Source == "t");
            Assert.Equal(count, accepted + dlq.Messages.Count);
            Assert.Equal(accepted, sim.Trace.OfKind(TraceKind.InvokeEnd).Count());
        }, iter: 40);
    }
}
