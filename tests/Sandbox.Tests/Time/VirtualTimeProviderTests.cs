namespace Course.Sandbox.Tests.Time;

public class VirtualTimeProviderTests
{
    [Fact]
    public void Run_EventsAtDifferentTimes_RunInTimeOrderAndMoveTheClock()
    {
        var sim = TestHandlers.Sim();
        var seen = new List<(string, DateTimeOffset)>();
        sim.Schedule(TimeSpan.FromSeconds(5), () => seen.Add(("b", sim.Now)));
        sim.Schedule(TimeSpan.FromSeconds(1), () => seen.Add(("a", sim.Now)));
        sim.Run();
        Assert.Equal([("a", TestHandlers.T0.AddSeconds(1)), ("b", TestHandlers.T0.AddSeconds(5))], seen);
    }

    [Fact]
    public void Run_EventsAtTheSameTime_RunInTheOrderScheduled()
    {
        var sim = TestHandlers.Sim();
        var seen = new List<int>();
        for (var i = 0; i < 5; i++) { var n = i; sim.Schedule(TimeSpan.FromSeconds(1), () => seen.Add(n)); }
        sim.Run();
        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public void TaskDelay_OnTheVirtualClock_CompletesWhenTheQueueReachesItsTime()
    {
        var sim = TestHandlers.Sim();
        var delay = Task.Delay(TimeSpan.FromMinutes(10), sim.Time);
        sim.RunFor(TimeSpan.FromMinutes(9));
        Assert.False(delay.IsCompleted);
        sim.RunFor(TimeSpan.FromMinutes(1));
        Assert.True(delay.IsCompleted);
        Assert.Equal(TestHandlers.T0.AddMinutes(10), sim.Now);
    }

    [Fact]
    public void PeriodicTimer_FiresEveryPeriodOnVirtualTime()
    {
        var sim = TestHandlers.Sim();
        var ticks = new List<DateTimeOffset>();
        using var timer = sim.Time.CreateTimer(_ => ticks.Add(sim.Now), null, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        sim.RunFor(TimeSpan.FromMinutes(3));
        Assert.Equal([TestHandlers.T0.AddSeconds(30), TestHandlers.T0.AddSeconds(90), TestHandlers.T0.AddSeconds(150)], ticks);
    }

    [Fact]
    public void NewRequestId_SameSeed_SameIds()
    {
        var a = TestHandlers.Sim(seed: 42);
        var b = TestHandlers.Sim(seed: 42);
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => a.NewRequestId()), Enumerable.Range(0, 5).Select(_ => b.NewRequestId()));
        Assert.NotEqual(a.NewRequestId(), TestHandlers.Sim(seed: 43).NewRequestId());
    }
}
