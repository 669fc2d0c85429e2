using System.Text.Json.Nodes;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Tests.Templates.Transform;

/// <summary>Translates a SAM template given as text and returns the output's Resources as JSON.</summary>
internal static class Sam
{
    public static JsonObject Resources(string yaml, IReadOnlyDictionary<string, string>? overrides = null) =>
        (JsonObject)Translate(yaml, overrides)["Resources"]!;

    public static JsonObject Translate(string yaml, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var template = TemplateLoader.Parse("Transform: AWS::Serverless-2016-10-31\n" + yaml, "template.yaml", overrides, new PseudoParameters { Region = "us-east-1" });
        return (JsonObject)JsonNode.Parse(TemplateWriter.ToJson(SamTransform.Translate(template)))!;
    }

    public static SamTransformException Fails(string yaml) =>
        Assert.Throws<SamTransformException>(() => Translate(yaml));

    public static void Same(string expectedJson, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual), $"expected {expectedJson}\nactual {actual?.ToJsonString()}");
}
