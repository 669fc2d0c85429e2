using System.Text.Json.Nodes;
using Course.Cli.Commands.States;

namespace Course.Cli.Tests.Commands.States;

public sealed class StatesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("states-tests").FullName;

    private const string Handler = """
        using Course.Lambda.Core;

        namespace Demo;

        public class Function
        {
            public Dictionary<string, int> FunctionHandler(Dictionary<string, int> input, ILambdaContext context) =>
                input["n"] < 0 ? throw new ArgumentException("negative") : new() { ["n"] = input["n"] * 2 };
        }
        """;

    private const string Machine = """
        {
          "StartAt": "Double",
          "States": {
            "Double": {
              "Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Double",
              "Next": "Done"
            },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Exit, string Out, string Err) Run(string definition, string? input = null, string format = "json", params string[] functions)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = StatesCommand.Run(new StatesCommand.RunSettings(definition, input, functions, 1, "standard", format), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void SFN_13_Run_DistributedMap_JsonHasTheParentsEventsAndTheTextBillsTheChildren()
    {
        const string map = """
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"ItemProcessor":{
              "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
              "StartAt":"Double","States":{"Double":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Double","End":true}}},"End":true}}}
            """;
        var definition = Write("dmap.json", map);
        var input = Write("items.json", """[{"n":1},{"n":2},{"n":3}]""");
        var function = $"Double={Write("Double.cs", Handler)}";

        var (exit, output, err) = Run(definition, input, "json", function);
        var (textExit, text, _) = Run(definition, input, "text", function);

        Assert.True(exit == 0, err);
        var doc = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("[{\"n\":2},{\"n\":4},{\"n\":6}]", doc["output"]!.ToJsonString());
        Assert.Equal(["ExecutionStarted", "MapStateEntered", "MapRunStarted", "MapRunSucceeded", "MapStateExited", "ExecutionSucceeded"],
            doc["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(0, textExit);
        Assert.Contains("Distributed Map child executions: 3 (0 Standard with 0 state transitions, 3 Express", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Json_PrintsOneObjectWithStatusOutputAndHistory()
    {
        var (exit, output, err) = Run(Write("m.json", Machine), Write("in.json", """{"n":21}"""), "json", $"Double={Write("Double.cs", Handler)}");
        Assert.True(exit == 0, err);
        var doc = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["status", "output", "error", "cause", "events"], doc.Select(p => p.Key));
        Assert.Equal("SUCCEEDED", doc["status"]!.GetValue<string>());
        Assert.Equal(42, doc["output"]!["n"]!.GetValue<int>());
        Assert.Null(doc["error"]);
        var types = doc["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"], types);
        var first = doc["events"]![0]!.AsObject();
        Assert.Equal(["timestamp", "type", "id", "previousEventId", "executionStartedEventDetails"], first.Select(p => p.Key));
    }

    [Fact]
    public void Run_FailedExecution_ExitsZeroWithErrorAndCause()
    {
        var (exit, output, _) = Run(Write("m.json", Machine), Write("in.json", """{"n":-1}"""), "json", $"Double={Write("Double.cs", Handler)}");
        Assert.Equal(0, exit);
        var doc = JsonNode.Parse(output)!;
        Assert.Equal("FAILED", doc["status"]!.GetValue<string>());
        Assert.Equal("ArgumentException", doc["error"]!.GetValue<string>());
        Assert.Contains("negative", doc["cause"]!.GetValue<string>());
        Assert.Null(doc["output"]);
    }

    [Fact]
    public void Run_Text_ShowsHistoryTimelineAndCost()
    {
        var (exit, output, _) = Run(Write("m.json", Machine), Write("in.json", """{"n":1}"""), "text", $"Double={Write("Double.cs", Handler)}");
        Assert.Equal(0, exit);
        Assert.Contains("SUCCEEDED", output);
        Assert.Contains("LambdaFunctionSucceeded", output);
        Assert.Contains("Timeline (virtual time)", output);
        Assert.Contains("2 state transitions", output);
        Assert.Contains("Lambda cost: 1 invocations, 1 cold starts", output);
    }

    [Fact]
    public void Run_InvalidDefinition_ExitsTwoWithFileLineColumnAndAwsDiagnostic()
    {
        var file = Write("bad.json", "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": { \"Type\": \"Pass\", \"Next\": \"Nowhere\" },\n    \"B\": { \"Type\": \"Succeed\" }\n  }\n}\n");
        var (exit, output, err) = Run(file);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"{file}:4:28: MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere (at /States/A/Next)", err);
        Assert.Contains($"{file}:5:5: MISSING_TRANSITION_TARGET: State \"B\" is not reachable. (at /States/B)", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void Run_HandlerThatDoesNotCompile_ExitsTwo()
    {
        var (exit, _, err) = Run(Write("m.json", Machine), null, "json", $"Double={Write("Double.cs", "public class X { int }")}");
        Assert.Equal(2, exit);
        Assert.Contains("does not compile", err);
    }

    [Fact]
    public void Run_BadFunctionSpec_AndMissingFile_ExitTwo()
    {
        Assert.Equal(2, Run(Write("m.json", Machine), null, "json", "Double").Exit);
        Assert.Equal(2, Run(Path.Combine(_dir, "missing.json")).Exit);
        Assert.Equal(2, Run(Write("m.json", Machine), Write("in.json", "{ nope")).Exit);
    }

    [Fact]
    public void Validate_ValidAndInvalid()
    {
        var ok = new StringWriter();
        Assert.Equal(0, StatesCommand.Validate(Write("ok.json", Machine), ok, new StringWriter()));
        Assert.Contains("valid", ok.ToString());
        var err = new StringWriter();
        Assert.Equal(2, StatesCommand.Validate(Write("no.json", """{"States":{"A":{"Type":"Succeed"}}}"""), new StringWriter(), err));
        Assert.Contains(":1:1: SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt]", err.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
