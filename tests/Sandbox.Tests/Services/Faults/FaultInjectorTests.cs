using Course.Sandbox.Services.Faults;

namespace Course.Sandbox.Tests.Services.Faults;

public sealed class FaultInjectorTests
{
    [Fact]
    public void Decide_Script_ConsumedInOrderForThatOperationOnly()
    {
        var faults = new FaultInjector(new Random(1)).Script("GetItem", FaultKind.Throttling, FaultKind.InternalServerError);

        Assert.Equal(FaultKind.None, faults.Decide("PutItem").Kind);
        Assert.Equal(FaultKind.Throttling, faults.Decide("GetItem").Kind);
        Assert.Equal(FaultKind.InternalServerError, faults.Decide("GetItem").Kind);
        Assert.Equal(FaultKind.None, faults.Decide("GetItem").Kind);
        Assert.Equal(2, faults.InjectedCount);
    }

    [Fact]
    public void Decide_Wildcard_AppliesToAnyOperation()
    {
        var faults = new FaultInjector(new Random(1)).Script("*", FaultKind.ProvisionedThroughputExceeded);

        Assert.Equal(FaultKind.ProvisionedThroughputExceeded, faults.Decide("Query").Kind);
        Assert.False(faults.Decide("Query").Fails);
    }

    [Fact]
    public void Decide_Rates_SameSeedSameFaultsAndRoughlyTheRate()
    {
        static List<FaultDecision> Run(int seed)
        {
            var faults = new FaultInjector(new Random(seed)) { ErrorRate = 0.2, LatencyRate = 0.5, ExtraLatency = TimeSpan.FromMilliseconds(40) };
            return Enumerable.Range(0, 1000).Select(_ => faults.Decide("GetItem")).ToList();
        }

        var first = Run(42);

        Assert.Equal(first, Run(42));
        Assert.NotEqual(first, Run(43));
        Assert.InRange(first.Count(d => d.Kind == FaultKind.Throttling), 150, 250);
        Assert.InRange(first.Count(d => d.ExtraLatency == TimeSpan.FromMilliseconds(40)), 430, 570);
    }

    [Fact]
    public void Decide_InvalidRate_ThrowsClearError()
    {
        var faults = new FaultInjector(new Random(1)) { ErrorRate = 1.5 };

        var e = Assert.Throws<InvalidOperationException>(() => faults.Decide("GetItem"));

        Assert.Contains("ErrorRate is 1.5", e.Message);
    }
}
