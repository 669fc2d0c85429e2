namespace Course.Cli.Tests.Commands.Local;

public sealed class LocalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("local-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sample(string file) => Repo.Path("samples", "document-processor", file);

    private string CopySample()
    {
        var target = Path.Combine(_dir, "dp");
        foreach (var file in Directory.EnumerateFiles(Repo.Path("samples", "document-processor"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Path("samples", "document-processor"), file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
        return target;
    }

    [Fact]
    public void Run_DocumentProcessor_UploadBecomesATableItem()
    {
        var (exit, output, error) = SamCommandTests.Run("local", "run", "-t", Sample("template.yaml"), "--scenario", Sample("scenario.yaml"));
        Assert.True(exit == 0, error);
        Assert.Contains("info\tprocessed reports/q3 summary.txt: 6 words", output, StringComparison.Ordinal);
        Assert.Matches(@"DocumentTable \(table sam-app-DocumentTable-[0-9A-F]{12}\): 2 items", output);
        Assert.Contains("\"document_id\":{\"S\":\"reports/q3 summary.txt\"}", output, StringComparison.Ordinal);
        Assert.Contains("\"words\":{\"N\":\"6\"}", output, StringComparison.Ordinal);
        Assert.Contains("== bill", output, StringComparison.Ordinal);
        Assert.DoesNotContain("access denied", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithoutTheWritePolicy_PutItemIsDeniedWithAwsMessage()
    {
        var dir = CopySample();
        var template = Path.Combine(dir, "template.yaml");
        File.WriteAllText(template, File.ReadAllText(template).Replace("DynamoDBWritePolicy", "DynamoDBReadPolicy", StringComparison.Ordinal));
        var (exit, output, _) = SamCommandTests.Run("local", "run", "-t", template, "--scenario", Path.Combine(dir, "scenario.yaml"));
        Assert.Equal(0, exit);
        Assert.Matches(@"fail\tAmazonDynamoDBException: User: arn:aws:sts::123456789012:assumed-role/sam-app-DocumentProcessorRole-[0-9A-F]{12}/sam-app-DocumentProcessor-[0-9A-F]{12} is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/sam-app-DocumentTable-[0-9A-F]{12} because no identity-based policy allows the dynamodb:PutItem action", output);
        Assert.Contains("== access denied (IAM_01)", output, StringComparison.Ordinal);
        Assert.Matches(@"DocumentTable \(table [^)]+\): 0 items", output);
    }

    [Fact]
    public void Invoke_OneFunctionWithAnEventFile()
    {
        var dir = CopySample();
        var evt = Path.Combine(dir, "event.json");
        File.WriteAllText(evt, """{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"nowhere"},"object":{"key":"a.txt"}}}]}""");
        var (exit, output, error) = SamCommandTests.Run("local", "invoke", "-t", Path.Combine(dir, "template.yaml"), "DocumentProcessor", "-e", evt);
        Assert.Equal(1, exit);
        Assert.Contains("REPORT RequestId:", output, StringComparison.Ordinal);
        Assert.Contains("access denied: s3:GetObject on arn:aws:s3:::nowhere/a.txt", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Handler: DocumentProcessor::DocumentProcessor.Function::FunctionHandler", "Handler: NotThreeParts", "is not Assembly::Namespace.Type::Method")]
    [InlineData("CodeUri: src/DocumentProcessor/", "CodeUri: src/Missing/", "does not exist")]
    [InlineData("Runtime: dotnet8", "Runtime: python3.12", "the sandbox runs C# handlers")]
    [InlineData("Bucket: !Ref DocumentBucket", "Bucket: !Ref DocumentBuckit", "S3 events must reference an S3 bucket in the same template")]
    [InlineData("TABLE_NAME: !Ref DocumentTable", "TABLE_NAME: !Ref DocumentTabel", ":12:21: error: Ref names 'DocumentTabel', which is neither a parameter")]
    [InlineData("MemorySize: 1024", "MemorySize: 100000", "function DocumentProcessor is not valid")]
    [InlineData("Timeout: 30", "Timeout: [30]", "Type of property 'Timeout' is invalid.")]
    [InlineData("      BucketName: !Sub \"${AWS::StackName}-documents-${AWS::AccountId}\"\n\n", "      BucketName: Not_A_Bucket\n\n", "AWS::S3::Bucket DocumentBucket cannot be created")]
    [InlineData("            BucketName: !Sub \"${AWS::StackName}-documents-${AWS::AccountId}\"", "            BucketName: !Ref DocumentBucket", "Circular dependency between resources: [DocumentProcessor, DocumentProcessorRole, DocumentProcessorS3UploadPermission, DocumentBucket]")]
    public void Run_BadTemplates_Exit2WithPlaceAndFix(string from, string to, string problem)
    {
        var dir = CopySample();
        var template = Path.Combine(dir, "template.yaml");
        File.WriteAllText(template, File.ReadAllText(template).Replace(from, to, StringComparison.Ordinal));
        var (exit, _, error) = SamCommandTests.Run("local", "run", "-t", template, "--scenario", Path.Combine(dir, "scenario.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Contains(template, error, StringComparison.Ordinal);
        Assert.Contains("ix", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownParameterOverride_Exit2()
    {
        var (exit, _, error) = SamCommandTests.Run("local", "run", "-t", Sample("template.yaml"), "--scenario", Sample("scenario.yaml"), "--parameter-overrides", "Stage=prod");
        Assert.Equal(2, exit);
        Assert.Contains("--parameter-overrides names 'Stage', which the template does not declare", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("steps:\n  - put-object: { bucket: Nope, key: a, body: b }\n", ":2:27: the template has no resource 'Nope'")]
    [InlineData("steps:\n  - teleport: {}\n", ":2:5: unknown step 'teleport'")]
    [InlineData("steps: 3\n", ":1:1: a scenario is a mapping with `steps:`")]
    [InlineData("steps:\n  - wait: soon\n", ":2:11: 'soon' is not a duration")]
    public void Run_BadScenarios_Exit2WithPlace(string scenario, string expected)
    {
        var path = Path.Combine(_dir, "s.yaml");
        File.WriteAllText(path, scenario);
        var (exit, _, error) = SamCommandTests.Run("local", "run", "-t", Sample("template.yaml"), "--scenario", path);
        Assert.Equal(2, exit);
        Assert.Contains(path + expected, error, StringComparison.Ordinal);
    }
}
