using Course.Sandbox.Retries;

namespace Course.Sandbox.Tests.Retries;

public class SnsDeliveryPolicyTests
{
    [Fact]
    public void SNS_01_DeliveryPolicy_Is100015RetriesOver23Days()
    {
        var policy = SnsDeliveryPolicy.Lambda;
        Assert.Equal(100_015, policy.TotalRetries);
        var total = TimeSpan.Zero;
        for (var retry = 1; retry <= policy.TotalRetries; retry++)
        {
            total += policy.DelayBefore(retry)!.Value;
        }

        Assert.Null(policy.DelayBefore(100_016));
        Assert.Equal(TimeSpan.FromMilliseconds(2_000_070_106), total);
        Assert.Equal(23, (int)total.TotalDays);
    }
}
