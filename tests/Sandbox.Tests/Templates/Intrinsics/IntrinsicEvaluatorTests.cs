using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Intrinsics;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Tests.Templates.Intrinsics;

public sealed class IntrinsicEvaluatorTests
{
    private const string Template = """
        Parameters:
          Stage:
            Type: String
            Default: dev
          Sizes:
            Type: CommaDelimitedList
            Default: "128,256"
        Mappings:
          Memory:
            dev: { size: 128 }
            prod: { size: 1024 }
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          NotProd: !Not [!Condition IsProd]
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
        """;

    private sealed class Values : IResourceValues
    {
        public string? Ref(string logicalId) => logicalId == "Bucket" ? "my-bucket" : null;

        public string? GetAtt(string logicalId, string attribute) => attribute == "Arn" ? "arn:aws:s3:::my-bucket" : null;
    }

    private static string Eval(string expression, string stage = "dev")
    {
        var t = TemplateLoader.Parse(Template, "t.yaml", new Dictionary<string, string> { ["Stage"] = stage }, new PseudoParameters { Region = "eu-west-1" });
        var node = ((MappingNode)TemplateReader.Read("v: " + expression, "e.yaml"))["v"]!;
        var value = new IntrinsicEvaluator(t, new Values()).Evaluate(node);
        return value is ScalarNode s ? s.Value : CanonicalJson.Dumps(value);
    }

    [Theory]
    [InlineData("!Ref Stage", "dev")]
    [InlineData("!Ref AWS::Region", "eu-west-1")]
    [InlineData("!Ref AWS::AccountId", "123456789012")]
    [InlineData("!Ref AWS::Partition", "aws")]
    [InlineData("!Ref Bucket", "my-bucket")]
    [InlineData("!GetAtt Bucket.Arn", "arn:aws:s3:::my-bucket")]
    [InlineData("!Sub '${Bucket}-${Stage}-${AWS::Region}'", "my-bucket-dev-eu-west-1")]
    [InlineData("!Sub ['${A}/${Bucket.Arn}', { A: x }]", "x/arn:aws:s3:::my-bucket")]
    [InlineData("!Sub 'literal ${!NotAVar}'", "literal ${NotAVar}")]
    [InlineData("!Join ['-', [a, !Ref Stage]]", "a-dev")]
    [InlineData("!Select [1, !Ref Sizes]", "256")]
    [InlineData("!Select [2, !Split [',', 'a,b,c']]", "c")]
    [InlineData("!FindInMap [Memory, !Ref Stage, size]", "128")]
    [InlineData("!Select [0, !GetAZs '']", "eu-west-1a")]
    [InlineData("!If [IsProd, big, small]", "small")]
    [InlineData("!If [NotProd, yes-not-prod, no]", "yes-not-prod")]
    [InlineData("!Base64 hi", "aGk=")]
    public void Functions_EvaluateAsCloudFormationDoes(string expression, string expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void Conditions_FollowParameterOverrides() => Assert.Equal("big", Eval("!If [IsProd, big, small]", stage: "prod"));

    [Fact]
    public void NoValue_RemovesTheProperty() => Assert.Equal("""{"a":1}""", Eval("{ a: 1, b: !If [IsProd, 2, !Ref AWS::NoValue] }"));

    [Theory]
    [InlineData("!Ref Nope", "Ref names 'Nope'")]
    [InlineData("!GetAtt Nope.Arn", "Fn::GetAtt names the resource 'Nope'")]
    [InlineData("!FindInMap [Memory, test, size]", "has no key 'test'")]
    [InlineData("!If [Missing, a, b]", "the condition 'Missing' is not defined")]
    [InlineData("!Select [5, [a]]", "index 5 is out of range")]
    public void BadReferences_NameThePlaceAndAFix(string expression, string problem)
    {
        var e = Assert.Throws<TemplateException>(() => Eval(expression));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("e.yaml:1:", e.Message, StringComparison.Ordinal);
    }
}
