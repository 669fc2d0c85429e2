using Course.Grading.Compilation;

namespace Course.Grading.Tests.Compilation;

public sealed class SourceCompilerTests
{
    private static readonly SourceCompiler Compiler = new();

    [Fact]
    public void CompileLearner_SyntaxAndTypeErrors_RenderedSortedWithLineAndCaret()
    {
        var source = new SourceFile("Function.cs", """
            namespace Hello;

            public class Function
            {
                public int Handler(string input)
                {
                    int x = "text";
                    return missing
                }
            }
            """);

        var result = Compiler.CompileLearner(new[] { source });

        Assert.False(result.Success);
        Assert.Null(result.Assembly);
        var lines = result.Diagnostics.Select(d => d.Header).ToList();
        Assert.Equal(new[]
        {
            "Function.cs:7:17: error CS0029: Cannot implicitly convert type 'string' to 'int'",
            "Function.cs:8:16: error CS0103: The name 'missing' does not exist in the current context",
            "Function.cs:8:23: error CS1002: ; expected",
        }, lines);
        Assert.Equal("Function.cs:7:17: error CS0029: Cannot implicitly convert type 'string' to 'int'\n            int x = \"text\";\n                    ^", result.Diagnostics[0].Render());
        Assert.EndsWith("\n\n3 errors", result.RenderDiagnostics(), StringComparison.Ordinal);
    }

    [Fact]
    public void CompileLearner_SameSource_ByteIdenticalAssemblyAndPdb()
    {
        var source = new SourceFile("Function.cs", "namespace A; public class F { public string H(string s) => s.ToUpperInvariant(); }");

        var first = Compiler.CompileLearner(new[] { source });
        var second = new SourceCompiler().CompileLearner(new[] { source });

        Assert.True(first.Success, first.RenderDiagnostics());
        Assert.Equal(first.Assembly, second.Assembly);
        Assert.Equal(first.Pdb, second.Pdb);
    }

    [Fact]
    public void CompileLearner_UsesCourseLambdaAwsSdkAndImplicitUsings_Compiles()
    {
        var source = new SourceFile("Function.cs", """
            using Amazon.DynamoDBv2;
            using Amazon.S3;
            using Amazon.SQS;
            using Course.Lambda.Core;

            namespace Orders;

            public class Function
            {
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();

                public async Task<string> FunctionHandler(List<string> ids, ILambdaContext context)
                {
                    context.Logger.LogLine(string.Join(",", ids.Select(i => i.Trim())));
                    await Task.Yield();
                    return context.AwsRequestId;
                }
            }
            """);

        var result = Compiler.CompileLearner(new[] { source });

        Assert.True(result.Success, result.RenderDiagnostics());
        Assert.NotEmpty(result.Pdb!);
    }

    [Fact]
    public void CompileLearner_UnsafeBlock_ReportsSandboxRuleInsteadOfCs0227()
    {
        var source = new SourceFile("Function.cs", "namespace A; public class F { public int H(int v) { unsafe { int* p = &v; return *p; } } }");

        var result = Compiler.CompileLearner(new[] { source });

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == "SBX006");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS0227");
    }
}
