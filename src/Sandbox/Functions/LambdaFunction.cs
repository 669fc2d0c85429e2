using Course.Sandbox.Environments;
using Course.Sandbox.Hosting;

namespace Course.Sandbox.Functions;

/// <summary>A deployed function: its frozen configuration, its code, and its execution environments.</summary>
public sealed class LambdaFunction
{
    private readonly List<ExecutionEnvironment> _environments = [];
    private readonly Stack<ExecutionEnvironment> _idle = new();
    private readonly Stack<ExecutionEnvironment> _idleProvisioned = new();

    internal LambdaFunction(FunctionOptions options, HandlerFactory handler, string region, string account)
    {
        Options = options;
        Handler = handler;
        Name = options.FunctionName;
        Arn = $"arn:aws:lambda:{region}:{account}:function:{Name}";
        LogGroupName = $"/aws/lambda/{Name}";
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The function ARN.</summary>
    public string Arn { get; }

    /// <summary>The CloudWatch log group.</summary>
    public string LogGroupName { get; }

    /// <summary>The configuration it was deployed with (a private copy; changing the original has no effect).</summary>
    public FunctionOptions Options { get; }

    /// <summary>Where its code comes from.</summary>
    public HandlerFactory Handler { get; }

    /// <summary>Every environment it has had, in creation order (including shut-down ones).</summary>
    public IReadOnlyList<ExecutionEnvironment> Environments => _environments;

    /// <summary>Environments initialising or running an invocation: the function's current concurrency.</summary>
    public int ConcurrentExecutions { get; internal set; }

    /// <summary>The highest concurrency seen.</summary>
    public int PeakConcurrentExecutions { get; internal set; }

    internal double ScalingTokens { get; set; } = Limits.ScalingEnvironmentsPerWindow;

    internal DateTimeOffset ScalingRefilledAt { get; set; }

    internal void Add(ExecutionEnvironment environment) => _environments.Add(environment);

    internal void Release(ExecutionEnvironment environment) =>
        (environment.IsProvisioned ? _idleProvisioned : _idle).Push(environment);

    internal ExecutionEnvironment? TakeIdle()
    {
        while (_idleProvisioned.TryPop(out var p))
        {
            if (p.State == EnvironmentState.Idle)
            {
                return p;
            }
        }
        while (_idle.TryPop(out var e))
        {
            if (e.State == EnvironmentState.Idle)
            {
                return e;
            }
        }
        return null;
    }
}
