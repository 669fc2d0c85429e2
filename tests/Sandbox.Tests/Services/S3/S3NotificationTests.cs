using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.S3;

public sealed class S3NotificationTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly S3Service _s3;
    private readonly AmazonS3Client _client;
    private readonly List<S3Notification> _raised = [];

    public S3NotificationTests()
    {
        _s3 = new S3Service(_time, new Random(7));
        _s3.NotificationRaised += _raised.Add;
        _client = WireClients.S3(new S3WireService(_s3));
    }

    private async Task Configure(string bucket, string @event, string? prefix = null, string? suffix = null)
    {
        var rules = new List<FilterRule>();
        if (prefix is not null)
        {
            rules.Add(new FilterRule { Name = "prefix", Value = prefix });
        }

        if (suffix is not null)
        {
            rules.Add(new FilterRule { Name = "suffix", Value = suffix });
        }

        await _client.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = bucket,
            LambdaFunctionConfigurations =
            [
                new LambdaFunctionConfiguration
                {
                    Id = "images-rule",
                    FunctionArn = FunctionArn,
                    Events = [new EventType(@event)],
                    Filter = rules.Count == 0 ? null : new Filter { S3KeyFilter = new S3KeyFilter { FilterRules = rules } },
                },
            ],
        });
    }

    [Fact]
    public async Task S3_01_PutObject_RaisesRecordShapedLikeAwsFixture()
    {
        await _client.PutBucketAsync("uploads");
        await Configure("uploads", "s3:ObjectCreated:Put", prefix: "images/", suffix: ".jpg");
        _time.Advance(TimeSpan.FromSeconds(90));
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "images/Happy Face.jpg", ContentBody = "jpeg!" });

        var notification = Assert.Single(_raised);
        Assert.Equal(FunctionArn, notification.Rule.TargetArn);
        Assert.Equal("ObjectCreated:Put", notification.EventName);
        Assert.Equal(Start.AddSeconds(90), notification.EventTime);

        using var json = JsonDocument.Parse(notification.ToEventJson());
        var record = json.RootElement.GetProperty("Records")[0];
        Assert.Equal("2026-01-01T00:01:30.000Z", record.GetProperty("eventTime").GetString());
        var s3 = record.GetProperty("s3");
        Assert.Equal("images-rule", s3.GetProperty("configurationId").GetString());
        Assert.Equal("uploads", s3.GetProperty("bucket").GetProperty("name").GetString());
        Assert.Equal("arn:aws:s3:::uploads", s3.GetProperty("bucket").GetProperty("arn").GetString());
        Assert.Equal("images/Happy+Face.jpg", s3.GetProperty("object").GetProperty("key").GetString());
        Assert.Equal(5, s3.GetProperty("object").GetProperty("size").GetInt64());
        Assert.Equal(_s3.GetObject("uploads", "images/Happy Face.jpg").ETag.Trim('"'), s3.GetProperty("object").GetProperty("eTag").GetString());

        using var fixture = JsonDocument.Parse(File.ReadAllText(FixturePath("s3-event.json")));
        Assert.Equal(PropertyPaths(fixture.RootElement.GetProperty("Records")[0]), PropertyPaths(record));
    }

    [Theory]
    [InlineData("images/a.png")]
    [InlineData("docs/a.jpg")]
    public async Task PutObject_FilterDoesNotMatch_RaisesNothing(string key)
    {
        await _client.PutBucketAsync("filtered");
        await Configure("filtered", "s3:ObjectCreated:*", prefix: "images/", suffix: ".jpg");
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "filtered", Key = key, ContentBody = "x" });
        Assert.Empty(_raised);
    }

    [Fact]
    public async Task DeleteObject_ObjectRemovedRule_RaisesDeleteWithLaterSequencer()
    {
        await _client.PutBucketAsync("removals");
        _s3.PutBucketNotificationConfiguration("removals",
        [
            new S3NotificationRule("created", FunctionArn, ["s3:ObjectCreated:*"]),
            new S3NotificationRule("removed", "arn:aws:sqs:us-east-1:123456789012:audit", ["s3:ObjectRemoved:Delete"]),
        ]);
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "removals", Key = "k", ContentBody = "x" });
        await _client.DeleteObjectAsync("removals", "k");

        Assert.Equal(["ObjectCreated:Put", "ObjectRemoved:Delete"], _raised.Select(n => n.EventName));
        Assert.Equal("sqs", _raised[1].Rule.TargetKind);
        Assert.Null(_raised[1].Size);
        Assert.True(string.CompareOrdinal(_raised[1].Sequencer, _raised[0].Sequencer) > 0);
        Assert.Equal(_raised, _s3.Notifications);
    }

    [Fact]
    public async Task GetBucketNotification_ReturnsConfiguredRule()
    {
        await _client.PutBucketAsync("roundtrip");
        await Configure("roundtrip", "s3:ObjectCreated:*", prefix: "in/");
        var config = await _client.GetBucketNotificationAsync("roundtrip");
        var rule = Assert.Single(config.LambdaFunctionConfigurations);
        Assert.Equal(FunctionArn, rule.FunctionArn);
        Assert.Equal("in/", Assert.Single(rule.Filter.S3KeyFilter.FilterRules).Value);
    }

    [Fact]
    public void PutBucketNotificationConfiguration_OverlappingRules_Rejected()
    {
        _s3.CreateBucket("overlap");
        var error = Assert.Throws<S3Exception>(() => _s3.PutBucketNotificationConfiguration("overlap",
        [
            new S3NotificationRule("a", FunctionArn, ["s3:ObjectCreated:*"], Prefix: "img/"),
            new S3NotificationRule("b", FunctionArn, ["s3:ObjectCreated:Put"]),
        ]));
        Assert.Equal("InvalidArgument", error.ErrorCode);
    }

    [Fact]
    public void PutObject_SqsTargetWithSqsAttached_DeliversEventDocumentToQueue()
    {
        var sqs = new SqsService(_time, new Random(2));
        var s3 = new S3Service(_time, new Random(3), sqs: sqs);
        var queue = sqs.CreateQueue("uploads-events");
        s3.CreateBucket("with-queue");
        var missing = Assert.Throws<S3Exception>(() => s3.PutBucketNotificationConfiguration("with-queue",
            [new S3NotificationRule("q", "arn:aws:sqs:us-east-1:123456789012:nope", ["s3:ObjectCreated:*"])]));
        Assert.Contains("nope", missing.Message);

        s3.PutBucketNotificationConfiguration("with-queue", [new S3NotificationRule("q", queue.Arn, ["s3:ObjectCreated:*"])]);
        s3.PutObject("with-queue", "a.txt", "hello");

        using var body = JsonDocument.Parse(Assert.Single(queue.Messages).Body);
        var record = body.RootElement.GetProperty("Records")[0];
        Assert.Equal("ObjectCreated:Put", record.GetProperty("eventName").GetString());
        Assert.Equal("a.txt", record.GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
    }

    private static SortedSet<string> PropertyPaths(JsonElement element, string prefix = "")
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var path = prefix + "/" + property.Name;
                paths.Add(path);
                paths.UnionWith(PropertyPaths(property.Value, path));
            }
        }

        return paths;
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Services", "Fixtures", name);
}
