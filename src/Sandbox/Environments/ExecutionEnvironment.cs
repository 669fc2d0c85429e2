using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Environments;

/// <summary>
/// One execution environment (a Firecracker micro-VM on AWS): INIT once, then any number of invocations one at a
/// time, then SHUTDOWN. Its handler instance, statics and log stream live as long as it does.
/// </summary>
public sealed class ExecutionEnvironment
{
    internal ExecutionEnvironment(string id, Functions.LambdaFunction function, LogStream log, bool provisioned, DateTimeOffset created)
    {
        Id = id;
        Function = function;
        Log = log;
        IsProvisioned = provisioned;
        CreatedAt = created;
        LastUsed = created;
    }

    /// <summary>A short id, unique in the simulation (<c>env-1</c>, ...).</summary>
    public string Id { get; }

    /// <summary>The function this environment belongs to.</summary>
    public Functions.LambdaFunction Function { get; }

    /// <summary>Its CloudWatch log stream.</summary>
    public LogStream Log { get; }

    /// <summary>True for environments kept initialised by provisioned concurrency.</summary>
    public bool IsProvisioned { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Where it is in its lifecycle.</summary>
    public EnvironmentState State { get; internal set; } = EnvironmentState.Initializing;

    /// <summary>The modelled INIT (or restore) duration.</summary>
    public TimeSpan InitDuration { get; internal set; }

    /// <summary>The real wall time the learner's INIT code took in this process (shown beside the model, never graded).</summary>
    public TimeSpan MeasuredInitWallTime { get; internal set; }

    /// <summary>Invocations run in this environment.</summary>
    public int InvocationCount { get; internal set; }

    /// <summary>When it last finished an invocation (or was created).</summary>
    public DateTimeOffset LastUsed { get; internal set; }

    /// <summary>Service calls made during INIT (e.g. SDK clients created in the constructor).</summary>
    public IReadOnlyList<Services.Wire.ServiceCall> InitCalls { get; internal set; } = [];

    /// <summary>SDK clients created in this environment and when (INIT or INVOKE), for checks such as "create clients once".</summary>
    public List<ClientCreation> ClientsCreated { get; } = [];

    internal IHandlerInstance? Instance { get; set; }

    /// <summary>Where this environment's /tmp really is (created with it, deleted when it shuts down).</summary>
    internal string TmpRoot { get; set; } = "";

    /// <summary>The size of /tmp: the function's ephemeral storage.</summary>
    internal long TmpLimitBytes => (long)Function.Options.EphemeralStorageSize * 1024 * 1024;

    /// <summary>The environment variables of this environment: the ones Lambda defines (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, …), then the function's.</summary>
    internal Dictionary<string, string> Variables { get; set; } = [];

    /// <summary>
    /// The environment variables the function's code sees here (what it received: Lambda's own, then the function's
    /// configuration, with any change its code made): for checks that judge what a function was given.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => Variables;

    /// <summary>The modelled clock of the phase in progress (one object for the environment's life).</summary>
    internal InvocationScope Scope { get; set; } = null!;

    /// <summary>The environment's logger and context (reused by every invocation, as on AWS).</summary>
    internal SandboxLambdaLogger Logger { get; set; } = null!;

    internal SandboxLambdaContext Context { get; set; } = null!;

    /// <summary>Where this environment's handler continuations run (on the virtual clock).</summary>
    internal HandlerSynchronizationContext Continuations { get; set; } = null!;

    internal bool InitTimedOut { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({State}, {InvocationCount} invocations)";
}
