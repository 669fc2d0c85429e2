using BenchmarkDotNet.Attributes;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.StepFunctions;

namespace Benchmarks;

/// <summary>
/// One Standard execution of an inline Map over 1,000 items whose iteration is a no-op Lambda task (function ARN),
/// through the whole engine: state machine interpreter, history (7,006 events), Lambda invocations with
/// cold starts up to the Map's 40 concurrent iterations, and the trace.
/// </summary>
[MemoryDiagnoser]
public class StepFunctionsMapBenchmark
{
    private const string Definition = """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
          "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:noop","End":true}}},"End":true}}}
        """;

    private static readonly string Input = "{\"items\":[" + string.Join(",", Enumerable.Range(0, 1_000)) + "]}";

    private Simulation _sim = null!;

    /// <summary>What the simulation records.</summary>
    [Params(RecordingLevel.Full, RecordingLevel.Summary)]
    public RecordingLevel Recording { get; set; }

    /// <summary>A fresh simulation with the function deployed and the state machine created.</summary>
    [IterationSetup]
    public void Setup()
    {
        _sim = new Simulation(new SimulationOptions { ApplyEnvironmentVariables = false, Recording = Recording });
        _sim.Lambda.Deploy(new FunctionOptions { FunctionName = "noop" }, HandlerFactory.FromType(typeof(InvocationBenchmark.NoOp), nameof(InvocationBenchmark.NoOp.Handle)));
        _sim.StepFunctions.CreateStateMachine("map", Definition);
    }

    /// <summary>Runs the 1,000-item Map to its end.</summary>
    [Benchmark]
    public int Map1000()
    {
        var execution = _sim.StepFunctions.StartExecution("map", Input);
        _sim.RunUntilComplete(execution.Completion);
        if (execution.Status != Course.Sandbox.StepFunctions.Executions.ExecutionStatus.Succeeded)
        {
            throw new InvalidOperationException($"{execution.Error}: {execution.Cause}");
        }
        return execution.History.Count;
    }
}
