using System.Globalization;

namespace Course.Sandbox.Hosting;

/// <summary>
/// Thrown into handler code when its virtual time passes the function timeout (a sleep or declared work that runs
/// past it, or a service call after it): on AWS the invocation is stopped at that moment, so the rest of the handler
/// never runs. Catching it does not help — the invocation is reported as timed out either way.
/// </summary>
public sealed class InvocationTimeoutException : Exception
{
    /// <summary>Creates the exception for a phase limited to <paramref name="limit"/>.</summary>
    public InvocationTimeoutException(TimeSpan limit)
        : this(limit, string.Create(CultureInfo.InvariantCulture, $"Task timed out after {limit.TotalSeconds:F2} seconds"))
    {
    }

    /// <summary>Creates the exception with its own message.</summary>
    public InvocationTimeoutException(TimeSpan limit, string message) : base(message) => Limit = limit;

    /// <summary>The limit that was passed.</summary>
    public TimeSpan Limit { get; }
}
