using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Time;

namespace Course.Sandbox.Tests.Time;

public class SeededIdsTests
{
    [Fact]
    public void Simulation_Seed7_GivesTheIdsItGaveBeforeTheIdsHadOneHome()
    {
        // Drawn with seed 7 before the six id helpers became SeededIds: the sequence must not change.
        var sim = new Simulation(new SimulationOptions { Seed = 7 });
        Assert.Equal("f604634b-6295-48e1-bf41-99ea1fb201b0", sim.NewRequestId());
        Assert.Equal("0d38b161-a83c-47ff-8266-2a0429e93214", sim.NewRequestId());
        Assert.Equal("8baf54e41f825b31689c5f65", sim.NewHexId(24));
        Assert.Equal("b284c5a", sim.NewHexId(7));
        Assert.Equal("52e625b467227ca2648d732f37dd3f16", sim.NewHexId());
        var queue = sim.Services.Sqs.CreateQueue("q");
        Assert.Equal("0655df90-a0a4-4a49-84fd-a084b143c47d", queue.Send(new SqsSendRequest { Body = "a" }).MessageId);
        Assert.Equal("b13268ac-927f-4c0e-ba8b-5d48552d2555", queue.Send(new SqsSendRequest { Body = "b" }).MessageId);
        Assert.Equal(
            "AQEBAAAAAAAAAAABAAAASDVVRV9gftxZysh2j7Mr/FGR2Pc9rJ790SkMGEIARJfYSjt87X4eS+lWV7TKmJ1GYGH3xFQtF5uWV3Q1VGaZWIYwnUR3rw7Srv/EM2l01T3UZ72n",
            queue.Receive(1)[0].ReceiptHandle);
    }

    [Fact]
    public void GuidAndUuid_AreVersion4_InTheirOwnByteOrder()
    {
        var ids = new SeededIds(new Random(3));
        for (var i = 0; i < 50; i++)
        {
            var guid = ids.Guid();
            var uuid = ids.Uuid();
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", guid);
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuid);
        }
    }

    [Fact]
    public void HexPickAndBase64_HaveTheAskedLengthAndAlphabet()
    {
        var ids = new SeededIds(new Random(1));
        Assert.Matches("^[0-9a-f]{7}$", ids.Hex(7));
        Assert.Matches("^[0-9A-F]{16}$", ids.Hex(16, upper: true));
        Assert.Matches("^[a-z0-9]{10}$", ids.Pick(SeededIds.LowerAlphanumeric, 10));
        Assert.Equal(24, Convert.FromBase64String(ids.Base64(24)).Length);
        Assert.StartsWith("198.51.100.", ids.SourceIp(), StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeed_SameIds_AcrossInstancesOverEqualSeeds()
    {
        var a = new SeededIds(new Random(42));
        var b = new SeededIds(new Random(42));
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => a.Guid() + a.Uuid() + a.Hex(9)), Enumerable.Range(0, 5).Select(_ => b.Guid() + b.Uuid() + b.Hex(9)));
    }

    [Fact]
    public void TwoSourcesOverOneRandom_DrawnFromManyThreads_NeverRepeatAnId()
    {
        // System.Random is not thread-safe: unlocked concurrent draws corrupt it and it starts repeating itself.
        var random = new Random(5);
        var first = new SeededIds(random);
        var second = new SeededIds(random);
        var drawn = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, i =>
        {
            var ids = i % 2 == 0 ? first : second;
            for (var n = 0; n < 2_000; n++)
            {
                drawn.Add(ids.Guid());
            }
        });
        Assert.Equal(16_000, drawn.Distinct().Count());
    }
}
