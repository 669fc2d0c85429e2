using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.Endpoint;

/// <summary>
/// The one pipeline every call from handler code to a service crosses — the real SDK's wire requests (S3, SQS,
/// DynamoDB) and the sandbox clients (SNS, EventBridge, Bedrock, …) alike:
/// <list type="number">
/// <item>the calling phase is found once (the ambient <see cref="InvocationScope"/>);</item>
/// <item>a call after the deadline is refused (on AWS the environment was frozen, so it never happens) — and code of an
/// invocation already stopped at its deadline never resumes;</item>
/// <item>an asynchronous handler whose synchronous work ran ahead of the queue waits until the queue catches up, so the
/// call reaches the service at the right virtual moment, in order with every other invocation's calls (TIME_04);</item>
/// <item>seeded faults are drawn per service (<see cref="Faults"/>, thread-safe);</item>
/// <item>the service answers; the call is recorded once (trace entry, the phase's call list);</item>
/// <item>the modelled latency is spent on the virtual clock: an asynchronous handler awaits it (TIME_03: three
/// concurrent 10 ms calls take 10 ms), a synchronous phase adds it to its time.</item>
/// </list>
/// A new service adds a table of operations and latencies, not a call path.
/// </summary>
public sealed class ServiceEndpoint : IServiceCallObserver
{
    private readonly Simulation _sim;
    private readonly Dictionary<string, FaultInjector> _faults = new(StringComparer.Ordinal);
    private readonly List<ServiceCall> _calls = [];

    internal ServiceEndpoint(Simulation simulation) => _sim = simulation;

    /// <summary>Every service call answered, in order.</summary>
    public IReadOnlyList<ServiceCall> Calls => _calls;

    /// <summary>The fault injector of <paramref name="service"/> (<c>sns</c>, <c>events</c>, …), created on first use from the seed.</summary>
    public FaultInjector Faults(string service)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        lock (_faults)
        {
            if (!_faults.TryGetValue(service, out var injector))
            {
                injector = new FaultInjector(new Random(_sim.Options.Seed ^ StableHash(service)));
                _faults[service] = injector;
            }
            return injector;
        }
    }

    /// <summary>Uses <paramref name="injector"/> as <paramref name="service"/>'s fault injector (the wire services' own).</summary>
    internal void UseFaults(string service, FaultInjector injector)
    {
        lock (_faults)
        {
            _faults[service] = injector;
        }
    }

    /// <summary>Steps 1–3: returns false when the call must not happen (the phase is past its deadline).</summary>
    internal static async ValueTask<CallAdmission> AdmitAsync()
    {
        var scope = InvocationScope.Flowing;
        if (scope is null)
        {
            return CallAdmission.Outside;
        }
        if (scope.IsAbandoned)
        {
            await Frozen().ConfigureAwait(false);   // never returns: the invocation was stopped
        }
        if (!scope.IsActive)
        {
            return CallAdmission.Outside;
        }
        if (scope.IsPastDeadline)
        {
            return CallAdmission.PastDeadline;
        }
        if (scope.CanYield && scope.Clock is { } clock && scope.Mark > clock.QueueTime)
        {
            await clock.WhenAt(scope.Mark).ConfigureAwait(false);
        }
        return CallAdmission.Admitted;
    }

    /// <summary>How many calls the calling phase has recorded so far (pass it to <see cref="SettleSinceAsync"/>).</summary>
    internal static int CallsSoFar() => InvocationScope.Current?.Calls.Count ?? 0;

    /// <summary>Step 6 for a call that recorded itself: spends the latency of every call the phase recorded since <paramref name="before"/>.</summary>
    internal static Task SettleSinceAsync(int before)
    {
        if (InvocationScope.Current?.Calls is not { } calls)
        {
            return Task.CompletedTask;
        }
        var latency = TimeSpan.Zero;
        for (var i = before; i < calls.Count; i++)
        {
            latency += calls[i].Latency;
        }
        return SettleAsync(latency);
    }

    /// <summary>Step 6: spends the latency of the call just recorded on the calling flow.</summary>
    internal static Task SettleAsync(TimeSpan latency)
    {
        var scope = InvocationScope.Current;
        if (scope is null || latency <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
        if (!scope.CanYield || scope.Clock is not { } clock)
        {
            scope.AddQuietly(latency);
            return Task.CompletedTask;
        }
        return clock.WhenAt(scope.Now + latency);
    }

    /// <summary>
    /// A sandbox client's call through the whole pipeline: admission (step 1–3), the fault drawn for
    /// <paramref name="faultsOf"/> (step 4, handed to <paramref name="call"/>, which throws the service's error for it),
    /// the call itself, which records itself once through this endpoint (step 5), then the latency it recorded (step 6).
    /// A client bound to a service without a simulation (<paramref name="endpoint"/> null) skips faults and latency.
    /// </summary>
    /// <remarks>A null <paramref name="faultsOf"/> means the service draws its own faults inside the call.</remarks>
    internal static async Task<T> ThroughAsync<T>(ServiceEndpoint? endpoint, string? faultsOf, string operation, Func<FaultDecision, T> call)
    {
        var admission = await AdmitAsync().ConfigureAwait(false);
        if (admission == CallAdmission.PastDeadline)
        {
            throw TimedOut(faultsOf ?? "service", operation);
        }
        var decision = faultsOf is not null && endpoint is not null ? endpoint.Faults(faultsOf).Decide(operation) : FaultDecision.None;
        var before = CallsSoFar();
        T result;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        try
        {
            result = call(decision);
        }
        catch (Exception e)
        {
            failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            result = default!;
        }
        await SettleSinceAsync(before).ConfigureAwait(false);
        failure?.Throw();
        return result;
    }

    /// <inheritdoc />
    void IServiceCallObserver.OnCall(ServiceCall call) => Record(call);

    /// <summary>Step 5: the one record of a call — the endpoint's list, the phase's calls, the trace.</summary>
    internal void Record(ServiceCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _calls.Add(call);
        var scope = InvocationScope.Current;
        var at = scope?.Now ?? _sim.Now;
        scope?.Record(call);
        _sim.Trace.Add(at, TraceKind.ServiceCall, scope?.FunctionName ?? call.Service, scope?.RequestId,
            $"{call.Service}.{call.Operation} → {call.Outcome} ({call.Latency.TotalMilliseconds:0.##} ms){(scope is { IsInit: true } ? " during INIT" : "")}",
            environmentId: scope?.Environment?.Id, duration: call.Latency);
    }

    /// <summary>
    /// Step 5 for a call IAM refused (IAM_01): the service never saw it, but it is recorded like any other call, with
    /// the error code the caller got as its outcome, so the trace and the phase's calls show it. It records no latency:
    /// the time a refusal takes on AWS is not modelled (the sandbox's choice; timelines stay as they were).
    /// </summary>
    /// <param name="service">The service id (<c>dynamodb</c>, <c>s3</c>, <c>sqs</c>, <c>sns</c>, <c>events</c>, <c>bedrock-runtime</c>).</param>
    /// <param name="operation">The operation the caller asked for.</param>
    /// <param name="errorCode">The error the caller got (<c>AccessDeniedException</c>, <c>AccessDenied</c>, <c>AuthorizationError</c>).</param>
    internal void RecordDenied(string service, string operation, string errorCode) =>
        Record(new ServiceCall(service, operation, errorCode, TimeSpan.Zero));

    /// <summary>The error a call made after the deadline gets (it can only be seen by code that caught the timeout).</summary>
    internal static InvocationTimeoutException TimedOut(string service, string operation) =>
        new(InvocationScope.Current?.Limit ?? TimeSpan.Zero, $"{service}.{operation} was called after the invocation's timeout; on AWS the environment was frozen and the call never happened.");

    private static Task Frozen() => new TaskCompletionSource().Task;

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }
        return hash;
    }
}

/// <summary>What the endpoint decided about a call before it reaches the service.</summary>
internal enum CallAdmission
{
    /// <summary>Made by code outside any phase (tests, scenario set-up): no deadline, no latency.</summary>
    Outside,

    /// <summary>Made by a phase in time.</summary>
    Admitted,

    /// <summary>Made after the phase's deadline: refused.</summary>
    PastDeadline,
}
