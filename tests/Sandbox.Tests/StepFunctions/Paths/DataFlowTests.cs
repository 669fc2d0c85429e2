using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Intrinsics;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.Tests.StepFunctions.Paths;

public class DataFlowTests
{
    private static readonly IntrinsicContext Intrinsics = new(new Random(1));

    [Fact]
    public void SFN_02_InputPath_AwsExample_SelectsDataset2()
    {
        var input = JsonNode.Parse("""{"comment":"Example for InputPath.","dataset1":{"val1":1,"val2":2,"val3":3},"dataset2":{"val1":"a","val2":"b","val3":"c"}}""");
        Sfn.JsonEqual("""{"val1":"a","val2":"b","val3":"c"}""", DataFlow.ApplyInputPath(new OptionalPath("$.dataset2"), new PathScope(input, null)));
    }

    [Fact]
    public void SFN_02_Parameters_AwsExample_SelectsWithDotDollarKeys()
    {
        var input = JsonNode.Parse("""{"comment":"Example for Parameters.","product":{"details":{"color":"blue","size":"small","material":"cotton"},"availability":"in stock","sku":"2317","cost":"$23"}}""");
        var template = JsonNode.Parse("""{"comment":"Selecting what I care about.","MyDetails":{"size.$":"$.product.details.size","exists.$":"$.product.availability","StaticValue":"foo"}}""");
        Sfn.JsonEqual("""{"comment":"Selecting what I care about.","MyDetails":{"size":"small","exists":"in stock","StaticValue":"foo"}}""",
            DataFlow.ApplyTemplate(template, new PathScope(input, null), Intrinsics));
    }

    [Fact]
    public void SFN_02_ResultPath_AwsExample_AddsTheSum()
    {
        var input = JsonNode.Parse("""{"title":"Numbers to add","numbers":{"val1":3,"val2":4}}""");
        var output = DataFlow.ApplyResultPath(new OptionalPath("$.sum"), input, JsonValue.Create(7));
        Sfn.JsonEqual("""{"title":"Numbers to add","numbers":{"val1":3,"val2":4},"sum":7}""", output);
        Sfn.JsonEqual("7", DataFlow.ApplyOutputPath(new OptionalPath("$.sum"), output));
    }

    [Fact]
    public void SFN_02_NullPaths_InputAndOutputGiveEmptyObject_ResultKeepsInput()
    {
        var input = JsonNode.Parse("""{"a":1}""");
        Sfn.JsonEqual("{}", DataFlow.ApplyInputPath(new OptionalPath(null), new PathScope(input, null)));
        Sfn.JsonEqual("{}", DataFlow.ApplyOutputPath(new OptionalPath(null), input));
        Sfn.JsonEqual("""{"a":1}""", DataFlow.ApplyResultPath(new OptionalPath(null), input, JsonValue.Create(5)));
    }

    [Fact]
    public void SFN_02_ResultPath_CreatesMissingObjects_AndOverwritesExisting()
    {
        var input = JsonNode.Parse("""{"a":{"keep":1,"b":"old"}}""");
        Sfn.JsonEqual("""{"a":{"keep":1,"b":{"c":2}}}""", DataFlow.ApplyResultPath(new OptionalPath("$.a.b"), input, JsonNode.Parse("""{"c":2}""")));
        Sfn.JsonEqual("""{"a":{"keep":1,"b":"old"},"x":{"y":true}}""", DataFlow.ApplyResultPath(new OptionalPath("$.x.y"), input, JsonValue.Create(true)));
    }

    [Fact]
    public void SFN_07_ResultPath_IntoAString_IsResultPathMatchFailure()
    {
        var e = Assert.Throws<StatesException>(() => DataFlow.ApplyResultPath(new OptionalPath("$.a.b"), JsonNode.Parse("""{"a":"text"}"""), JsonValue.Create(1)));
        Assert.Equal(StatesErrors.ResultPathMatchFailure, e.Error);
    }

    [Fact]
    public void SFN_02_ParametersPathMissing_IsRuntimeErrorWithAwsCause()
    {
        var e = Assert.Throws<StatesException>(() => DataFlow.ApplyTemplate(JsonNode.Parse("""{"address.$":"$.application.address"}"""),
            new PathScope(JsonNode.Parse("""{"flagged":false}"""), null), Intrinsics));
        Assert.Equal(StatesErrors.Runtime, e.Error);
        Assert.Equal("""The JSONPath '$.application.address' specified for the field 'address.$' could not be found in the input '{"flagged":false}'""", e.Cause);
    }

    [Fact]
    public void SFN_02_InputPathMissing_IsRuntimeErrorWithAwsCause()
    {
        var e = Assert.Throws<StatesException>(() => DataFlow.ApplyInputPath(new OptionalPath("$.foo"), new PathScope(JsonNode.Parse("{}"), null)));
        Assert.Equal("Invalid path '$.foo' : No results for path: $['foo']", e.Cause);
    }

    [Fact]
    public void SFN_02_ContextObject_IsReadWithDoubleDollar()
    {
        var ctx = JsonNode.Parse("""{"Execution":{"Id":"arn:x"},"Map":{"Item":{"Index":3}}}""");
        Sfn.JsonEqual("""{"id":"arn:x","i":3}""", DataFlow.ApplyTemplate(JsonNode.Parse("""{"id.$":"$$.Execution.Id","i.$":"$$.Map.Item.Index"}"""),
            new PathScope(new JsonObject(), ctx), Intrinsics));
    }
}
