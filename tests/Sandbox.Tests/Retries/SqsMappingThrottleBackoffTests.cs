using Course.Sandbox.Retries;

namespace Course.Sandbox.Tests.Retries;

public class SqsMappingThrottleBackoffTests
{
    [Fact]
    public void SQS_06_ThrottledBatch_InvokeRetriedAfterDoublingDelaysUpToOneMinute()
    {
        var delays = Enumerable.Range(0, 9).Select(SqsMappingThrottleBackoff.Delay).Select(d => d.TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
        Assert.Equal(TimeSpan.FromSeconds(60), SqsMappingThrottleBackoff.Delay(int.MaxValue));
    }
}
