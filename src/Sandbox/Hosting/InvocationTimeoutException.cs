namespace Course.Sandbox.Hosting;

/// <summary>
/// Thrown into handler code when its modelled time passes the function timeout: on AWS the invocation is
/// stopped at that moment, so the rest of the handler never runs. Catching it does not help — the invocation
/// is reported as timed out either way.
/// </summary>
public sealed class InvocationTimeoutException : Exception
{
    /// <summary>Creates the exception for a phase limited to <paramref name="limit"/>.</summary>
    public InvocationTimeoutException(TimeSpan limit) : base($"Task timed out after {limit.TotalSeconds:F2} seconds") => Limit = limit;

    /// <summary>The limit that was passed.</summary>
    public TimeSpan Limit { get; }
}
