using System.Net;
using Course.Sandbox.Clients.EventBridge.Model;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Clients.EventBridge;

/// <summary>
/// The sandbox's EventBridge client, named and shaped like <c>Amazon.EventBridge.AmazonEventBridgeClient</c>
/// (AWSSDK.EventBridge), so learner code moves to AWS by changing the package and the usings
/// (<c>Course.Sandbox.Clients.EventBridge</c> → <c>Amazon.EventBridge</c>, <c>.Model</c> likewise). It reaches the
/// simulation's <see cref="EventBridgeService"/> through <see cref="SandboxAmbient.Current"/> at each call.
/// </summary>
/// <remarks>Modelled latency (reported to the registry's observer): PutEvents 25 ms.</remarks>
public sealed class AmazonEventBridgeClient : IAmazonEventBridge
{
    private static readonly TimeSpan PutEventsLatency = TimeSpan.FromMilliseconds(25);
    private readonly EventBridgeService? _service;
    private readonly IServiceCallObserver? _observer;

    /// <summary>A client for the current simulation (<see cref="SandboxAmbient.Current"/>), as <c>new AmazonEventBridgeClient()</c> on AWS.</summary>
    public AmazonEventBridgeClient()
    {
    }

    /// <summary>A client bound to one EventBridge (for engine code and tests).</summary>
    /// <param name="service">The sandbox EventBridge.</param>
    /// <param name="observer">Receives every call; null for none.</param>
    public AmazonEventBridgeClient(EventBridgeService service, IServiceCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _observer = observer;
    }

    /// <inheritdoc />
    public Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EventBridgeService service;
        IServiceCallObserver? observer;
        Services.Endpoint.ServiceEndpoint? endpoint = null;
        if (_service is not null)
        {
            (service, observer) = (_service, _observer);
        }
        else
        {
            var registry = SandboxAmbient.Require(nameof(AmazonEventBridgeClient));
            service = registry.EventBridge ?? throw new InvalidOperationException("This simulation has no EventBridge: add it to the simulation's services before calling EventBridge.");
            observer = registry.Observer;
            endpoint = registry.Endpoint;
        }

        return Services.Endpoint.ServiceEndpoint.ThroughAsync(endpoint, "events", "PutEvents", decision => PutEvents(service, observer, request, decision));
    }

    private static PutEventsResponse PutEvents(EventBridgeService service, IServiceCallObserver? observer, PutEventsRequest request, Services.Faults.FaultDecision decision)
    {
        var latency = PutEventsLatency + decision.ExtraLatency;
        if (decision.Fails)
        {
            var (code, message, status) = decision.Kind == Services.Faults.FaultKind.Throttling
                ? ("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest)
                : ("InternalException", "An internal error occurred.", HttpStatusCode.InternalServerError);
            observer?.OnCall(new ServiceCall("events", "PutEvents", code, latency));
            throw new AmazonEventBridgeException(message, code, status);
        }

        // IAM_01 (issue 11): a function with a role needs events:PutEvents on each bus it sends to.
        foreach (var bus in request.Entries.Select(e => e.EventBusName ?? "default").Distinct(StringComparer.Ordinal))
        {
            if (Iam.Wire.SandboxClientAuthorization.Check("events", "PutEvents", "AccessDeniedException", "events:PutEvents", r => bus.StartsWith("arn:", StringComparison.Ordinal) ? bus : $"arn:aws:events:{r.Region}:{r.AccountId}:event-bus/{bus}") is { } denied)
            {
                throw new AmazonEventBridgeException(denied.Message, "AccessDeniedException", HttpStatusCode.BadRequest);
            }
        }

        try
        {
            var result = service.PutEvents(request.Entries.Select(e => new PutEventsEntry
            {
                Source = e.Source,
                DetailType = e.DetailType,
                Detail = e.Detail,
                EventBusName = e.EventBusName,
                Resources = e.Resources ?? [],
                Time = e.Time is { } t && t != default ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null,
            }).ToList());
            observer?.OnCall(new ServiceCall("events", "PutEvents", result.FailedEntryCount == 0 ? "Success" : $"{result.FailedEntryCount} failed", latency));
            return new PutEventsResponse
            {
                FailedEntryCount = result.FailedEntryCount,
                Entries = [.. result.Entries.Select(r => new Model.PutEventsResultEntry { EventId = r.EventId, ErrorCode = r.ErrorCode, ErrorMessage = r.ErrorMessage })],
                HttpStatusCode = HttpStatusCode.OK,
            };
        }
        catch (EventBridgeException e)
        {
            observer?.OnCall(new ServiceCall("events", "PutEvents", e.ErrorCode, latency));
            throw new AmazonEventBridgeException(e.Message, e.ErrorCode, (HttpStatusCode)e.StatusCode);
        }
    }

    /// <summary>Nothing to release; present because the AWS client is disposable.</summary>
    public void Dispose()
    {
    }
}
