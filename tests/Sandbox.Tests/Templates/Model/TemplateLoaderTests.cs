using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Model;

namespace Course.Sandbox.Tests.Templates.Model;

public sealed class TemplateLoaderTests
{
    [Theory]
    [InlineData("Resources: {}\n", 1, "has no resources")]
    [InlineData("Resource:\n  A: { Type: AWS::S3::Bucket }\n", 1, "unknown top-level section 'Resource'")]
    [InlineData("AWSTemplateFormatVersion: 2010-09-10\nResources:\n  A: { Type: AWS::S3::Bucket }\n", 1, "AWSTemplateFormatVersion")]
    [InlineData("Resources:\n  A:\n    Properties: {}\n", 3, "has no Type")]
    [InlineData("Resources:\n  my-bucket: { Type: AWS::S3::Bucket }\n", 2, "is not alphanumeric")]
    [InlineData("Parameters:\n  P: { Type: String }\nResources:\n  A: { Type: AWS::S3::Bucket }\n", 2, "Parameters: [P] must have values")]
    [InlineData("Parameters:\n  P: { Type: String, Default: a, AllowedValues: [b, c] }\nResources:\n  A: { Type: AWS::S3::Bucket }\n", 2, "must be one of AllowedValues")]
    public void BadTemplates_FailWithLineAndFix(string yaml, int line, string problem)
    {
        var e = Assert.Throws<TemplateException>(() => TemplateLoader.Parse(yaml, "t.yaml"));
        Assert.Equal(line, e.Mark.Line);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Fix);
    }

    [Fact]
    public void ParameterOverrides_ReplaceDefaults_AndUnknownNamesAreRejected()
    {
        const string yaml = "Parameters:\n  Stage: { Type: String, Default: dev }\nResources:\n  A: { Type: AWS::S3::Bucket }\n";
        var t = TemplateLoader.Parse(yaml, "t.yaml", TemplateLoader.ParseOverrides(["Stage=prod"]));
        Assert.Equal("prod", t.Parameters["Stage"].Value);
        var e = Assert.Throws<TemplateException>(() => TemplateLoader.Parse(yaml, "t.yaml", new Dictionary<string, string> { ["Stag"] = "x" }));
        Assert.Contains("'Stag'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PseudoParameters_DefaultToTheEnginesAccountAndPartitionFollowsRegion()
    {
        Assert.Equal("123456789012", new PseudoParameters().AccountId);
        Assert.Equal("aws-cn", new PseudoParameters { Region = "cn-north-1" }.Partition);
        Assert.Equal("aws-us-gov", new PseudoParameters { Region = "us-gov-west-1" }.Partition);
    }
}
