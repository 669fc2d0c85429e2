using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.EventBridge.Patterns;

namespace Course.Sandbox.Tests.Services.EventBridge;

public sealed partial class EventEnvelopeFactoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, 250, TimeSpan.Zero);

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV4();

    [Fact]
    public void EB_04_Create_HasEveryEnvelopeFieldInAwsOrder()
    {
        var factory = new EventEnvelopeFactory(new Random(7), new FakeTimeProvider(Start), "111122223333", "eu-west-1");

        var envelope = factory.Create("com.example.orders", "Order Placed", new JsonObject { ["orderId"] = "o-1" }, ["arn:aws:x"]);

        Assert.Equal(["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"],
            envelope.Select(p => p.Key));
        Assert.Equal("0", (string?)envelope["version"]);
        Assert.Matches(UuidV4(), (string?)envelope["id"]);
        Assert.Equal("Order Placed", (string?)envelope["detail-type"]);
        Assert.Equal("com.example.orders", (string?)envelope["source"]);
        Assert.Equal("111122223333", (string?)envelope["account"]);
        Assert.Equal("2026-01-01T00:00:00Z", (string?)envelope["time"]);
        Assert.Equal("eu-west-1", (string?)envelope["region"]);
        Assert.Equal("arn:aws:x", (string?)envelope["resources"]![0]);
        Assert.Equal("o-1", (string?)envelope["detail"]!["orderId"]);
    }

    [Fact]
    public void EB_04_Ids_AreDeterministicPerSeedAndUniqueWithinARun()
    {
        static List<string> Ids(int seed)
        {
            var factory = new EventEnvelopeFactory(new Random(seed), new FakeTimeProvider(Start));
            return Enumerable.Range(0, 50).Select(_ => (string)factory.Create("s", "t")["id"]!).ToList();
        }

        Assert.Equal(Ids(1), Ids(1));
        Assert.NotEqual(Ids(1), Ids(2));
        Assert.Equal(50, Ids(1).Distinct().Count());
    }

    [Fact]
    public void EB_04_Time_FollowsTheTimeProvider()
    {
        var clock = new FakeTimeProvider(Start);
        var factory = new EventEnvelopeFactory(new Random(1), clock);

        clock.SetUtcNow(Start.AddHours(5).AddSeconds(9.9));

        Assert.Equal("2026-01-01T05:00:10Z", (string?)factory.Create("s", "t")["time"]);
    }

    [Fact]
    public void EB_04_Envelope_ReadsAsCloudWatchEventAndMatchesPatterns()
    {
        var factory = new EventEnvelopeFactory(new Random(3), new FakeTimeProvider(Start));
        var json = factory.CreateJson("com.example.orders", "Order Placed", """{"total": 42, "currency": "EUR"}""");

        var evt = new DefaultLambdaJsonSerializer().Deserialize<CloudWatchEvent<JsonElement>>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal("Order Placed", evt.DetailType);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), evt.Time);
        Assert.Equal(42, evt.Detail.GetProperty("total").GetInt32());
        Assert.True(EventPattern.Parse("""{"source": ["com.example.orders"], "detail": {"total": [{"numeric": [">", 40]}]}}""").Matches(json));
    }

    [Fact]
    public void EB_04_CreateScheduled_LooksLikeAScheduledRuleEvent()
    {
        var factory = new EventEnvelopeFactory(new Random(5), new FakeTimeProvider(Start), "111122223333", "eu-west-1");

        var json = factory.CreateScheduled("nightly").ToJsonString();
        var evt = new DefaultLambdaJsonSerializer().Deserialize<Course.Lambda.CloudWatchEvents.ScheduledEvents.ScheduledEvent>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal("aws.events", evt.Source);
        Assert.Equal("Scheduled Event", evt.DetailType);
        Assert.Equal("arn:aws:events:eu-west-1:111122223333:rule/nightly", Assert.Single(evt.Resources));
        Assert.NotNull(evt.Detail);
        Assert.Contains("\"detail\":{}", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "t", "{}", "Source is required")]
    [InlineData("s", " ", "{}", "DetailType is required")]
    [InlineData("s", "t", "[1]", "Detail must be a JSON object")]
    [InlineData("s", "t", "{oops", "Detail is not valid JSON")]
    public void EB_04_InvalidEntry_IsRejected(string source, string detailType, string detail, string message)
    {
        var factory = new EventEnvelopeFactory(new Random(1), new FakeTimeProvider(Start));
        var error = Assert.Throws<ArgumentException>(() => factory.CreateJson(source, detailType, detail));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
