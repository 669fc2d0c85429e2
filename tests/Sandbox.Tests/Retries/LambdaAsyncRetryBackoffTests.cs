using Course.Sandbox.Retries;

namespace Course.Sandbox.Tests.Retries;

public class LambdaAsyncRetryBackoffTests
{
    [Fact]
    public void ASYNC_01_FunctionError_RetriesAfterOneMinuteThenTwo()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), LambdaAsyncRetryBackoff.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(2), LambdaAsyncRetryBackoff.RetryDelay(2));
    }

    [Fact]
    public void ASYNC_02_Throttle_DoublesFromOneSecondUpToFiveMinutes()
    {
        var delays = Enumerable.Range(0, 12).Select(LambdaAsyncRetryBackoff.ThrottleDelay).Select(d => d.TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300], delays);
        Assert.Equal(TimeSpan.FromMinutes(5), LambdaAsyncRetryBackoff.ThrottleDelay(1_000));
    }
}
