using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Tests.Templates.Yaml;

public sealed class TemplateReaderTests
{
    [Theory]
    [InlineData("!Ref Table", """{"Ref":"Table"}""")]
    [InlineData("!GetAtt Fn.Arn", """{"Fn::GetAtt":["Fn","Arn"]}""")]
    [InlineData("!GetAtt [Fn, Arn]", """{"Fn::GetAtt":["Fn","Arn"]}""")]
    [InlineData("!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'", """{"Fn::Sub":"arn:${AWS::Partition}:s3:::${Bucket}/*"}""")]
    [InlineData("!Join [',', [a, b]]", """{"Fn::Join":[",",["a","b"]]}""")]
    [InlineData("!If [IsProd, 1024, 128]", """{"Fn::If":["IsProd",1024,128]}""")]
    [InlineData("!Select [0, !GetAZs '']", """{"Fn::Select":[0,{"Fn::GetAZs":""}]}""")]
    [InlineData("!Split [',', 'a,b']", """{"Fn::Split":[",","a,b"]}""")]
    [InlineData("!FindInMap [M, k1, k2]", """{"Fn::FindInMap":["M","k1","k2"]}""")]
    [InlineData("!Equals [!Ref Stage, prod]", """{"Fn::Equals":[{"Ref":"Stage"},"prod"]}""")]
    [InlineData("!Not [!Condition IsProd]", """{"Fn::Not":[{"Condition":"IsProd"}]}""")]
    [InlineData("!And [!Condition A, !Or [!Condition B, !Condition C]]", """{"Fn::And":[{"Condition":"A"},{"Fn::Or":[{"Condition":"B"},{"Condition":"C"}]}]}""")]
    public void ShortFormTags_AreReadAsTheirLongForm(string yaml, string json)
    {
        var node = TemplateReader.Read("v: " + yaml, "t.yaml");
        Transform.Sam.Same(json, System.Text.Json.Nodes.JsonNode.Parse(TemplateWriter.ToJson(((MappingNode)node)["v"]!)));
    }

    [Fact]
    public void EveryNode_KeepsItsLineAndColumn()
    {
        var root = (MappingNode)TemplateReader.Read("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      MemorySize: 128\n", "t.yaml");
        var props = (MappingNode)((MappingNode)((MappingNode)root["Resources"]!)["Fn"]!)["Properties"]!;
        Assert.Equal(new SourceMark("t.yaml", 5, 19), props["MemorySize"]!.Mark);
        Assert.Equal(new SourceMark("t.yaml", 5, 7), props.KeyNode("MemorySize")!.Mark);
        Assert.Equal(ScalarKind.Integer, ((ScalarNode)props["MemorySize"]!).Kind);
    }

    [Theory]
    [InlineData("a: [1, 2\n", 2, "not valid YAML")]
    [InlineData("Resources:\n  F:\n    Properties:\n      Runtime: [dotnet8\n      Handler: A::B.C::D\n      CodeUri: .\n", 4, "not valid YAML")]
    [InlineData("a: !Reff X\n", 1, "unknown tag '!Reff'")]
    [InlineData("a: 1\na: 2\n", 2, "the key 'a' appears twice")]
    [InlineData("a: !GetAtt NoDot\n", 1, "!GetAtt 'NoDot' needs the form LogicalId.Attribute")]
    public void BadYaml_NamesFileLineAndColumnAndAFix(string yaml, int line, string problem)
    {
        var e = Assert.Throws<TemplateException>(() => TemplateReader.Read(yaml, "t.yaml"));
        Assert.Equal(line, e.Mark.Line);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"t.yaml:{line}:", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Fix);
    }

    [Fact]
    public void YamlWriter_RoundTrips()
    {
        var node = TemplateReader.Read("""
            a: [1, "two", true, null, { b: [ { c: "x: y" }, [] ], d: {} }]
            e: "yes"
            f: "123"
            g: ''
            """, "t.yaml");
        var again = TemplateReader.Read(TemplateWriter.ToYaml(node), "out.yaml");
        Assert.True(node.DataEquals(again), TemplateWriter.ToYaml(node));
    }

    [Fact]
    public void CanonicalJson_IsPythonsSortedCompactAsciiDump()
    {
        var node = TemplateReader.Read("b: 1\na: [\"é\", true, null]\n", "t.yaml");
        Assert.Equal("""{"a":["\u00e9",true,null],"b":1}""", CanonicalJson.Dumps(node));
    }
}
