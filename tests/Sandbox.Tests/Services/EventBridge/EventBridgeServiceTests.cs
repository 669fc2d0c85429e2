using System.Text.Json;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation.Destinations;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Tests.Services.EventBridge;

public class EventBridgeServiceTests
{
    private static readonly DateTimeOffset T0 = TestHandlers.T0;
    private const string OrderPattern = """{"source":["com.example.orders"],"detail-type":["Order Placed"],"detail":{"total":[{"numeric":[">",100]}]}}""";

    private static PutEventsEntry Order(int total, string? bus = null) => new()
    {
        Source = "com.example.orders",
        DetailType = "Order Placed",
        Detail = $$"""{"orderId":"o-{{total}}","total":{{total}}}""",
        EventBusName = bus,
        Resources = ["arn:aws:dynamodb:us-east-1:123456789012:table/orders"],
    };

    private static (Simulation Sim, EventBridgeService Events, SqsQueue Queue) WithQueueTarget(string? bus = null)
    {
        var sim = TestHandlers.Sim();
        var events = sim.Services.EventBridge;
        if (bus is not null)
        {
            events.CreateEventBus(bus);
        }

        var queue = sim.Services.Sqs.CreateQueue("big-orders");
        events.PutRule("big-orders", OrderPattern, eventBusName: bus);
        events.PutTargets("big-orders", [new RuleTarget { Id = "q", Arn = queue.Arn }], bus);
        return (sim, events, queue);
    }

    [Fact]
    public void EB_04_PutEvents_DeliversTheEnvelope_ToMatchingRulesOnly()
    {
        var (sim, events, queue) = WithQueueTarget();
        sim.RunFor(TimeSpan.FromSeconds(5));

        var result = events.PutEvents([Order(250), Order(50)]);
        sim.Run();

        Assert.Equal(0, result.FailedEntryCount);
        Assert.All(result.Entries, e => Assert.NotNull(e.EventId));
        var message = Assert.Single(queue.Messages);
        using var envelope = JsonDocument.Parse(message.Body);
        var root = envelope.RootElement;
        Assert.Equal(["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0", root.GetProperty("version").GetString());
        Assert.Equal(result.Entries[0].EventId, root.GetProperty("id").GetString());
        Assert.Equal("2026-01-01T00:00:05Z", root.GetProperty("time").GetString());
        Assert.Equal("123456789012", root.GetProperty("account").GetString());
        Assert.Equal("us-east-1", root.GetProperty("region").GetString());
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/orders", root.GetProperty("resources")[0].GetString());
        Assert.Equal(250, root.GetProperty("detail").GetProperty("total").GetInt32());
        Assert.Equal(2, events.DefaultBus.Events.Count);
        Assert.Single(sim.Trace.OfKind(TraceKind.SourceDelivery), e => e.Source == "big-orders");
    }

    [Fact]
    public void EB_04_LambdaTarget_ReceivesACloudWatchEvent()
    {
        var sim = TestHandlers.Sim();
        var seen = new List<CloudWatchEvent<JsonElement>>();
        var fn = sim.Lambda.Deploy(new FunctionOptions { FunctionName = "on-order" }, HandlerFactory.FromDelegate((CloudWatchEvent<JsonElement> e, ILambdaContext c) =>
        {
            seen.Add(e);
            return "ok";
        }));
        sim.Services.EventBridge.CreateEventBus("shop");
        sim.Services.EventBridge.PutRule("all-orders", """{"source":["com.example.orders"]}""", eventBusName: "shop");
        sim.Services.EventBridge.PutTargets("all-orders", [new RuleTarget { Id = "fn", Arn = fn.Arn }], "shop");

        sim.Services.EventBridge.PutEvents([Order(10, "shop"), Order(20)]);   // the second goes to the default bus: no rule
        sim.Run();

        var e = Assert.Single(seen);
        Assert.Equal("Order Placed", e.DetailType);
        Assert.Equal("com.example.orders", e.Source);
        Assert.Equal(10, e.Detail.GetProperty("total").GetInt32());
        Assert.Single(sim.Trace.OfKind(TraceKind.AsyncQueued));
    }

    [Fact]
    public void EB_04_PutEvents_EntriesFailOneByOne()
    {
        var sim = TestHandlers.Sim();
        var result = sim.Services.EventBridge.PutEvents(
        [
            Order(1),
            new PutEventsEntry { Source = "s", DetailType = "t", Detail = "[1]" },
            new PutEventsEntry { DetailType = "t", Detail = "{}" },
            Order(2, "no-such-bus"),
        ]);

        Assert.Equal(3, result.FailedEntryCount);
        Assert.NotNull(result.Entries[0].EventId);
        Assert.Equal(("MalformedDetail", "Detail is malformed."), (result.Entries[1].ErrorCode, result.Entries[1].ErrorMessage));
        Assert.Equal("InvalidArgument", result.Entries[2].ErrorCode);
        Assert.Equal("ResourceNotFoundException", result.Entries[3].ErrorCode);
        var tooMany = Assert.Throws<EventBridgeException>(() => sim.Services.EventBridge.PutEvents(Enumerable.Range(0, 11).Select(i => Order(i)).ToList()));
        Assert.Equal("ValidationException", tooMany.ErrorCode);
    }

    [Fact]
    public void EB_02_ThrottledTarget_Default185RetriesWithBackoff_ThenDlq()
    {
        var (sim, events, queue) = WithQueueTarget();
        var dlq = sim.Services.Sqs.CreateQueue("rule-dlq");
        events.PutTargets("big-orders", [new RuleTarget { Id = "q", Arn = queue.Arn, DeadLetterArn = dlq.Arn }]);
        events.TargetFaults.ErrorRate = 1;   // SQS throttles every SendMessage

        var id = events.PutEvents([Order(500)]).Entries[0].EventId;
        sim.Run();

        var delays = sim.Trace.OfKind(TraceKind.RetryScheduled).Select(e => e.Duration!.Value.TotalSeconds).ToList();
        Assert.Equal(185, delays.Count);
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 480, 480], delays.Take(11));
        Assert.All(delays.Skip(9), d => Assert.Equal(480, d));
        Assert.Equal(186, sim.Trace.OfKind(TraceKind.Throttle).Count(e => e.Source == "big-orders"));
        Assert.Empty(queue.Messages);
        var dead = Assert.Single(dlq.Messages);
        Assert.Equal(T0.AddSeconds(511 + (176 * 480)), dead.SentTimestamp);   // 23.6 h: the attempts run out before the 24 h age
        Assert.Equal("MaximumRetryAttempts", dead.MessageAttributes["EXHAUSTED_RETRY_CONDITION"].StringValue);
        Assert.Equal("185", dead.MessageAttributes["RETRY_ATTEMPTS"].StringValue);
        Assert.Equal("ThrottlingException", dead.MessageAttributes["ERROR_CODE"].StringValue);
        Assert.Equal(events.GetRule("big-orders").Arn, dead.MessageAttributes["RULE_ARN"].StringValue);
        Assert.Equal(queue.Arn, dead.MessageAttributes["TARGET_ARN"].StringValue);
        using var body = JsonDocument.Parse(dead.Body);
        Assert.Equal(id, body.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void EB_02_MaximumEventAge_StopsRetriesFirst()
    {
        var (sim, events, queue) = WithQueueTarget();
        var dlq = sim.Services.Sqs.CreateQueue("rule-dlq");
        events.PutTargets("big-orders", [new RuleTarget { Id = "q", Arn = queue.Arn, DeadLetterArn = dlq.Arn, RetryPolicy = new EventBridgeRetryPolicy { MaximumEventAgeInSeconds = 600 } }]);
        events.TargetFaults.ErrorRate = 1;

        events.PutEvents([Order(500)]);
        sim.Run();

        var attempts = sim.Trace.OfKind(TraceKind.Throttle).Select(e => (e.Time - T0).TotalSeconds).ToList();
        Assert.Equal([0, 1, 3, 7, 15, 31, 63, 127, 255, 511], attempts);   // the next retry, at 991 s, would be past 600 s
        var dead = Assert.Single(dlq.Messages);
        Assert.Equal(T0.AddSeconds(511), dead.SentTimestamp);
        Assert.Equal("MaximumEventAgeInSeconds", dead.MessageAttributes["EXHAUSTED_RETRY_CONDITION"].StringValue);
    }

    [Fact]
    public void EB_02_MaximumRetryAttempts_Zero_NoDlq_EventIsDropped()
    {
        var (sim, events, queue) = WithQueueTarget();
        events.PutTargets("big-orders", [new RuleTarget { Id = "q", Arn = queue.Arn, RetryPolicy = new EventBridgeRetryPolicy { MaximumRetryAttempts = 0 } }]);
        events.TargetFaults.Script("SendMessage", FaultKind.InternalServerError);
        events.PutEvents([Order(500)]);
        sim.Run();
        Assert.Empty(sim.Trace.OfKind(TraceKind.RetryScheduled));
        Assert.Contains(sim.Trace.OfKind(TraceKind.SourceOutcome), e => e.Detail.StartsWith("event dropped after 1 attempts", StringComparison.Ordinal));
        Assert.Empty(queue.Messages);
    }

    [Fact]
    public void EB_02_TransientThrottle_IsRetried_AndDelivered()
    {
        var (sim, events, queue) = WithQueueTarget();
        events.TargetFaults.Script("SendMessage", FaultKind.Throttling, FaultKind.Throttling, FaultKind.Throttling);
        events.PutEvents([Order(500)]);
        sim.Run();
        var message = Assert.Single(queue.Messages);
        Assert.Equal(T0.AddSeconds(7), message.SentTimestamp);
        Assert.Equal(4, Assert.Single(sim.Trace.OfKind(TraceKind.SourceDelivery)).Attempt);
    }

    [Fact]
    public void EB_02_MissingTarget_IsNotRetried_GoesStraightToDlq()
    {
        var sim = TestHandlers.Sim();
        var dlq = sim.Services.Sqs.CreateQueue("rule-dlq");
        sim.Services.EventBridge.PutRule("r", """{"source":["com.example.orders"]}""");
        sim.Services.EventBridge.PutTargets("r", [new RuleTarget { Id = "fn", Arn = "arn:aws:lambda:us-east-1:123456789012:function:deleted", DeadLetterArn = dlq.Arn }]);
        sim.Services.EventBridge.PutEvents([Order(1)]);
        sim.Run();
        Assert.Empty(sim.Trace.OfKind(TraceKind.RetryScheduled));
        var dead = Assert.Single(dlq.Messages);
        Assert.Equal(T0, dead.SentTimestamp);
        Assert.Equal("ResourceNotFoundException", dead.MessageAttributes["ERROR_CODE"].StringValue);
        Assert.False(dead.MessageAttributes.ContainsKey("EXHAUSTED_RETRY_CONDITION"));
    }

    [Fact]
    public void EB_02_FailingHandler_LambdaRetries_ThenFailureRecordOnABus_RoutedToAQueue()
    {
        var sim = TestHandlers.Sim();
        var events = sim.Services.EventBridge;
        var failures = events.CreateEventBus("failures");
        var failedQueue = sim.Services.Sqs.CreateQueue("failed-invocations");
        events.PutRule("lambda-failures", """{"source":["lambda"],"detail-type":["Lambda Function Invocation Result - Failure"]}""", eventBusName: "failures");
        events.PutTargets("lambda-failures", [new RuleTarget { Id = "q", Arn = failedQueue.Arn }], "failures");
        var options = new FunctionOptions { FunctionName = "on-order" };
        options.Async.OnFailure = Destinations.Bus(sim, failures);
        var fn = sim.Lambda.Deploy(options, TestHandlers.Throws("out of stock"));
        events.PutRule("orders", """{"source":["com.example.orders"]}""");
        events.PutTargets("orders", [new RuleTarget { Id = "fn", Arn = fn.Arn }]);

        events.PutEvents([Order(42)]);
        sim.Run();

        Assert.Equal([T0.AddMilliseconds(235), T0.AddMilliseconds(60_235.5), T0.AddMilliseconds(180_236)],
            sim.Trace.OfKind(TraceKind.InvokeStart).Select(e => e.Time));
        var message = Assert.Single(failedQueue.Messages);
        Assert.Equal(T0.AddMilliseconds(180_236.5), message.SentTimestamp);
        using var envelope = JsonDocument.Parse(message.Body);
        var root = envelope.RootElement;
        Assert.Equal("lambda", root.GetProperty("source").GetString());
        Assert.Equal(fn.Arn + ":$LATEST", root.GetProperty("resources")[1].GetString());
        Assert.Equal("RetriesExhausted", root.GetProperty("detail").GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(42, root.GetProperty("detail").GetProperty("requestPayload").GetProperty("detail").GetProperty("total").GetInt32());
    }

    [Fact]
    public void EB_02_RetryPolicy_OutOfRange_IsValidationException()
    {
        var sim = TestHandlers.Sim();
        sim.Services.EventBridge.PutRule("r", """{"source":["a"]}""");
        var tooMany = Assert.Throws<EventBridgeException>(() => sim.Services.EventBridge.PutTargets("r",
            [new RuleTarget { Id = "t", Arn = "arn:aws:sqs:us-east-1:123456789012:q", RetryPolicy = new EventBridgeRetryPolicy { MaximumRetryAttempts = 186 } }]));
        Assert.Equal("ValidationException", tooMany.ErrorCode);
        Assert.Equal("1 validation error detected: Value '186' at 'targets.1.member.retryPolicy.maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 185", tooMany.Message);
        var tooYoung = Assert.Throws<EventBridgeException>(() => sim.Services.EventBridge.PutTargets("r",
            [new RuleTarget { Id = "t", Arn = "arn:aws:sqs:us-east-1:123456789012:q", RetryPolicy = new EventBridgeRetryPolicy { MaximumEventAgeInSeconds = 59 } }]));
        Assert.Contains("greater than or equal to 60", tooYoung.Message, StringComparison.Ordinal);
        Assert.Equal((185, 86_400), (new EventBridgeRetryPolicy().MaximumRetryAttempts, new EventBridgeRetryPolicy().MaximumEventAgeInSeconds));
    }

    [Fact]
    public void EB_01_PutRule_InvalidPattern_IsInvalidEventPatternException()
    {
        var sim = TestHandlers.Sim();
        var e = Assert.Throws<EventBridgeException>(() => sim.Services.EventBridge.PutRule("r", """{"source":[]}"""));
        Assert.Equal("InvalidEventPatternException", e.ErrorCode);
        Assert.StartsWith("Event pattern is not valid. Reason: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PutRule_And_PutTargets_ConfigurationErrors()
    {
        var events = TestHandlers.Sim().Services.EventBridge;
        events.CreateEventBus("custom");
        Assert.Equal("ValidationException", Assert.Throws<EventBridgeException>(() => events.PutRule("r")).ErrorCode);
        Assert.Equal("ScheduleExpression is supported only on the default event bus.",
            Assert.Throws<EventBridgeException>(() => events.PutRule("r", scheduleExpression: "rate(5 minutes)", eventBusName: "custom")).Message);
        Assert.StartsWith("Parameter ScheduleExpression is not valid.", Assert.Throws<EventBridgeException>(() => events.PutRule("r", scheduleExpression: "rate(5 minute)")).Message, StringComparison.Ordinal);
        Assert.Equal("ResourceNotFoundException", Assert.Throws<EventBridgeException>(() => events.PutRule("r", "{}", eventBusName: "nope")).ErrorCode);
        Assert.Equal("ResourceAlreadyExistsException", Assert.Throws<EventBridgeException>(() => events.CreateEventBus("custom")).ErrorCode);
        events.PutRule("r", """{"source":["a"]}""");
        var six = Enumerable.Range(1, 6).Select(i => new RuleTarget { Id = "t" + i, Arn = "arn:aws:sqs:us-east-1:123456789012:q" + i }).ToList();
        Assert.Equal("LimitExceededException", Assert.Throws<EventBridgeException>(() => events.PutTargets("r", six)).ErrorCode);
        Assert.Equal("ValidationException", Assert.Throws<EventBridgeException>(() => events.PutTargets("r", [new RuleTarget { Id = "t", Arn = "arn:aws:s3:::bucket" }])).ErrorCode);
        Assert.Equal("ValidationException", Assert.Throws<EventBridgeException>(() => events.PutTargets("r", [new RuleTarget { Id = "bad id!", Arn = "arn:aws:sqs:us-east-1:123456789012:q" }])).ErrorCode);
    }

    [Fact]
    public void DisabledRule_MatchesNothing()
    {
        var (sim, events, queue) = WithQueueTarget();
        events.SetRuleState("big-orders", enabled: false);
        events.PutEvents([Order(500)]);
        sim.Run();
        Assert.Empty(queue.Messages);
    }

    [Fact]
    public void EB_01_Rules_MatchThroughPutEvents_WithThePatternLanguage()
    {
        var sim = TestHandlers.Sim();
        var events = sim.Services.EventBridge;
        var queues = new Dictionary<string, SqsQueue>();
        void Rule(string name, string pattern)
        {
            queues[name] = sim.Services.Sqs.CreateQueue(name);
            events.PutRule(name, pattern);
            events.PutTargets(name, [new RuleTarget { Id = "q", Arn = queues[name].Arn }]);
        }

        Rule("prefix", """{"source":[{"prefix":"com.example."}]}""");
        Rule("anything-but", """{"detail":{"state":[{"anything-but":["cancelled","refunded"]}]}}""");
        Rule("numeric", """{"detail":{"total":[{"numeric":[">=",100,"<",1000]}]}}""");
        Rule("exists", """{"detail":{"coupon":[{"exists":true}]}}""");
        Rule("or", """{"$or":[{"detail":{"state":["refunded"]}},{"detail":{"total":[{"numeric":[">",5000]}]}}]}""");

        PutEventsEntry Entry(string source, string detail) => new() { Source = source, DetailType = "Order", Detail = detail };
        events.PutEvents(
        [
            Entry("com.example.orders", """{"state":"placed","total":150}"""),
            Entry("org.other", """{"state":"cancelled","total":10,"coupon":"X"}"""),
            Entry("com.example.orders", """{"state":"refunded","total":9000}"""),
        ]);
        sim.Run();

        int Count(string name) => queues[name].Messages.Count;
        Assert.Equal((2, 1, 1, 1, 1), (Count("prefix"), Count("anything-but"), Count("numeric"), Count("exists"), Count("or")));
    }
}
