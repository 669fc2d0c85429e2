using System.Net;
using Course.Lambda.Core;
using Course.Lambda.S3Events;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Services.S3;

namespace Course.Sandbox.Tests.Sources.S3;

/// <summary>S3_02 (keys in event records are URL-encoded) and S3_03 (at-least-once, order only by the sequencer).</summary>
public sealed class S3DeliveryTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:reader";

    private static (Simulation Sim, List<S3Event.S3EventNotificationRecord> Seen) Setup(Func<S3Event, string>? handler = null)
    {
        var sim = TestHandlers.Sim();
        var seen = new List<S3Event.S3EventNotificationRecord>();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "reader" }, HandlerFactory.FromDelegate((S3Event e, ILambdaContext c) =>
        {
            seen.AddRange(e.Records);
            return handler?.Invoke(e) ?? "ok";
        }));
        sim.Services.S3.CreateBucket("inbox");
        sim.Services.S3.PutBucketNotificationConfiguration("inbox", [new S3NotificationRule("all", FunctionArn, ["s3:ObjectCreated:*"])]);
        return (sim, seen);
    }

    [Theory]
    [InlineData("sales/2026-03-14/north store.csv", "sales/2026-03-14/north+store.csv")]
    [InlineData("sales/2026-03-14/north+east.csv", "sales/2026-03-14/north%2Beast.csv")]
    [InlineData("über/größe & maß.txt", "%C3%BCber/gr%C3%B6%C3%9Fe+%26+ma%C3%9F.txt")]
    [InlineData("a=b;c,d?.txt", "a%3Db%3Bc%2Cd%3F.txt")]
    public void S3_02_KeyInTheRecord_IsUrlEncoded_SpacesAsPlus_DecodingGivesTheObjectsKey(string key, string inRecord)
    {
        var (sim, seen) = Setup();
        sim.Services.S3.PutObject("inbox", key, "x");
        sim.Run();

        var recordKey = Assert.Single(seen).S3.Object.Key;
        Assert.Equal(inRecord, recordKey);
        Assert.Equal(key, WebUtility.UrlDecode(recordKey));
        Assert.Equal("x", sim.Services.S3.GetObject("inbox", WebUtility.UrlDecode(recordKey)).ReadAsString());
        var raw = Assert.Throws<S3Exception>(() => sim.Services.S3.GetObject("inbox", recordKey));
        Assert.Equal("NoSuchKey", raw.ErrorCode);
    }

    [Fact]
    public void S3_03_AtLeastOnce_DuplicateDeliveriesCarryTheSameSequencer_AndAreTwoInvocations()
    {
        var (sim, seen) = Setup();
        sim.Services.S3Notifications.DuplicateRate = 1;
        sim.Services.S3.PutObject("inbox", "a.csv", "1");
        sim.Run();

        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[0].S3.Object.Sequencer, seen[1].S3.Object.Sequencer);
        Assert.Equal(seen[0].ResponseElements.XAmzRequestId, seen[1].ResponseElements.XAmzRequestId);
        Assert.Equal(2, sim.Lambda.Invocations.Select(i => i.RequestId).Distinct().Count());
    }

    [Fact]
    public void S3_03_EventsForOneKeyCanArriveOutOfOrder_TheSequencerOrdersThem()
    {
        var (sim, seen) = Setup();
        sim.Services.S3Notifications.DeliveryJitter = TimeSpan.FromSeconds(5);
        var written = new List<(string Key, string Version)>();
        for (var i = 0; i < 40; i++)
        {
            var key = $"k{i % 4}.csv";
            sim.Services.S3.PutObject("inbox", key, $"v{i}");
            written.Add((key, $"v{i}"));
            sim.RunFor(TimeSpan.FromMilliseconds(250));
        }

        sim.Run();

        Assert.Equal(40, seen.Count);
        var outOfOrder = 0;
        foreach (var perKey in seen.GroupBy(r => r.S3.Object.Key))
        {
            var arrival = perKey.Select(r => r.S3.Object.Sequencer).ToList();
            var bySequencer = arrival.OrderBy(SequencerOrder).ToList();
            outOfOrder += arrival.SequenceEqual(bySequencer) ? 0 : 1;
            var eTagsInWriteOrder = written.Where(w => w.Key == perKey.Key).Select(w => Md5(w.Version)).ToList();
            Assert.Equal(eTagsInWriteOrder, perKey.OrderBy(r => SequencerOrder(r.S3.Object.Sequencer)).Select(r => r.S3.Object.ETag).ToList());
        }

        Assert.True(outOfOrder > 0, "with 5 s of delivery jitter and puts 1 s apart per key, some key should see its events out of order");
        var latest = seen.GroupBy(r => r.S3.Object.Key).ToDictionary(g => g.Key, g => g.MaxBy(r => SequencerOrder(r.S3.Object.Sequencer))!.S3.Object.ETag);
        foreach (var (key, eTag) in latest)
        {
            Assert.Equal(sim.Services.S3.GetObject("inbox", key).ETag.Trim('"'), eTag);
        }
    }

    [Fact]
    public void S3_03_Sequencers_GrowPerOperation_WithoutJitterArriveInOrder()
    {
        var (sim, seen) = Setup();
        for (var i = 0; i < 5; i++)
        {
            sim.Services.S3.PutObject("inbox", "same.csv", new string('x', i + 1));
        }

        sim.Run();
        var sequencers = seen.Select(r => r.S3.Object.Sequencer).ToList();
        Assert.Equal(sequencers.OrderBy(SequencerOrder), sequencers);
        Assert.Equal(5, sequencers.Distinct().Count());
    }

    private static string Md5(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>AWS: compare sequencers as strings after left-padding the shorter with zeros.</summary>
    private static string SequencerOrder(string sequencer) => sequencer.PadLeft(32, '0');
}
