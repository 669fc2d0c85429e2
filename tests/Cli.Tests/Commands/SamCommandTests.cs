using System.CommandLine;
using System.Text.Json.Nodes;
using Course.Cli.Commands;

namespace Course.Cli.Tests.Commands;

public sealed class SamCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sam-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand { SamCommand.Create(), Course.Cli.Commands.Local.LocalCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var parsed = root.Parse(args);
        var exit = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (parsed.Errors.Count > 0 && exit != 0 ? 2 : exit, output.ToString(), error.ToString());
    }

    private string File(string text)
    {
        var path = Path.Combine(_dir, $"t{Guid.NewGuid():N}.yaml");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Translate_DocumentProcessor_PrintsSamsCloudFormation()
    {
        var (exit, output, error) = Run("sam", "translate", Repo.Path("samples", "document-processor", "template.yaml"), "--format", "json");
        Assert.True(exit == 0, error);
        var resources = JsonNode.Parse(output)!["Resources"]!.AsObject();
        Assert.Equal(
            ["DocumentProcessor", "DocumentProcessorRole", "DocumentProcessorS3UploadPermission", "DocumentBucket", "DocumentTable"],
            resources.Select(r => r.Key));
        Assert.Equal("AWS::DynamoDB::Table", (string?)resources["DocumentTable"]!["Type"]);
        Assert.Equal("DocumentProcessorS3UploadPermission", (string?)resources["DocumentBucket"]!["DependsOn"]![0]);
        Assert.Null(JsonNode.Parse(output)!["Transform"]);
    }

    [Fact]
    public void Translate_DocumentProcessor_MatchesTheReviewedGoldenFile()
    {
        // Reviewed by hand against aws-sam-translator's tests/translator/output pairs (s3.json, policy templates, simpletable.json).
        var (_, output, _) = Run("sam", "translate", Repo.Path("samples", "document-processor", "template.yaml"), "--format", "json");
        var golden = System.IO.File.ReadAllText(Repo.Path("tests", "Cli.Tests", "Commands", "Expectations", "document-processor.translated.json"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(golden), JsonNode.Parse(output)), output);
    }

    [Fact]
    public void Translate_Yaml_IsTheDefaultFormat()
    {
        var (exit, output, _) = Run("sam", "translate", Repo.Path("samples", "document-processor", "template.yaml"));
        Assert.Equal(0, exit);
        Assert.Contains("  DocumentProcessorRole:\n    Type: AWS::IAM::Role\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: s3://b/k.zip\n      Runtime: dotnet8\n", ":6:7: error: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. Runtime and Handler needs to be present")]
    [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: s3://b/k.zip\n      Handler: h\n      Runtime: dotnet8\n      Timeout: soon\n", ":9:16: error: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. Type of property 'Timeout' is invalid.")]
    [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: !Reff x }\n", ":5:28: error: unknown tag '!Reff'.")]
    [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n   Properties: {}\n", ":5:")]
    [InlineData("Globals:\n  Functions:\n    Runtime: dotnet8\nResources:\n  B: { Type: AWS::S3::Bucket }\n", ":3:3: error: Invalid Serverless Application Specification document. Number of errors found: 1. 'Globals' section is invalid. 'Functions' is not supported.")]
    public void Translate_BadTemplates_GiveFileLineColumnAndExit2(string yaml, string expected)
    {
        var path = File("Transform: AWS::Serverless-2016-10-31\n" + yaml);
        var (exit, output, error) = Run("sam", "translate", path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(path + expected, error, StringComparison.Ordinal);
        Assert.Contains("fix:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_MissingFile_Exit2()
    {
        var (exit, _, error) = Run("sam", "translate", Path.Combine(_dir, "nope.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot read the template", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyCheck_FlagsStarAndUnusedGrants_KeepsUsedOnes()
    {
        var dir = Repo.Path("samples", "document-processor");
        var (exit, output, error) = Run("sam", "policy-check", "-t", Path.Combine(dir, "template.yaml"), "--scenario", Path.Combine(dir, "scenario.yaml"));
        Assert.True(exit == 1, error);
        Assert.Matches(@"  s3:GetObject\s+used 2×\n", output);
        Assert.Matches(@"  dynamodb:PutItem\s+used 2×\n", output);
        Assert.Matches(@"! dynamodb:UpdateItem\s+unused  ← never used", output);
        Assert.Contains("on *  ← '*' resource", output, StringComparison.Ordinal);
        Assert.Matches(@"! bedrock:InvokeModel\s+unused  ← never used", output);
        Assert.EndsWith("8 finding(s)\n", output, StringComparison.Ordinal);
    }
}
