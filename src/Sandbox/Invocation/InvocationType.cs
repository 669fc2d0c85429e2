namespace Course.Sandbox.Invocation;

/// <summary>How a function is invoked (the <c>X-Amz-Invocation-Type</c> header).</summary>
public enum InvocationType
{
    /// <summary>Synchronous: the caller waits for the result; Lambda never retries (SYNC_01).</summary>
    RequestResponse,
    /// <summary>Asynchronous: queued, answered 202, retried on error (ASYNC_*).</summary>
    Event,
    /// <summary>Validates the request only.</summary>
    DryRun,
}
