namespace Course.Sandbox.Load;

/// <summary>One request of a load run, as the caller saw it.</summary>
/// <param name="Offset">When it was sent, from the start of the run.</param>
/// <param name="Latency">From sending to the response (INIT included on a cold start); zero when throttled.</param>
/// <param name="ColdStart">True when it waited for an INIT (or a SnapStart restore).</param>
/// <param name="Provisioned">True when a provisioned-concurrency environment served it.</param>
/// <param name="Throttled">True when Lambda refused it with 429.</param>
/// <param name="Failed">True when the function failed or timed out.</param>
/// <param name="RequestId">The request id.</param>
public sealed record LoadSample(TimeSpan Offset, TimeSpan Latency, bool ColdStart, bool Provisioned, bool Throttled, bool Failed, string RequestId);
