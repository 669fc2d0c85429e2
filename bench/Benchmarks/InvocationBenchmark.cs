using BenchmarkDotNet.Attributes;
using Course.Lambda.Core;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Benchmarks;

/// <summary>
/// Simulated invocations per second for a no-op handler (warm, synchronous, through the whole engine: scheduling,
/// environment pool, context, logs, trace, records), beside calling the same handler directly.
/// </summary>
/// <remarks>
/// Measured 2026-11-27 with <c>--job short</c> on a 2-core machine heavily loaded by other builds (so times are noisy;
/// bytes are exact): Recording=Summary 1,411 ns (best iteration 1,113 ns) and 546 B per invocation;
/// Recording=Full 10,383 ns and 1,139 B per invocation. Before the invocation path was reworked, on the same machine:
/// Summary 12,183 ns and 1,186 B, Full 22,604 ns and 1,867 B. What a warm Summary invocation still allocates: the
/// request id, the <c>InvocationRecord</c> kept in <c>sim.Lambda.Invocations</c>, the <c>InvocationResult</c>
/// returned, and the handler's input <c>MemoryStream</c> and its bytes. Full mode also keeps the START/END/REPORT
/// log entries and two trace entries per invocation, and most of its time is the garbage collector promoting
/// everything it keeps.
/// </remarks>
[MemoryDiagnoser]
public class InvocationBenchmark
{
    private const int Batch = 10_000;
    private Simulation _sim = null!;
    private readonly NoOp _direct = new();
    private readonly NoOpContext _context = new();

    /// <summary>What the simulation records: every log line and trace entry, or only what is not routine.</summary>
    [Params(RecordingLevel.Full, RecordingLevel.Summary)]
    public RecordingLevel Recording { get; set; }

    /// <summary>A fresh simulation with the function deployed and warmed by one invocation.</summary>
    [IterationSetup]
    public void Setup()
    {
        _sim = new Simulation(new SimulationOptions { ApplyEnvironmentVariables = false, Recording = Recording });
        _sim.Lambda.Deploy(new FunctionOptions { FunctionName = "noop" }, HandlerFactory.FromType(typeof(NoOp), nameof(NoOp.Handle)));
        _sim.Lambda.Invoke("noop", "{}");
    }

    /// <summary>10,000 sequential simulated invocations (each runs the clock to its end, so one warm environment serves all).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void Simulated()
    {
        for (var i = 0; i < Batch; i++)
        {
            _sim.Lambda.Invoke("noop", "{}");
        }
    }

    /// <summary>10,000 direct calls of the same handler with a JSON round trip, for scale.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public long Direct()
    {
        long n = 0;
        for (var i = 0; i < Batch; i++)
        {
            n += _direct.Handle(System.IO.Stream.Null, _context).Length;
        }
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
