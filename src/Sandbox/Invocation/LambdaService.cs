using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Invocation;

/// <summary>
/// The simulated Lambda service of one account and region: deploys functions, runs invocations in execution
/// environments, enforces concurrency and limits, queues and retries asynchronous events, and records everything
/// in the <see cref="Simulation.Trace"/>.
/// </summary>
public sealed partial class LambdaService
{
    private readonly Simulation _sim;
    private readonly Dictionary<string, LambdaFunction> _functions = new(StringComparer.Ordinal);
    private readonly List<InvocationRecord> _records = [];
    private int _environmentCount;
    private int _unreservedBusy;
    private int _reservedTotal;
    private Run? _spareRun;

    internal LambdaService(Simulation simulation) => _sim = simulation;

    /// <summary>Every deployed function, by name.</summary>
    public IReadOnlyDictionary<string, LambdaFunction> Functions => _functions;

    /// <summary>Every invocation that ran or was throttled, in the order they ended.</summary>
    public IReadOnlyList<InvocationRecord> Invocations => _records;

    /// <summary>Concurrency currently in use across the account.</summary>
    public int AccountConcurrentExecutions => _functions.Values.Sum(f => f.ConcurrentExecutions);

    /// <summary>Deploys a function (CreateFunction). Options are validated once and copied.</summary>
    /// <exception cref="LambdaException"><c>InvalidParameterValueException</c> listing every violation, or <c>ResourceConflictException</c>.</exception>
    public LambdaFunction Deploy(FunctionOptions options, HandlerFactory handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw LambdaException.InvalidParameterValue(errors[0]);
        }
        if (_functions.ContainsKey(options.FunctionName))
        {
            throw LambdaException.ResourceConflict(options.FunctionName);
        }
        if (options.ReservedConcurrentExecutions is int reserved
            && _sim.Options.AccountConcurrency - (_reservedTotal + reserved) < Limits.MinUnreservedConcurrency)
        {
            throw LambdaException.InvalidParameterValue(
                $"Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [{Limits.MinUnreservedConcurrency}].");
        }

        var function = new LambdaFunction(Copy(options), handler, _sim.Options.Region, _sim.Options.AccountId)
        {
            ScalingRefilledAt = _sim.Now,
        };
        _functions.Add(function.Name, function);
        _reservedTotal += options.ReservedConcurrentExecutions ?? 0;
        _sim.Trace.Add(_sim.Now, TraceKind.FunctionDeployed, function.Name, null,
            $"{options.Runtime} {options.MemorySize} MB timeout {options.Timeout.TotalSeconds:0} s {handler.Description}");

        for (var i = 0; i < options.ProvisionedConcurrentExecutions; i++)
        {
            var env = CreateEnvironment(function, provisioned: true, _sim.Now, out var failure);
            if (env is null)
            {
                throw LambdaException.InvalidParameterValue($"Provisioned concurrency could not be allocated: INIT failed with {failure!.GetType().Name}: {failure.Message}");
            }
            function.ConcurrentExecutions--;   // ready, not busy
            if (!IsReserved(function))
            {
                _unreservedBusy--;
            }
            env.State = EnvironmentState.Idle;
            function.Release(env);
        }
        return function;
    }

    /// <summary>Looks up a deployed function.</summary>
    /// <exception cref="LambdaException"><c>ResourceNotFoundException</c>.</exception>
    public LambdaFunction GetFunction(string name) =>
        _functions.TryGetValue(name, out var f) ? f : throw LambdaException.ResourceNotFound(name);

    /// <summary>Invokes synchronously and runs the simulation until the result is in.</summary>
    public InvocationResult Invoke(string functionName, string payload)
    {
        if (Begin(functionName, payload, InvocationType.RequestResponse, out var run) is { } immediate)
        {
            return immediate;
        }
        while (run!.Result is null && _sim.RunNext()) { }
        var result = run.Result ?? throw new InvalidOperationException("The invocation did not complete: the simulation's queue emptied first.");
        run.Clear();   // finished and referenced by nothing else now: keep it for the next synchronous call
        _spareRun = run;
        return result;
    }

    /// <summary>
    /// Invokes a function (the Invoke API). <see cref="InvocationType.RequestResponse"/> completes when the virtual
    /// clock reaches the invocation's end; <see cref="InvocationType.Event"/> completes at once with 202 and the
    /// event is queued, retried and routed to destinations as Lambda does.
    /// </summary>
    public Task<InvocationResult> InvokeAsync(string functionName, string payload, InvocationType type = InvocationType.RequestResponse)
    {
        if (Begin(functionName, payload, type, out var run) is { } immediate)
        {
            return Task.FromResult(immediate);
        }
        if (run!.Result is { } result)
        {
            return Task.FromResult(result);
        }
        var done = new TaskCompletionSource<InvocationResult>();
        run.Completion = done;
        return done.Task;
    }

    /// <summary>
    /// Validates a request and either answers it at once (returned) or starts its synchronous attempt
    /// (<paramref name="run"/>, whose <see cref="Run.Result"/> is set when it ends).
    /// </summary>
    private InvocationResult? Begin(string functionName, string payload, InvocationType type, out Run? run)
    {
        ArgumentNullException.ThrowIfNull(payload);
        run = null;
        var now = _sim.Now;
        var requestId = _sim.NewRequestId();
        if (!_functions.TryGetValue(functionName, out var function))
        {
            return Reject(functionName, requestId, now, LambdaException.ResourceNotFound(functionName));
        }

        var limit = type == InvocationType.Event ? Limits.MaxAsyncPayloadBytes : Limits.MaxSyncPayloadBytes;
        // A UTF-16 code unit is at most 3 UTF-8 bytes, so short payloads need no counting.
        var bytes = payload.Length > limit / 3 ? System.Text.Encoding.UTF8.GetByteCount(payload) : 0;
        if (bytes > limit)
        {
            return Reject(functionName, requestId, now, LambdaException.RequestTooLarge(bytes, limit));
        }

        switch (type)
        {
            case InvocationType.DryRun:
                return new InvocationResult { RequestId = requestId, StatusCode = 204, RequestedAt = now };
            case InvocationType.Event:
                Enqueue(function, requestId, payload, now);
                return new InvocationResult { RequestId = requestId, StatusCode = 202, RequestedAt = now };
            default:
                run = (_spareRun ?? new Run(this)).Init(function, requestId, payload, InvocationType.RequestResponse, 1, now);
                _spareRun = null;
                RunAttempt(run);
                return null;
        }
    }

    /// <summary>Shuts down environments idle for longer than the idle timeout (ENV_03), stamping the time they expired.</summary>
    public void ReapIdleEnvironments()
    {
        var now = _sim.Time.QueueTime;
        foreach (var function in _functions.Values)
        {
            foreach (var env in function.Environments)
            {
                if (env.State == EnvironmentState.Idle && !env.IsProvisioned && env.LastUsed + _sim.Options.EnvironmentIdleTimeout <= now)
                {
                    Shutdown(env, env.LastUsed + _sim.Options.EnvironmentIdleTimeout, "idle");
                }
            }
        }
    }

    private InvocationResult Reject(string functionName, string requestId, DateTimeOffset now, LambdaException error)
    {
        _sim.Trace.Add(now, TraceKind.InvokeRejected, functionName, requestId, $"{error.ErrorCode}: {error.Message}");
        return new InvocationResult
        {
            RequestId = requestId,
            StatusCode = error.StatusCode,
            ErrorType = error.ErrorCode,
            ErrorMessage = error.Message,
            RequestedAt = now,
        };
    }

    private static FunctionOptions Copy(FunctionOptions o) => new()
    {
        FunctionName = o.FunctionName,
        Runtime = o.Runtime,
        MemorySize = o.MemorySize,
        Timeout = o.Timeout,
        Architecture = o.Architecture,
        EphemeralStorageSize = o.EphemeralStorageSize,
        Environment = new Dictionary<string, string>(o.Environment, StringComparer.Ordinal),
        ReservedConcurrentExecutions = o.ReservedConcurrentExecutions,
        ProvisionedConcurrentExecutions = o.ProvisionedConcurrentExecutions,
        SnapStart = o.SnapStart,
        PackageSizeMB = o.PackageSizeMB,
        Async = new AsyncInvokeOptions
        {
            MaximumRetryAttempts = o.Async.MaximumRetryAttempts,
            MaximumEventAge = o.Async.MaximumEventAge,
            OnSuccess = o.Async.OnSuccess,
            OnFailure = o.Async.OnFailure,
            DeadLetter = o.Async.DeadLetter,
        },
    };

    private static bool IsReserved(LambdaFunction f) => f.Options.ReservedConcurrentExecutions is not null;
}
