using BenchmarkDotNet.Attributes;
using Course.Lambda.Core;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;

namespace Benchmarks;

/// <summary>
/// Simulated invocations per second for a no-op handler (warm, synchronous, through the whole engine: scheduling,
/// environment pool, context, logs, trace, records), beside calling the same handler directly.
/// </summary>
[MemoryDiagnoser]
public class InvocationBenchmark
{
    private const int Batch = 10_000;
    private Simulation _sim = null!;
    private readonly NoOp _direct = new();
    private readonly NoOpContext _context = new();

    [IterationSetup]
    public void Setup()
    {
        _sim = new Simulation(new SimulationOptions { ApplyEnvironmentVariables = false });
        _sim.Lambda.Deploy(new FunctionOptions { FunctionName = "noop" }, HandlerFactory.FromType(typeof(NoOp), nameof(NoOp.Handle)));
        _sim.Lambda.Invoke("noop", "{}");
    }

    /// <summary>10,000 sequential simulated invocations (each runs the clock to its end, so one warm environment serves all).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void Simulated()
    {
        for (var i = 0; i < Batch; i++) _sim.Lambda.Invoke("noop", "{}");
    }

    /// <summary>10,000 direct calls of the same handler with a JSON round trip, for scale.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public long Direct()
    {
        long n = 0;
        for (var i = 0; i < Batch; i++) n += _direct.Handle(System.IO.Stream.Null, _context).Length;
        return n;
    }

    /// <summary>A handler that does nothing.</summary>
    public sealed class NoOp
    {
        /// <summary>Returns an empty stream.</summary>
        public Stream Handle(Stream input, ILambdaContext context) => Stream.Null;
    }

    private sealed class NoOpContext : ILambdaContext
    {
        public string AwsRequestId => "x";
        public IClientContext? ClientContext => null;
        public string FunctionName => "noop";
        public string FunctionVersion => "$LATEST";
        public ICognitoIdentity? Identity => null;
        public string InvokedFunctionArn => "arn";
        public ILambdaLogger Logger => null!;
        public string LogGroupName => "g";
        public string LogStreamName => "s";
        public int MemoryLimitInMB => 128;
        public TimeSpan RemainingTime => TimeSpan.FromSeconds(3);
    }
}
