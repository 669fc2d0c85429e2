using System.Globalization;
using System.Text.Json.Nodes;
using Course.Sandbox.Invocation.Destinations;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Sources.S3;

namespace Course.Grading.Exercises;

/// <summary>
/// An exercise's S3 trigger: a bucket whose notification configuration sends object events to the learner's function
/// (asynchronous invocation: Lambda's two retries at about 1 and 2 minutes apply), and optionally an SQS queue as the
/// function's on-failure destination. Settings (exercise.yaml <c>trigger.settings</c>): <c>bucket</c> (default
/// <c>uploads</c>), <c>events</c> (comma-separated, default <c>s3:ObjectCreated:*</c>), <c>prefix</c>, <c>suffix</c>
/// (default none), <c>onFailure</c> (queue name; default none: a failed event is discarded), <c>maximumRetryAttempts</c>
/// (0–2, default 2) and <c>maximumEventAgeSeconds</c> (60–21,600, default 21,600).
/// Checks upload objects, run the simulation and judge the bucket, tables, destination and trace.
/// </summary>
public sealed class S3Trigger
{
    private readonly CheckContext _context;

    internal S3Trigger(CheckContext context, IReadOnlyDictionary<string, string> settings)
    {
        _context = context;
        var sim = context.Sim;
        BucketName = Setting(settings, "bucket", "uploads");
        sim.Services.S3.CreateBucket(BucketName);
        var events = Setting(settings, "events", "s3:ObjectCreated:*").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        sim.Services.S3.PutBucketNotificationConfiguration(BucketName,
            [new S3NotificationRule($"{BucketName}-to-{context.FunctionName}", context.Function.Arn, events,
                settings.GetValueOrDefault("prefix"), settings.GetValueOrDefault("suffix"))]);

        var async = context.Function.Options.Async;
        async.MaximumRetryAttempts = int.Parse(Setting(settings, "maximumRetryAttempts", "2"), CultureInfo.InvariantCulture);
        async.MaximumEventAge = TimeSpan.FromSeconds(int.Parse(Setting(settings, "maximumEventAgeSeconds", "21600"), CultureInfo.InvariantCulture));
        if (settings.TryGetValue("onFailure", out var queueName))
        {
            FailureQueue = sim.Services.Sqs.CreateQueue(queueName);
            async.OnFailure = Destinations.Queue(sim, FailureQueue);
        }
    }

    /// <summary>The bucket name.</summary>
    public string BucketName { get; }

    /// <summary>The queue that receives invocation records of failed events, or null without <c>onFailure</c>.</summary>
    public SqsQueue? FailureQueue { get; }

    /// <summary>The engine's S3 → Lambda delivery (set <see cref="S3NotificationSource.DuplicateRate"/> for at-least-once duplicates).</summary>
    public S3NotificationSource Notifications => _context.Sim.Services.S3Notifications;

    /// <summary>Puts an object into the bucket now (PutObject); S3 raises its event at once.</summary>
    /// <param name="key">The object key, as stored (the event record carries it URL-encoded).</param>
    /// <param name="content">The content.</param>
    /// <param name="contentType">The content type. Default <c>text/csv</c>.</param>
    /// <returns>The stored object.</returns>
    public S3Object Upload(string key, string content, string contentType = "text/csv") =>
        _context.Sim.Services.S3.PutObject(BucketName, key, content, contentType);

    /// <summary>Runs the simulation until nothing is left to do (every event processed, retried, or sent to the destination).</summary>
    public void Run() => _context.Sim.Run();

    /// <summary>Advances the simulation by <paramref name="span"/> of virtual time.</summary>
    /// <param name="span">How long.</param>
    public void RunFor(TimeSpan span) => _context.Sim.RunFor(span);

    /// <summary>The invocation records Lambda sent to the on-failure destination, parsed (empty without one).</summary>
    public IReadOnlyList<JsonObject> FailureRecords =>
        FailureQueue?.Messages.Select(m => JsonNode.Parse(m.Body)!.AsObject()).ToList() ?? [];

    /// <summary>The invocations of the function so far, as Lambda recorded them (attempts of one event share a request id).</summary>
    public IReadOnlyList<Course.Sandbox.Invocation.InvocationRecord> Attempts =>
        _context.Sim.Lambda.Invocations.Where(r => r.FunctionName == _context.FunctionName).ToList();

    private static string Setting(IReadOnlyDictionary<string, string> settings, string key, string fallback) =>
        settings.TryGetValue(key, out var value) ? value : fallback;
}
