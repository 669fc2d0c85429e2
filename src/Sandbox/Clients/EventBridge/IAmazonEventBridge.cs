using Course.Sandbox.Clients.EventBridge.Model;

namespace Course.Sandbox.Clients.EventBridge;

/// <summary>The EventBridge operations the sandbox client models, with the names and shapes of
/// <c>Amazon.EventBridge.IAmazonEventBridge</c>.</summary>
public interface IAmazonEventBridge : IDisposable
{
    /// <summary>Sends custom events to event buses.</summary>
    /// <param name="request">The entries (1–10).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result entry per request entry and the failed count.</returns>
    Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default);
}
