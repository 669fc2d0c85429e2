using Course.Sandbox.Functions;

namespace Course.Sandbox.Environments;

/// <summary>
/// How long INIT takes before the learner's own code runs: a model, not a measurement (ENV_08). Runtime start
/// figures follow the course's sources (.NET managed ~230 ms and Native AOT ~130 ms for a trivial function;
/// Python/Node ~200 ms with the SDK; Java 1–4 s, SnapStart restores under 200 ms); each MB of deployment
/// package adds <see cref="PerPackageMB"/>. The learner's INIT code adds its own modelled time (service calls,
/// declared work) on top.
/// </summary>
public sealed record ColdStartModel
{
    /// <summary>The course's default model.</summary>
    public static ColdStartModel Default { get; } = new();

    /// <summary>Runtime start per runtime identifier.</summary>
    public IReadOnlyDictionary<string, TimeSpan> RuntimeStart { get; init; } = new Dictionary<string, TimeSpan>
    {
        [LambdaRuntime.DotNet8] = TimeSpan.FromMilliseconds(230),
        [LambdaRuntime.DotNet10] = TimeSpan.FromMilliseconds(220),
        [LambdaRuntime.ProvidedAl2023] = TimeSpan.FromMilliseconds(130),
        [LambdaRuntime.Python312] = TimeSpan.FromMilliseconds(200),
        [LambdaRuntime.Python313] = TimeSpan.FromMilliseconds(200),
        [LambdaRuntime.NodeJs22] = TimeSpan.FromMilliseconds(200),
        [LambdaRuntime.Java21] = TimeSpan.FromMilliseconds(2000),
    };

    /// <summary>Added per MB of zipped package. <value>The default is 5 ms.</value></summary>
    public TimeSpan PerPackageMB { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>A SnapStart restore, replacing INIT. <value>The default is 150 ms.</value></summary>
    public TimeSpan SnapStartRestore { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Constructing an AWS SDK client and opening its first connection (credentials, endpoint resolution, TLS):
    /// paid in the phase that constructs the client. The seed guide puts the saving of reusing clients at 50–200 ms
    /// per warm call; the model takes the low end. <value>The default is 50 ms.</value>
    /// </summary>
    public TimeSpan SdkClientSetup { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Fixed runtime overhead of each invocation (event dispatch, serialisation). <value>The default is 0.5 ms.</value></summary>
    public TimeSpan InvokeOverhead { get; init; } = TimeSpan.FromMilliseconds(0.5);

    /// <summary>Baseline memory in use by each runtime, MB (for the REPORT line's Max Memory Used, an approximation).</summary>
    public IReadOnlyDictionary<string, int> RuntimeMemoryMB { get; init; } = new Dictionary<string, int>
    {
        [LambdaRuntime.DotNet8] = 62,
        [LambdaRuntime.DotNet10] = 60,
        [LambdaRuntime.ProvidedAl2023] = 24,
        [LambdaRuntime.Python312] = 38,
        [LambdaRuntime.Python313] = 38,
        [LambdaRuntime.NodeJs22] = 66,
        [LambdaRuntime.Java21] = 92,
    };

    /// <summary>The platform part of INIT for <paramref name="options"/> (before the learner's code).</summary>
    public TimeSpan PlatformInit(FunctionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SnapStart)
        {
            return SnapStartRestore;
        }
        var start = RuntimeStart.TryGetValue(options.Runtime, out var s) ? s : TimeSpan.FromMilliseconds(200);
        return start + PerPackageMB * options.PackageSizeMB;
    }
}
