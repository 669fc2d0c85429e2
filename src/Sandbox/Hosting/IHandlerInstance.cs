using Course.Lambda.Core;

namespace Course.Sandbox.Hosting;

/// <summary>A handler as initialised in one execution environment.</summary>
public interface IHandlerInstance : IDisposable
{
    /// <summary>True when the handler returns a task: its code then runs as a task on the virtual clock (TIME_03).</summary>
    bool IsAsynchronous { get; }

    /// <summary>
    /// Runs the handler on a JSON payload; the result completes with the JSON response (<c>null</c> for void handlers)
    /// when the handler's task does. A synchronous handler's result is already complete.
    /// </summary>
    /// <exception cref="Exception">Whatever the handler throws (synchronously, or through the result): the engine turns it into a function error.</exception>
    ValueTask<string?> InvokeAsync(string payload, ILambdaContext context);
}
