using Course.Sandbox.Retries;

namespace Course.Sandbox.Tests.Retries;

public class DynamoDbStreamRetryBackoffTests
{
    [Fact]
    public void DDB_02_FailedBatch_RetriedAfterDoublingDelaysUpToOneMinute()
    {
        var delays = Enumerable.Range(0, 9).Select(DynamoDbStreamRetryBackoff.Delay).Select(d => d.TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
    }
}
