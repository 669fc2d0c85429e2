using System.Text;
using Course.Lambda.S3Events;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Lambda.SNSEvents;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Services.Sns;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Wire;

/// <summary>The records the services raise deserialize into the learner-facing event types, as a handler gets them.</summary>
public sealed class EventRecordContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly DefaultLambdaJsonSerializer _serializer = new();

    private T Read<T>(string json) => _serializer.Deserialize<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void S3_01_Notification_DeserializesAsS3Event()
    {
        var s3 = new S3Service(_time, new Random(1));
        s3.CreateBucket("pictures");
        s3.PutBucketNotificationConfiguration("pictures", [new S3NotificationRule("r", "arn:aws:lambda:us-east-1:123456789012:function:f", ["s3:ObjectCreated:*"])]);
        _time.Advance(TimeSpan.FromMilliseconds(1500));
        var stored = s3.PutObject("pictures", "a/b c.png", "png");

        var evt = Read<S3Event>(Assert.Single(s3.Notifications).ToEventJson());
        var record = Assert.Single(evt.Records);
        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal("aws:s3", record.EventSource);
        Assert.Equal(Start.AddMilliseconds(1500).UtcDateTime, record.EventTime.ToUniversalTime());
        Assert.Equal("pictures", record.S3.Bucket.Name);
        Assert.Equal("a/b+c.png", record.S3.Object.Key);
        Assert.Equal(3, record.S3.Object.Size);
        Assert.Equal(stored.ETag.Trim('"'), record.S3.Object.ETag);
    }

    [Fact]
    public void SnsLambdaDelivery_DeserializesAsSnsEvent()
    {
        var sns = new SnsService(_time, new Random(1));
        var topic = sns.CreateTopic("alerts");
        sns.Subscribe(topic.Arn, "lambda", "arn:aws:lambda:us-east-1:123456789012:function:f");
        var envelope = sns.Publish(topic.Arn, "disk full", "Alarm", new Dictionary<string, SnsMessageAttribute> { ["level"] = new("String", "high") });

        var evt = Read<SNSEvent>(Assert.Single(sns.Deliveries).ToLambdaEventJson());
        var record = Assert.Single(evt.Records);
        Assert.Equal("aws:sns", record.EventSource);
        Assert.Equal(envelope.MessageId, record.Sns.MessageId);
        Assert.Equal("disk full", record.Sns.Message);
        Assert.Equal("Alarm", record.Sns.Subject);
        Assert.Equal(Start.UtcDateTime, record.Sns.Timestamp.ToUniversalTime());
        Assert.Equal("high", record.Sns.MessageAttributes["level"].Value);
    }
}
