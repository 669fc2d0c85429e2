using Course.Lambda.Core;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Lessons.Display;

/// <summary>
/// Executions drawn from the engine when the site is built, for lesson 10: the lesson's document pipeline (Extract →
/// a Map over six chunks with MaxConcurrency 3 and a Retry on the model's throttling → Store), with the same functions,
/// definition and seed as the lesson's run, so the page's picture and the notebook's output are one execution. Placed
/// with the lesson chart directive: <c>:::chart sfn-document-pipeline</c>.
/// </summary>
public static class ExecutionCharts
{
    /// <summary>The lesson's state machine definition (Amazon States Language, JSONPath).</summary>
    public const string DocumentPipelineDefinition = """
        {
          "Comment": "Lesson 06's document pipeline, orchestrated",
          "StartAt": "Extract",
          "States": {
            "Extract": {
              "Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Extract",
              "Next": "Summarize chunks"
            },
            "Summarize chunks": {
              "Type": "Map",
              "ItemsPath": "$.chunks",
              "MaxConcurrency": 3,
              "ItemSelector": { "document.$": "$.document", "index.$": "$$.Map.Item.Index", "text.$": "$$.Map.Item.Value" },
              "ItemProcessor": {
                "StartAt": "Summarize",
                "States": {
                  "Summarize": {
                    "Type": "Task",
                    "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": { "FunctionName": "Summarize", "Payload.$": "$" },
                    "OutputPath": "$.Payload",
                    "Retry": [ { "ErrorEquals": ["ModelThrottledException"], "IntervalSeconds": 1, "BackoffRate": 2, "MaxAttempts": 3 } ],
                    "End": true
                  }
                }
              },
              "ResultPath": "$.summaries",
              "Next": "Store"
            },
            "Store": {
              "Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Store",
              "End": true
            }
          }
        }
        """;

    private static readonly Lazy<string> DocumentPipelineSvg = new(() => ExecutionChart.Svg(DocumentPipelineRun(WorkflowType.Standard)));

    /// <summary>
    /// The pipeline's execution as SVG (states as rows, virtual time across, retries and Map iterations visible), drawn
    /// once per process: the run is deterministic, and a site build asks for it from every view.
    /// </summary>
    /// <returns>The SVG markup.</returns>
    public static string DocumentPipeline() => DocumentPipelineSvg.Value;

    /// <summary>
    /// Runs the lesson's pipeline in a fresh simulation (seed 10) and returns the execution: Extract returns six chunks,
    /// Summarize takes 300 ms of simulated work per chunk and is throttled on the first attempt of chunks 3 and 4
    /// (the model's throttling, as lesson 06 met it), Store takes 50 ms.
    /// </summary>
    /// <param name="type">Standard or Express.</param>
    /// <returns>The finished execution.</returns>
    public static Execution DocumentPipelineRun(WorkflowType type)
    {
        var sim = new Simulation(new SimulationOptions { Seed = 10 });
        DeployPipelineFunctions(sim);
        var machine = sim.StepFunctions.CreateStateMachine("document-pipeline", DocumentPipelineDefinition, type);
        var execution = sim.StepFunctions.StartExecution(machine.Arn, """{"bucket":"documents","key":"reports/q3.txt"}""");
        sim.RunUntilComplete(execution.Completion);
        return execution;
    }

    /// <summary>Deploys the pipeline's three functions (Extract, Summarize, Store) into <paramref name="sim"/>, as the lesson does.</summary>
    internal static void DeployPipelineFunctions(Simulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "Extract", MemorySize = 512 },
            HandlerFactory.FromDelegate((Dictionary<string, string> e, ILambdaContext c) =>
            {
                SimulatedWork.Spend(120);
                return new { document = e["key"], chunks = Enumerable.Range(1, 6).Select(i => $"part {i} of {e["key"]}").ToArray() };
            }));
        var throttled = new HashSet<int>();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "Summarize", MemorySize = 1024 },
            HandlerFactory.FromDelegate((Chunk chunk, ILambdaContext c) =>
            {
                SimulatedWork.Spend(300);
                if (chunk.Index is 3 or 4 && throttled.Add(chunk.Index))
                {
                    throw new ModelThrottledException($"chunk {chunk.Index}: too many requests");
                }
                return $"summary of {chunk.Text}";
            }));
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "Store", MemorySize = 512 },
            HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) =>
            {
                SimulatedWork.Spend(50);
                return new { stored = e["document"].ToString(), parts = ((System.Text.Json.JsonElement)e["summaries"]).GetArrayLength() };
            }));
    }

    /// <summary>One Map item, as the ItemSelector builds it.</summary>
    private sealed record Chunk(string Document, int Index, string Text);

    /// <summary>The model's throttling, as the Summarize function reports it (the Task's error name is the type's name).</summary>
    private sealed class ModelThrottledException(string message) : Exception(message);
}
