using System.Globalization;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Time;

namespace Course.Sandbox.Sources.ApiGateway;

/// <summary>
/// An API Gateway HTTP API with Lambda proxy integrations, payload format 2.0 (APIGW_01): each request is matched to a
/// route, turned into the 2.0 request event, and the function is invoked synchronously; its result is mapped back to an
/// HTTP response as API Gateway does (APIGW_02, APIGW_03). Requests are never retried. Every request is traced with its
/// method, path, status and latency.
/// </summary>
/// <example>
/// <code>
/// var api = new HttpApi(sim);
/// api.AddRoute("GET /items/{id}", "get-item");
/// var response = api.Send("GET", "/items/42");
/// </code>
/// </example>
public sealed class HttpApi
{
    private readonly Simulation _sim;
    private readonly List<HttpApiRoute> _routes = [];

    /// <summary>Creates an API with no routes.</summary>
    /// <param name="simulation">The simulation whose functions the routes invoke.</param>
    /// <param name="options">Settings; null takes every default.</param>
    /// <exception cref="HttpApiException"><c>BadRequestException</c> listing every invalid setting.</exception>
    public HttpApi(Simulation simulation, HttpApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        _sim = simulation;
        options ??= new HttpApiOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw HttpApiException.BadRequest(string.Join(" ", errors));
        }

        Options = new HttpApiOptions
        {
            ApiId = options.ApiId ?? simulation.Ids.Pick(SeededIds.LowerAlphanumeric, 10),
            Stage = options.Stage,
            IntegrationTimeout = options.IntegrationTimeout,
            ThrottleStatusCode = options.ThrottleStatusCode,
            TimeoutStatusCode = options.TimeoutStatusCode,
            SourceIp = options.SourceIp,
        };
    }

    /// <summary>The settings (a copy; the API id is filled in).</summary>
    public HttpApiOptions Options { get; }

    /// <summary>The API id.</summary>
    public string ApiId => Options.ApiId!;

    /// <summary>The routes, in the order they were added.</summary>
    public IReadOnlyList<HttpApiRoute> Routes => _routes;

    /// <summary>Adds a route (<c>CreateRoute</c> with a Lambda proxy integration).</summary>
    /// <param name="routeKey"><c>$default</c>, or <c>METHOD /path</c> with <c>{name}</c> and a last <c>{name+}</c> variable.</param>
    /// <param name="functionName">The function to invoke (it may be deployed later).</param>
    /// <returns>The route.</returns>
    /// <exception cref="HttpApiException"><c>BadRequestException</c> for an invalid key; <c>ConflictException</c> for a duplicate.</exception>
    public HttpApiRoute AddRoute(string routeKey, string functionName)
    {
        ArgumentNullException.ThrowIfNull(routeKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        if (_routes.Any(r => r.RouteKey == routeKey))
        {
            throw HttpApiException.Conflict(routeKey);
        }

        var route = HttpApiRoute.Parse(routeKey, functionName);
        _routes.Add(route);
        return route;
    }

    /// <summary>Sends a request and runs the simulation until the response is in.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, optionally with <c>?query</c>.</param>
    /// <param name="headers">Request headers (duplicates allowed); null for none.</param>
    /// <param name="body">The body, or null.</param>
    /// <param name="isBase64Encoded">True when <paramref name="body"/> is base64 (binary content).</param>
    /// <returns>The response.</returns>
    public HttpApiResponse Send(string method, string path, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null, bool isBase64Encoded = false)
    {
        var task = SendAsync(method, path, headers, body, isBase64Encoded);
        _sim.RunUntilComplete(task);
        return task.IsCompleted ? task.Result : throw new InvalidOperationException("The request did not complete: the simulation's queue emptied first.");
    }

    /// <summary>
    /// Sends a request at the current virtual time. The task completes when the virtual clock reaches the response:
    /// the function's end, or the integration timeout.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, optionally with <c>?query</c>.</param>
    /// <param name="headers">Request headers (duplicates allowed); null for none.</param>
    /// <param name="body">The body, or null.</param>
    /// <param name="isBase64Encoded">True when <paramref name="body"/> is base64 (binary content).</param>
    /// <returns>The response, when the simulation gets there.</returns>
    public Task<HttpApiResponse> SendAsync(string method, string path, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null, bool isBase64Encoded = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The path must start with '/', e.g. /orders; got \"{path}\".", nameof(path));
        }

        method = method.ToUpperInvariant();
        var start = _sim.Now;
        var requestId = _sim.Ids.Pick(SeededIds.RequestIdAlphabet, 15) + "=";
        var rawPath = path.Split('?', 2)[0];
        var (route, parameters) = Select(method, rawPath);
        var what = $"{method} {path}";
        if (route is null)
        {
            var notFound = Finish(start, requestId, null, null, HttpApiResponseMapper.Message(404, "Not Found"), what);
            return Task.FromResult(notFound);
        }

        var request = new HttpApiRequestBuilder(_sim, Options).Build(method, path, route.RouteKey, parameters, headers, body, isBase64Encoded, requestId, start);
        _sim.Trace.Add(start, TraceKind.SourceDelivery, ApiId, null, $"{what} → {route.FunctionName} (route {route.RouteKey}, sync invoke)");
        var done = new TaskCompletionSource<HttpApiResponse>();
        var timedOut = false;
        var invoke = _sim.Lambda.InvokeAsync(route.FunctionName, request);
        invoke.ContinueWith(t =>
        {
            var result = t.Result;
            if (timedOut)
            {
                _sim.Trace.Add(_sim.Now, TraceKind.Note, ApiId, result.RequestId, $"{what}: function ended after the client got {Options.TimeoutStatusCode}; its result is discarded");
                return;
            }

            var mapped = HttpApiResponseMapper.Map(result, Options);
            if (result.Throttled)
            {
                _sim.Trace.Add(_sim.Now, TraceKind.Throttle, ApiId, result.RequestId, $"{what}: Lambda throttled the invoke ({result.ThrottleReason}) → {mapped.StatusCode}; API Gateway does not retry");
            }

            done.TrySetResult(Finish(start, requestId, result.RequestId, route.RouteKey, mapped, what));
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        if (!done.Task.IsCompleted)
        {
            _sim.ScheduleAt(start + Options.IntegrationTimeout, () =>
            {
                if (done.Task.IsCompleted)
                {
                    return;
                }

                timedOut = true;
                var response = HttpApiResponseMapper.Message(Options.TimeoutStatusCode, "Service Unavailable");
                done.TrySetResult(Finish(start, requestId, null, route.RouteKey, response, what + $" (integration timeout {Options.IntegrationTimeout.TotalSeconds:0.###} s)"));
            });
        }

        return done.Task;
    }

    private (HttpApiRoute? Route, Dictionary<string, string>? Parameters) Select(string method, string path)
    {
        var candidates = _routes
            .Where(r => !r.IsDefault)
            .Select(r => (Route: r, Parameters: r.Match(method, path)))
            .Where(c => c.Parameters is not null)
            .OrderBy(c => c.Route.IsGreedy)
            .ThenByDescending(c => c.Route.LiteralSegments)
            .ThenBy(c => c.Route.Method == "ANY")
            .ToList();
        if (candidates.Count > 0)
        {
            return candidates[0];
        }

        var fallback = _routes.FirstOrDefault(r => r.IsDefault);
        return fallback is null ? (null, null) : (fallback, null);
    }

    private HttpApiResponse Finish(DateTimeOffset start, string requestId, string? lambdaRequestId, string? routeKey, HttpApiResponse mapped, string what)
    {
        var now = _sim.Now;
        var headers = new Dictionary<string, string>(mapped.Headers, StringComparer.OrdinalIgnoreCase) { ["apigw-requestid"] = requestId };
        var response = new HttpApiResponse
        {
            StatusCode = mapped.StatusCode,
            Headers = headers,
            Cookies = mapped.Cookies,
            Body = mapped.Body,
            IsBase64Encoded = mapped.IsBase64Encoded,
            RequestId = requestId,
            LambdaRequestId = lambdaRequestId,
            RouteKey = routeKey,
            RequestedAt = start,
            Latency = now - start,
        };
        _sim.Trace.Add(now, TraceKind.SourceOutcome, ApiId, lambdaRequestId,
            string.Create(CultureInfo.InvariantCulture, $"{what} → {response.StatusCode} in {response.Latency.TotalMilliseconds:0.###} ms"), duration: response.Latency);
        return response;
    }
}
