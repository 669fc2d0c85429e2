using Course.Lambda.Core;

namespace Course.Sandbox.Hosting;

/// <summary>A handler as initialised in one execution environment.</summary>
public interface IHandlerInstance : IDisposable
{
    /// <summary>Runs the handler on a JSON payload and returns the JSON response (<c>null</c> for void handlers).</summary>
    /// <exception cref="Exception">Whatever the handler throws: the engine turns it into a function error.</exception>
    string? Invoke(string payload, ILambdaContext context);
}
