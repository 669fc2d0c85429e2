using System.Text.Json;
using Course.Lambda.Core;
using Course.Lambda.SNSEvents;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;
using Course.Sandbox.Invocation.Destinations;
using Course.Sandbox.Observability;

// Not "...Invocation.Destinations": a namespace of that name would hide the Destinations class from sibling test namespaces.
namespace Course.Sandbox.Tests.Invocation.AsyncDestinations;

public class DestinationsTests
{
    private static readonly DateTimeOffset T0 = TestHandlers.T0;

    [Fact]
    public void ASYNC_05_QueueAsDlq_GetsTheEventBody_AndLambdasAttributes()
    {
        var sim = TestHandlers.Sim();
        var dlq = sim.Services.Sqs.CreateQueue("dlq");
        var options = new FunctionOptions { FunctionName = "f" };
        options.Async.MaximumRetryAttempts = 0;
        options.Async.DeadLetter = Destinations.Queue(sim, dlq);
        sim.Lambda.Deploy(options, TestHandlers.Throws("nope"));

        var id = sim.Lambda.InvokeAsync("f", """{"n":1}""", InvocationType.Event).Result.RequestId;
        sim.Run();

        var message = Assert.Single(dlq.Messages);
        Assert.Equal("""{"n":1}""", message.Body);
        Assert.Equal(id, message.MessageAttributes["RequestID"].StringValue);
        Assert.Equal("200", message.MessageAttributes["ErrorCode"].StringValue);
        Assert.Equal("nope", message.MessageAttributes["ErrorMessage"].StringValue);
        Assert.Equal("String", message.MessageAttributes["RequestID"].DataType);
        Assert.Equal(dlq.Arn, Destinations.Queue(sim, dlq).Arn);
    }

    [Fact]
    public void ASYNC_04_TopicOnSuccess_FansOutToAnotherFunction()
    {
        var sim = TestHandlers.Sim();
        var topic = sim.Services.Sns.CreateTopic("results");
        var seen = new List<string>();
        var audit = sim.Lambda.Deploy(new FunctionOptions { FunctionName = "audit" }, HandlerFactory.FromDelegate((SNSEvent e, ILambdaContext c) =>
        {
            seen.Add(e.Records[0].Sns.Message);
            return "ok";
        }));
        sim.Services.Sns.Subscribe(topic.Arn, "lambda", audit.Arn);
        var options = new FunctionOptions { FunctionName = "work" };
        options.Async.OnSuccess = Destinations.Topic(sim, topic);
        sim.Lambda.Deploy(options, TestHandlers.Echo);

        sim.Lambda.InvokeAsync("work", """{"n":2}""", InvocationType.Event);
        sim.Run();

        using var record = JsonDocument.Parse(Assert.Single(seen));
        Assert.Equal("Success", record.RootElement.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(2, record.RootElement.GetProperty("responsePayload").GetProperty("n").GetInt32());
    }

    [Fact]
    public void ASYNC_04_FunctionOnFailure_IsInvokedAsynchronouslyWithTheRecord()
    {
        var sim = TestHandlers.Sim();
        var records = new List<JsonElement>();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "on-failure" }, HandlerFactory.FromDelegate((JsonElement e, ILambdaContext c) =>
        {
            records.Add(e.Clone());
            return "ok";
        }));
        var options = new FunctionOptions { FunctionName = "bad" };
        options.Async.MaximumRetryAttempts = 1;
        options.Async.OnFailure = Destinations.Function(sim, "on-failure");
        sim.Lambda.Deploy(options, TestHandlers.Throws());

        sim.Lambda.InvokeAsync("bad", "{}", InvocationType.Event);
        sim.Run();

        var record = Assert.Single(records);
        Assert.Equal("RetriesExhausted", record.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(2, record.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        var queued = sim.Trace.OfKind(TraceKind.AsyncQueued).Where(e => e.Source == "on-failure").ToList();
        Assert.Equal(T0.AddMilliseconds(60_236), Assert.Single(queued).Time);   // after the retry failed at 60.236 s
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:on-failure", options.Async.OnFailure.Arn);
    }
}
