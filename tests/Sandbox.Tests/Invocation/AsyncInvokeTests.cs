using System.Text.Json;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Tests.Invocation;

public class AsyncInvokeTests
{
    private static readonly DateTimeOffset T0 = TestHandlers.T0;

    [Fact]
    public void ASYNC_01_FunctionError_IsRetriedTwice_OneMinuteThenTwoMinutesLater()
    {
        var sim = TestHandlers.Sim();
        var dlq = new RecordingTarget(sim, "arn:aws:sqs:us-east-1:123456789012:dlq");
        var options = new FunctionOptions { FunctionName = "f" };
        options.Async.DeadLetter = dlq;
        sim.Lambda.Deploy(options, TestHandlers.Throws());

        var accepted = sim.Lambda.InvokeAsync("f", """{"n":1}""", InvocationType.Event).Result;
        sim.Run();

        Assert.Equal(202, accepted.StatusCode);
        var starts = sim.Trace.OfKind(TraceKind.InvokeStart).Select(e => e.Time).ToList();
        // cold start 235 ms, each failed run 0.5 ms; retries 60 s and 120 s after the previous failure ended
        Assert.Equal([T0.AddMilliseconds(235), T0.AddMilliseconds(235.5 + 60_000), T0.AddMilliseconds(235.5 + 60_000 + 0.5 + 120_000)], starts);
        Assert.All(sim.Trace.OfKind(TraceKind.InvokeStart), e => Assert.Equal(accepted.RequestId, e.RequestId));
        Assert.Equal([1, 2, 3], sim.Trace.OfKind(TraceKind.InvokeStart).Select(e => e.Attempt!.Value));
        var (time, delivery) = Assert.Single(dlq.Received);
        Assert.Equal(T0.AddMilliseconds(180_236.5), time);
        Assert.Equal("""{"n":1}""", delivery.Body);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    public void ASYNC_01_MaximumRetryAttempts_IsHonoured(int retries, int expectedAttempts)
    {
        var sim = TestHandlers.Sim();
        var options = new FunctionOptions { FunctionName = "f" };
        options.Async.MaximumRetryAttempts = retries;
        sim.Lambda.Deploy(options, TestHandlers.Throws());
        sim.Lambda.InvokeAsync("f", "{}", InvocationType.Event);
        sim.Run();
        Assert.Equal(expectedAttempts, sim.Trace.OfKind(TraceKind.InvokeStart).Count());
    }

    [Fact]
    public void ASYNC_02_Throttled_EventsGoBackToTheQueue_WithBackoffFromOneSecond()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", ReservedConcurrentExecutions = 1, MemorySize = 1769, Timeout = TimeSpan.FromSeconds(30) },
            TestHandlers.Work(10_000));
        sim.Lambda.InvokeAsync("f", "{}", InvocationType.Event);
        sim.Lambda.InvokeAsync("f", "{}", InvocationType.Event);
        sim.Run();
        var retries = sim.Trace.OfKind(TraceKind.RetryScheduled).Select(e => e.Duration!.Value.TotalSeconds).ToList();
        Assert.Equal([1, 2, 4, 8], retries);   // the first run ends at 10.235 s; the 4th retry (t=15 s) finds it free
        Assert.Equal(2, sim.Lambda.Invocations.Count(r => !r.Throttled && r.ErrorType is null));
    }

    [Fact]
    public void ASYNC_02_ThrottleBackoff_IsCappedAtFiveMinutes()
    {
        var sim = TestHandlers.Sim();
        var options = new FunctionOptions { FunctionName = "off", ReservedConcurrentExecutions = 0 };
        options.Async.MaximumEventAge = TimeSpan.FromHours(1);
        sim.Lambda.Deploy(options, TestHandlers.Echo);
        sim.Lambda.InvokeAsync("off", "{}", InvocationType.Event);
        sim.Run();
        var delays = sim.Trace.OfKind(TraceKind.RetryScheduled).Where(e => e.Duration is not null).Select(e => e.Duration!.Value).ToList();
        Assert.Equal(TimeSpan.FromMinutes(5), delays.Max());
        Assert.Equal(TimeSpan.FromSeconds(256), delays[8]);
    }

    [Fact]
    public void ASYNC_03_MaximumEventAge_ExpiredEventsGoToTheFailureDestination()
    {
        var sim = TestHandlers.Sim();
        var failure = new RecordingTarget(sim, "arn:aws:sqs:us-east-1:123456789012:failed");
        var options = new FunctionOptions { FunctionName = "off", ReservedConcurrentExecutions = 0 };
        options.Async.MaximumEventAge = TimeSpan.FromSeconds(60);
        options.Async.OnFailure = failure;
        sim.Lambda.Deploy(options, TestHandlers.Echo);
        sim.Lambda.InvokeAsync("off", "{}", InvocationType.Event);
        sim.Run();
        var expired = Assert.Single(sim.Trace.OfKind(TraceKind.EventExpired));
        Assert.Equal(T0.AddSeconds(60), expired.Time);
        var record = JsonDocument.Parse(Assert.Single(failure.Received).Delivery.Body).RootElement;
        Assert.Equal("EventAgeExceeded", record.GetProperty("requestContext").GetProperty("condition").GetString());
    }

    [Fact]
    public void ASYNC_03_EventAge_MustBe60SecondsTo6Hours()
    {
        var options = new FunctionOptions { FunctionName = "f" };
        options.Async.MaximumEventAge = TimeSpan.FromSeconds(59);
        Assert.Contains("maximumEventAgeInSeconds", Assert.Single(options.Validate()));
        Assert.Equal(TimeSpan.FromHours(6), new AsyncInvokeOptions().MaximumEventAge);
    }

    [Fact]
    public void ASYNC_04_Destinations_ReceiveTheInvocationRecord()
    {
        var sim = TestHandlers.Sim();
        var success = new RecordingTarget(sim, "arn:aws:sqs:us-east-1:123456789012:ok");
        var failure = new RecordingTarget(sim, "arn:aws:sns:us-east-1:123456789012:failed");
        var ok = new FunctionOptions { FunctionName = "ok" };
        ok.Async.OnSuccess = success;
        sim.Lambda.Deploy(ok, HandlerFactory.FromDelegate((Dictionary<string, int> e, ILambdaContext c) => new { doubled = e["n"] * 2 }));
        var bad = new FunctionOptions { FunctionName = "bad" };
        bad.Async.OnFailure = failure;
        bad.Async.MaximumRetryAttempts = 0;
        sim.Lambda.Deploy(bad, TestHandlers.Throws("nope"));

        var okId = sim.Lambda.InvokeAsync("ok", """{"n":21}""", InvocationType.Event).Result.RequestId;
        sim.Lambda.InvokeAsync("bad", """{"n":1}""", InvocationType.Event);
        sim.Run();

        var s = JsonDocument.Parse(Assert.Single(success.Received).Delivery.Body).RootElement;
        Assert.Equal("1.0", s.GetProperty("version").GetString());
        Assert.Equal(okId, s.GetProperty("requestContext").GetProperty("requestId").GetString());
        Assert.Equal("Success", s.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:ok:$LATEST", s.GetProperty("requestContext").GetProperty("functionArn").GetString());
        Assert.Equal(21, s.GetProperty("requestPayload").GetProperty("n").GetInt32());
        Assert.Equal(42, s.GetProperty("responsePayload").GetProperty("doubled").GetInt32());

        var f = JsonDocument.Parse(Assert.Single(failure.Received).Delivery.Body).RootElement;
        Assert.Equal("RetriesExhausted", f.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(1, f.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal("Unhandled", f.GetProperty("responseContext").GetProperty("functionError").GetString());
        Assert.Equal("nope", f.GetProperty("responsePayload").GetProperty("errorMessage").GetString());
    }

    [Fact]
    public void ASYNC_05_DeadLetterQueue_ReceivesTheEventBodyOnly_WithErrorAttributes()
    {
        var sim = TestHandlers.Sim();
        var dlq = new RecordingTarget(sim, "arn:aws:sqs:us-east-1:123456789012:dlq");
        var options = new FunctionOptions { FunctionName = "f" };
        options.Async.DeadLetter = dlq;
        options.Async.MaximumRetryAttempts = 0;
        sim.Lambda.Deploy(options, TestHandlers.Throws("broken"));
        var id = sim.Lambda.InvokeAsync("f", """{"order":7}""", InvocationType.Event).Result.RequestId;
        sim.Run();
        var delivery = Assert.Single(dlq.Received).Delivery;
        Assert.Equal("""{"order":7}""", delivery.Body);
        Assert.Equal(id, delivery.Attributes["RequestID"]);
        Assert.Equal("200", delivery.Attributes["ErrorCode"]);
        Assert.Equal("broken", delivery.Attributes["ErrorMessage"]);
    }

    [Fact]
    public void ASYNC_06_DuplicateDelivery_RunsTheHandlerTwiceWithTheSameRequestId()
    {
        var sim = TestHandlers.Sim(configure: o => o.AsyncDuplicateDeliveryRate = 1.0);
        var seen = new List<string>();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" },
            HandlerFactory.FromDelegate((string e, ILambdaContext c) => { seen.Add(c.AwsRequestId); return "ok"; }));
        var id = sim.Lambda.InvokeAsync("f", "\"pay\"", InvocationType.Event).Result.RequestId;
        sim.Run();
        Assert.Equal([id, id], seen);
    }

    [Fact]
    public void LIM_04_AsyncPayload_Over1MB_IsRejected()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, TestHandlers.Echo);
        var result = sim.Lambda.InvokeAsync("f", "\"" + new string('a', Limits.MaxAsyncPayloadBytes) + "\"", InvocationType.Event).Result;
        Assert.Equal(413, result.StatusCode);
        Assert.Equal("RequestEntityTooLargeException", result.ErrorType);
    }
}
