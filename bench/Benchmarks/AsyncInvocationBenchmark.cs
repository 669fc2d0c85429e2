using BenchmarkDotNet.Attributes;
using Course.Lambda.Core;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Benchmarks;

/// <summary>
/// Warm invocations of asynchronous handlers under the coroutine model (TIME_03): one that completes without
/// awaiting, and one that yields once to the virtual clock (its continuation is queued and resumed by the engine).
/// Compare with <see cref="InvocationBenchmark"/>'s synchronous no-op.
/// </summary>
[MemoryDiagnoser]
public class AsyncInvocationBenchmark
{
    private const int Batch = 10_000;
    private Simulation _sim = null!;

    /// <summary>Which handler runs.</summary>
    [Params("completed", "yields")]
    public string Handler { get; set; } = "completed";

    /// <summary>A fresh simulation with the function deployed and warmed by one invocation.</summary>
    [IterationSetup]
    public void Setup()
    {
        _sim = new Simulation(new SimulationOptions { ApplyEnvironmentVariables = false, Recording = RecordingLevel.Summary });
        _sim.Lambda.Deploy(new FunctionOptions { FunctionName = "noop" },
            HandlerFactory.FromType(typeof(AsyncNoOp), Handler == "yields" ? nameof(AsyncNoOp.Yields) : nameof(AsyncNoOp.Completed)));
        _sim.Lambda.Invoke("noop", "{}");
    }

    /// <summary>10,000 sequential simulated invocations.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void Simulated()
    {
        for (var i = 0; i < Batch; i++)
        {
            _sim.Lambda.Invoke("noop", "{}");
        }
    }

    /// <summary>Asynchronous no-op handlers.</summary>
    public sealed class AsyncNoOp
    {
        /// <summary>Returns a completed task.</summary>
        public Task<Stream> Completed(Stream input, ILambdaContext context) => Task.FromResult(Stream.Null);

        /// <summary>Yields once (to the engine's queue) before returning.</summary>
        public async Task<Stream> Yields(Stream input, ILambdaContext context)
        {
            await Task.Yield();
            return Stream.Null;
        }
    }
}
