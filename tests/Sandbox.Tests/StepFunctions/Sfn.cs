using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions;

/// <summary>Runs state machines in a fresh simulation for the Step Functions tests.</summary>
internal static class Sfn
{
    public static Execution Run(string definition, string input = "{}", Simulation? sim = null, WorkflowType type = WorkflowType.Standard)
    {
        sim ??= TestHandlers.Sim();
        var machine = sim.StepFunctions.CreateStateMachine("m" + sim.StepFunctions.StateMachines.Count, definition, type);
        var execution = sim.StepFunctions.StartExecution(machine.Arn, input);
        sim.RunUntilComplete(execution.Completion);
        Assert.True(execution.Completion.IsCompleted, "the execution did not finish: the simulation's queue emptied first");
        return execution;
    }

    public static JsonNode? Output(Execution e)
    {
        Assert.True(e.Status == ExecutionStatus.Succeeded, $"{e.Status}: {e.Error}: {e.Cause}");
        return JsonNode.Parse(e.Output!);
    }

    public static JsonNode? RunOutput(string definition, string input = "{}") => Output(Run(definition, input));

    /// <summary>A one-state Pass machine with the given fields.</summary>
    public static string Pass(string fields) => "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\"," + fields + ",\"End\":true}}}";

    public static string[] Types(Execution e) => e.History.Select(h => h.Type).ToArray();

    public static void JsonEqual(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\n  actual {actual?.ToJsonString() ?? "null"}");
}
