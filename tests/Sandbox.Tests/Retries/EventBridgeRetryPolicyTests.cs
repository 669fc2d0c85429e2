using Course.Sandbox.Retries;
using Course.Sandbox.Services.EventBridge;

namespace Course.Sandbox.Tests.Retries;

public class EventBridgeRetryPolicyTests
{
    [Fact]
    public void EB_02_Backoff_DoublesFromOneSecondUpToEightMinutes()
    {
        var delays = Enumerable.Range(1, 12).Select(EventBridgeRetryPolicy.Backoff).Select(d => d.TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 480, 480, 480], delays);
        Assert.Throws<ArgumentOutOfRangeException>(() => EventBridgeRetryPolicy.Backoff(0));
    }

    [Fact]
    public void EB_02_DefaultRetries_SpanAboutTheDocumented24Hours()
    {
        var policy = new EventBridgeRetryPolicy();
        var total = Enumerable.Range(1, policy.MaximumRetryAttempts).Aggregate(TimeSpan.Zero, (sum, retry) => sum + EventBridgeRetryPolicy.Backoff(retry));
        Assert.Equal(23.6, Math.Round(total.TotalHours, 1));
    }

    [Fact]
    public void EB_02_Validate_NamesTheFieldAndItsRange()
    {
        var ex = Assert.Throws<EventBridgeException>(() => new EventBridgeRetryPolicy { MaximumEventAgeInSeconds = 86_401 }.Validate("targets.1.member.retryPolicy"));
        Assert.Equal("ValidationException", ex.ErrorCode);
        Assert.Contains("targets.1.member.retryPolicy.maximumEventAgeInSeconds", ex.Message, StringComparison.Ordinal);
    }
}
