using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using Course.Cli.Commands.Export;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Cli.Tests.Commands.Export;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Stand-ins for the Amazon.Lambda.* packages (not available here): the course's own contract types
    /// (src/Lambda), which mirror them member for member, compiled under AWS's namespaces.
    /// </summary>
    private static MetadataReference LambdaStubs()
    {
        var trees = Directory.EnumerateFiles(Repo.Path("src", "Lambda"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Regex.IsMatch(f, @"[\\/](bin|obj)[\\/]"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f).Replace("Course.Lambda", "Amazon.Lambda", StringComparison.Ordinal), path: f))
            .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;"));
        var stubs = CSharpCompilation.Create("Amazon.Lambda.Stubs", trees, Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = stubs.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static IEnumerable<MetadataReference> AwsSdk() =>
        new[] { "AWSSDK.Core.dll", "AWSSDK.S3.dll", "AWSSDK.DynamoDBv2.dll", "AWSSDK.SQS.dll" }
            .Select(f => MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, f)));

    [Fact]
    public void Export_DocumentProcessor_WritesAProjectThatCompilesAgainstAwsShapedAssemblies_AndATemplateThatTranslates()
    {
        var output = new StringWriter();
        var exit = ExportCommand.Run(Repo.Path("samples", "document-processor"), _dir, output, TextWriter.Null);
        Assert.Equal(0, exit);
        var project = Path.Combine(_dir, "src", "DocumentProcessor");
        var function = File.ReadAllText(Path.Combine(project, "Function.cs"));
        Assert.Contains("using Amazon.Lambda.Core;", function, StringComparison.Ordinal);
        Assert.Contains("using Amazon.Lambda.S3Events;", function, StringComparison.Ordinal);
        Assert.DoesNotContain("Course.", function, StringComparison.Ordinal);

        var csproj = File.ReadAllText(Path.Combine(project, "DocumentProcessor.csproj"));
        foreach (var package in new[] { "Amazon.Lambda.Core", "Amazon.Lambda.S3Events", "Amazon.Lambda.Serialization.SystemTextJson", "AWSSDK.S3", "AWSSDK.DynamoDBv2" })
        {
            Assert.Matches($"<PackageReference Include=\"{Regex.Escape(package)}\" Version=\"[0-9][^\"]*\" />", csproj);
        }
        Assert.DoesNotContain("AWSSDK.SQS", csproj, StringComparison.Ordinal);
        Assert.Contains("<TargetFramework>net8.0</TargetFramework>", csproj, StringComparison.Ordinal);
        Assert.Contains("<AssemblyName>DocumentProcessor</AssemblyName>", csproj, StringComparison.Ordinal);

        var trees = Directory.EnumerateFiles(project, "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
            .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;"));
        var compilation = CSharpCompilation.Create("DocumentProcessor", trees, [.. Net100.References.All, LambdaStubs(), .. AwsSdk()],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var template = TemplateLoader.Load(Path.Combine(_dir, "template.yaml"));
        var translated = SamTransform.Translate(template);
        Assert.NotNull(((Course.Sandbox.Templates.Yaml.MappingNode)translated["Resources"]!)["DocumentProcessorRole"]);
        Assert.Equal("src/DocumentProcessor/", template.ServerlessFunctions().Single().Properties["CodeUri"]!.AsString());
        Assert.True(Directory.Exists(Path.Combine(_dir, "src/DocumentProcessor/")));
        var readme = File.ReadAllText(Path.Combine(_dir, "README.md"));
        Assert.Contains("sam build", readme, StringComparison.Ordinal);
        Assert.Contains("sam deploy --guided", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_InlineCode_MovesIntoAProjectAndTheTemplatePointsAtIt()
    {
        var source = Path.Combine(_dir, "in");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "template.yaml"), """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  Handler: Hello::Hello.Function::FunctionHandler
                  InlineCode: |
                    using Course.Lambda.Core;
                    namespace Hello;
                    public class Function { public string FunctionHandler(string s, ILambdaContext c) => s; }
            """);
        var outDir = Path.Combine(_dir, "out");
        Assert.Equal(0, ExportCommand.Run(source, outDir, TextWriter.Null, TextWriter.Null));
        Assert.Contains("using Amazon.Lambda.Core;", File.ReadAllText(Path.Combine(outDir, "src", "Hello", "Function.cs")), StringComparison.Ordinal);
        var exported = TemplateLoader.Load(Path.Combine(outDir, "template.yaml"));
        var props = exported.ServerlessFunctions().Single().Properties;
        Assert.Equal("src/Hello/", props["CodeUri"]!.AsString());
        Assert.Null(props["InlineCode"]);
        SamTransform.Translate(exported);
    }

    [Fact]
    public void Export_SandboxOnlyCode_IsRefusedWithItsPlace()
    {
        var source = Path.Combine(_dir, "in");
        Directory.CreateDirectory(Path.Combine(source, "src"));
        File.WriteAllText(Path.Combine(source, "src", "Function.cs"), "using Course.Lambda.Core;\nnamespace A;\npublic class F\n{\n    public void H(ILambdaContext c) => Course.Sandbox.SimulatedWork.Spend(10);\n}\n");
        File.WriteAllText(Path.Combine(source, "template.yaml"), "Transform: AWS::Serverless-2016-10-31\nResources:\n  A:\n    Type: AWS::Serverless::Function\n    Properties: { Runtime: dotnet8, Handler: 'A::A.F::H', CodeUri: src/ }\n");
        var errors = new StringWriter();
        Assert.Equal(2, ExportCommand.Run(source, Path.Combine(_dir, "out"), TextWriter.Null, errors));
        Assert.Contains("src/Function.cs:5:40: error: 'Course.Sandbox.SimulatedWork.Spend' is sandbox-only", errors.ToString(), StringComparison.Ordinal);
    }
}
