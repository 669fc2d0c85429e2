using System.Text.Json;
using Course.Lambda.Core;
using Course.Lambda.S3Events;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation.Destinations;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.S3;

namespace Course.Sandbox.Tests.Sources.S3;

public class S3NotificationSourceTests
{
    private static readonly DateTimeOffset T0 = TestHandlers.T0;
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:thumbs";

    private static Simulation WithBucket(HandlerFactory handler, Action<Simulation, FunctionOptions>? configure = null)
    {
        var sim = TestHandlers.Sim();
        var options = new FunctionOptions { FunctionName = "thumbs" };
        configure?.Invoke(sim, options);
        sim.Lambda.Deploy(options, handler);
        sim.Services.S3.CreateBucket("photos");
        sim.Services.S3.PutBucketNotificationConfiguration("photos",
            [new S3NotificationRule("on-upload", FunctionArn, ["s3:ObjectCreated:*"], Prefix: "uploads/", Suffix: ".jpg")]);
        return sim;
    }

    [Fact]
    public void S3_01_EachObjectEvent_IsOneAsyncInvoke_WithTheS3Record()
    {
        var seen = new List<S3Event>();
        var sim = WithBucket(HandlerFactory.FromDelegate((S3Event e, ILambdaContext c) =>
        {
            seen.Add(e);
            return "ok";
        }));

        sim.Services.S3.PutObject("photos", "uploads/cat 1.jpg", "meow");
        sim.Services.S3.PutObject("photos", "uploads/readme.txt", "skip");
        sim.Services.S3.PutObject("photos", "uploads/dog.jpg", "woof");
        sim.Run();

        Assert.Equal(2, seen.Count);
        var record = Assert.Single(seen[0].Records);
        Assert.Equal("aws:s3", record.EventSource);
        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal("photos", record.S3.Bucket.Name);
        Assert.Equal("uploads/cat+1.jpg", record.S3.Object.Key);
        Assert.Equal(4, record.S3.Object.Size);
        Assert.Equal("on-upload", record.S3.ConfigurationId);
        Assert.Equal(2, sim.Trace.OfKind(TraceKind.AsyncQueued).Count());
        Assert.Equal(2, sim.Trace.OfKind(TraceKind.SourceDelivery).Count(e => e.Source == "photos"));
        Assert.All(sim.Trace.OfKind(TraceKind.AsyncQueued), e => Assert.Equal(T0, e.Time));
    }

    [Fact]
    public void S3_01_FailingHandler_AsyncRetriesAtOneAndTwoMinutes_ThenOnFailureQueue()
    {
        var sim = WithBucket(TestHandlers.Throws("corrupt image"),
            (s, o) => o.Async.OnFailure = Destinations.Queue(s, s.Services.Sqs.CreateQueue("failed-thumbs")));
        var failed = sim.Services.Sqs.GetQueueByName("failed-thumbs");

        sim.Services.S3.PutObject("photos", "uploads/cat.jpg", "meow");
        sim.Run();

        var starts = sim.Trace.For("thumbs").Where(e => e.Kind == TraceKind.InvokeStart).Select(e => e.Time).ToList();
        Assert.Equal([T0.AddMilliseconds(235), T0.AddMilliseconds(60_235.5), T0.AddMilliseconds(180_236)], starts);
        var message = Assert.Single(failed.Messages);
        Assert.Equal(T0.AddMilliseconds(180_236.5), message.SentTimestamp);
        using var record = JsonDocument.Parse(message.Body);
        Assert.Equal("RetriesExhausted", record.RootElement.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(3, record.RootElement.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        var payload = record.RootElement.GetProperty("requestPayload").GetProperty("Records")[0];
        Assert.Equal("uploads/cat.jpg", payload.GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
    }

    [Fact]
    public void S3_01_ExpiredEvent_IsDroppedWhenNothingIsConfigured()
    {
        var sim = WithBucket(TestHandlers.Echo, (_, o) =>
        {
            o.ReservedConcurrentExecutions = 0;
            o.Async.MaximumEventAge = TimeSpan.FromSeconds(60);
        });
        sim.Services.S3.PutObject("photos", "uploads/cat.jpg", "meow");
        sim.Run();

        var expired = Assert.Single(sim.Trace.OfKind(TraceKind.EventExpired));
        Assert.Equal(T0.AddSeconds(60), expired.Time);
        Assert.Contains(sim.Trace.OfKind(TraceKind.SourceOutcome), e => e.Detail.Contains("discarded (EventAgeExceeded)", StringComparison.Ordinal));
    }

    [Fact]
    public void S3_01_AtLeastOnce_DuplicatesCarryTheSameRecord()
    {
        var keys = new List<string>();
        var sim = WithBucket(HandlerFactory.FromDelegate((S3Event e, ILambdaContext c) =>
        {
            keys.Add(e.Records[0].S3.Object.Sequencer);
            return "ok";
        }));
        sim.Services.S3Notifications.DuplicateRate = 1;
        sim.Services.S3.PutObject("photos", "uploads/cat.jpg", "meow");
        sim.Run();
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.Contains(sim.Trace.OfKind(TraceKind.SourceDelivery), e => e.Detail.Contains("duplicate delivery", StringComparison.Ordinal));
    }

    [Fact]
    public void S3_01_QueueTarget_ReceivesTheEventDocument()
    {
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("uploads");
        sim.Services.S3.CreateBucket("photos");
        sim.Services.S3.PutBucketNotificationConfiguration("photos", [new S3NotificationRule("q", queue.Arn, ["s3:ObjectCreated:*"])]);
        sim.Services.S3.PutObject("photos", "a.txt", "x");
        sim.Run();
        using var body = JsonDocument.Parse(Assert.Single(queue.Messages).Body);
        Assert.Equal("a.txt", body.RootElement.GetProperty("Records")[0].GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
    }

    [Fact]
    public void S3_01_MissingFunction_IsTracedAsNotDelivered()
    {
        var sim = TestHandlers.Sim();
        sim.Services.S3.CreateBucket("photos");
        sim.Services.S3.PutBucketNotificationConfiguration("photos", [new S3NotificationRule("gone", FunctionArn, ["s3:ObjectCreated:*"])]);
        sim.Services.S3.PutObject("photos", "a.txt", "x");
        sim.Run();
        Assert.Contains(sim.Trace.OfKind(TraceKind.SourceOutcome), e => e.Source == "photos" && e.Detail.Contains("ResourceNotFoundException", StringComparison.Ordinal));
    }
}
