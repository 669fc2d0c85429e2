using System.Text;
using Basic.Reference.Assemblies;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Course.Sandbox.Tests.Hosting;

public class AssemblyHandlerFactoryTests
{
    private const string Source = """
        using Course.Lambda.Core;
        namespace Learner;
        public class Function
        {
            private static int _staticCalls;
            private int _instanceCalls;
            public string Handle(string input, ILambdaContext context) => $"static {++_staticCalls} instance {++_instanceCalls}";
        }
        """;

    private static byte[] Compile(string source)
    {
        var compilation = CSharpCompilation.Create("Learner",
            [CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8))],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Course.Lambda.Core.ILambdaContext).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join('\n', emit.Diagnostics));
        return stream.ToArray();
    }

    [Fact]
    public void ENV_02_Statics_ArePerEnvironment_AndSurviveWarmInvocations()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769 }, HandlerFactory.FromAssembly(Compile(Source), null, "Learner.Function", "Handle"));
        Assert.Equal("\"static 1 instance 1\"", sim.Lambda.Invoke("f", "\"a\"").Payload);
        Assert.Equal("\"static 2 instance 2\"", sim.Lambda.Invoke("f", "\"a\"").Payload);
        // Two at once: the second needs a new environment, whose statics start from zero (as on AWS).
        var a = sim.Lambda.InvokeAsync("f", "\"a\"");
        var b = sim.Lambda.InvokeAsync("f", "\"a\"");
        sim.Run();
        Assert.Equal("\"static 3 instance 3\"", a.Result.Payload);
        Assert.Equal("\"static 1 instance 1\"", b.Result.Payload);
    }

    [Fact]
    public void FromAssembly_UnknownType_ListsThePublicTypes()
    {
        var e = Assert.Throws<HandlerBindingException>(() => HandlerFactory.FromAssembly(Compile(Source), null, "Function", "Handle"));
        Assert.Contains("Learner.Function", e.Message, StringComparison.Ordinal);
    }
}
