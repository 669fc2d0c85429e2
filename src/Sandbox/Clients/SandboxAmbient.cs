namespace Course.Sandbox.Clients;

/// <summary>
/// How a client created with no arguments (<c>new AmazonSimpleNotificationServiceClient()</c> or
/// <c>new AmazonSQSClient()</c>, as learner code writes it on AWS) finds the current simulation: one ambient
/// <see cref="SandboxServiceRegistry"/> that flows with the async call (an <see cref="AsyncLocal{T}"/>), so two
/// simulations on different tasks never see each other's services. The sandbox clients read its services, the real
/// SDK clients its <see cref="SandboxServiceRegistry.Sdk"/> router; the running phase is <c>InvocationScope.Current</c>.
/// </summary>
/// <remarks>
/// The engine host sets it around each handler invocation, before the handler's task starts:
/// <code>
/// using (SandboxAmbient.Use(registry)) { await handler(...); }
/// </code>
/// A value set inside an async method does not flow back to its caller (AsyncLocal semantics), so set it in the
/// frame that starts the handler. Clients read it on every call, not at construction, so a client stored in a static
/// field during INIT still reaches the simulation that is invoking it.
/// </remarks>
public static class SandboxAmbient
{
    private static readonly AsyncLocal<SandboxServiceRegistry?> CurrentRegistry = new();

    /// <summary>The registry of the simulation running on this async flow; null outside a simulation.</summary>
    public static SandboxServiceRegistry? Current
    {
        get => CurrentRegistry.Value;
        set => CurrentRegistry.Value = value;
    }

    /// <summary>Sets <see cref="Current"/> until the returned scope is disposed, then restores the previous value.</summary>
    /// <param name="registry">The simulation's services.</param>
    /// <returns>The scope.</returns>
    public static IDisposable Use(SandboxServiceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var previous = CurrentRegistry.Value;
        CurrentRegistry.Value = registry;
        return new Scope(previous);
    }

    internal static SandboxServiceRegistry Require(string clientName) =>
        CurrentRegistry.Value ?? throw new InvalidOperationException(
            $"{clientName} found no sandbox simulation: it works inside a handler run by the sandbox (or a test that "
            + "sets SandboxAmbient.Current / uses SandboxAmbient.Use(registry)). On AWS, use the AWSSDK package instead.");

    private sealed class Scope(SandboxServiceRegistry? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                CurrentRegistry.Value = previous;
                _disposed = true;
            }
        }
    }
}
