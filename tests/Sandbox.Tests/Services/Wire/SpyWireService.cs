using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Tests.Services.Wire;

/// <summary>Records the headers of each request before passing it to the real endpoint.</summary>
internal sealed class SpyWireService(IWireService inner) : IWireService
{
    public List<Dictionary<string, string>> Requests { get; } = [];

    public string ServiceId => inner.ServiceId;

    public Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        headers[":method"] = request.Method.Method;
        Requests.Add(headers);
        return inner.HandleAsync(request, cancellationToken);
    }
}
