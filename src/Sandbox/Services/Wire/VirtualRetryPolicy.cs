using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Course.Sandbox.Hosting;

namespace Course.Sandbox.Services.Wire;

/// <summary>
/// The AWS SDK's standard retry mode with its wait on the virtual clock: the SDK decides what to retry and how often
/// (its own rules and the client's <c>MaxErrorRetry</c>); only the back-off is the sandbox's, so a throttled call in a
/// handler spends virtual time (counted in Duration, bounded by the timeout) instead of real time. The delay follows
/// the standard mode's documented shape — full jitter over <c>min(base × 2^attempt, 20 s)</c>, base 25 ms for DynamoDB
/// and 100 ms otherwise — with the jitter drawn from the invocation's request id, so runs stay reproducible.
/// </summary>
internal sealed class VirtualRetryPolicy(int maxRetries, bool dynamoDb) : StandardRetryPolicy(maxRetries)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public override Task WaitBeforeRetryAsync(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        return Endpoint.ServiceEndpoint.SettleAsync(Delay(executionContext.RequestContext.Retries));
    }

    /// <inheritdoc />
    public override void WaitBeforeRetry(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        InvocationScope.Current?.AddQuietly(Delay(executionContext.RequestContext.Retries));
    }

    /// <summary>The back-off before retry number <paramref name="retries"/> + 1.</summary>
    internal TimeSpan Delay(int retries)
    {
        var baseDelay = TimeSpan.FromMilliseconds(dynamoDb ? 25 : 100);
        var ceiling = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, baseDelay.Ticks << Math.Min(retries, 20)));
        var jitter = StableUnit(InvocationScope.Current?.RequestId ?? "outside", retries);
        return TimeSpan.FromTicks((long)(ceiling.Ticks * jitter));
    }

    // A number in [0, 1) from the request id and the attempt: the same run gives the same back-off.
    private static double StableUnit(string requestId, int retries)
    {
        var hash = 1469598103934665603UL;
        foreach (var c in requestId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ (ulong)retries) * 1099511628211UL;
        return (hash >> 11) / (double)(1UL << 53);
    }
}
