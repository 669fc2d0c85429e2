namespace Course.Sandbox.Iam.Wire;

/// <summary>Checks an SDK request from handler code before its service answers it; a response means "denied, answer this".</summary>
internal interface IWireAuthorizer
{
    /// <summary>Null when <paramref name="functionName"/> may make the request, else the service's AccessDenied response.</summary>
    Task<HttpResponseMessage?> CheckAsync(string functionName, string serviceId, HttpRequestMessage request, CancellationToken cancellationToken);
}
