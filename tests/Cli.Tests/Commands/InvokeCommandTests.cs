using Course.Cli.Commands;

namespace Course.Cli.Tests.Commands;

public sealed class InvokeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("invoke-tests").FullName;

    private const string Handler = """
        using Course.Lambda.Core;

        namespace Demo;

        public class Function
        {
            private int _calls;

            public string FunctionHandler(Dictionary<string, string> input, ILambdaContext context)
            {
                context.Logger.LogInformation($"hello {input["name"]}");
                return $"{input["name"]} #{++_calls}";
            }
        }
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Exit, string Out, string Err) Run(string handler, string evt, int times = 1, string? type = null, string method = "FunctionHandler", int concurrency = 1)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = InvokeCommand.Run(new InvokeCommand.Settings(handler, evt, type, method, times, concurrency, 128, 3, 1, "text"), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Invoke_ThreeSequentialInvocations_PrintThreeReportLines_ExactlyOneWithInitDuration()
    {
        var (exit, output, _) = Run(Write("Function.cs", Handler), Write("event.json", """{"name":"ada"}"""), times: 3);
        Assert.Equal(0, exit);
        var reports = output.Split('\n').Where(l => l.StartsWith("REPORT RequestId:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reports.Count);
        Assert.Single(reports, r => r.Contains("Init Duration:", StringComparison.Ordinal));
        Assert.Contains("\"ada #3\"", output, StringComparison.Ordinal);   // warm: the same instance served all three
        Assert.Contains("3 invocations, 1 cold start, 0 errors, 0 throttles", output, StringComparison.Ordinal);
        Assert.Contains("cost (us-east-1 prices of", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_OneInvocation_SummaryIsSingular()
    {
        var (_, output, _) = Run(Write("Function.cs", Handler), Write("event.json", """{"name":"ada"}"""));
        Assert.Contains("1 invocation, 1 cold start, 0 errors, 0 throttles", output, StringComparison.Ordinal);
        Assert.Contains(": 1 request $", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_Env_RepeatedKeyValues_ReachTheFunction()
    {
        const string reader = """
            using Course.Lambda.Core;

            namespace Demo;

            public class Function
            {
                public string FunctionHandler(string input, ILambdaContext context) =>
                    $"{System.Environment.GetEnvironmentVariable("TABLE_NAME")}|{System.Environment.GetEnvironmentVariable("MODE")}";
            }
            """;
        var stdout = new StringWriter();
        var exit = InvokeCommand.Run(new InvokeCommand.Settings(Write("Reader.cs", reader), Write("event.json", "\"x\""), null, "FunctionHandler", 1, 1, 128, 3, 1, "text")
        {
            Environment = ["TABLE_NAME=orders", "MODE=a=b"],
        }, stdout, new StringWriter());
        Assert.Equal(0, exit);
        Assert.Contains("\"orders|a=b\"", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NOEQUALS")]
    [InlineData("=value")]
    [InlineData("1BAD=x")]
    public void Invoke_Env_Malformed_Exits2_WithTheRule(string value)
    {
        var stderr = new StringWriter();
        var exit = InvokeCommand.Run(new InvokeCommand.Settings(Write("Function.cs", Handler), Write("event.json", "{}"), null, "FunctionHandler", 1, 1, 128, 3, 1, "text")
        {
            Environment = [value],
        }, new StringWriter(), stderr);
        Assert.Equal(2, exit);
        Assert.Contains("expected KEY=VALUE", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_BadEventJson_SuggestsTheCommandAsTheUserRunsIt()
    {
        var stderr = new StringWriter();
        var exit = InvokeCommand.Run(new InvokeCommand.Settings(Write("Function.cs", Handler), Write("event.json", "{oops"), null, "FunctionHandler", 1, 1, 128, 3, 1, "text"), new StringWriter(), stderr);
        Assert.Equal(2, exit);
        Assert.Contains($"`{CliName.Tool} events generate apigw`", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_Concurrently_UsesOneEnvironmentPerConcurrentInvocation()
    {
        var (_, output, _) = Run(Write("Function.cs", Handler), Write("event.json", """{"name":"ada"}"""), times: 4, concurrency: 2);
        Assert.Equal(2, output.Split('\n').Count(l => l.Contains("Init Duration:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Invoke_SameSeed_SameOutput()
    {
        var handler = Write("Function.cs", Handler);
        var evt = Write("event.json", """{"name":"ada"}""");
        static string Stable(string s) => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("(measured", StringComparison.Ordinal)));
        Assert.Equal(Stable(Run(handler, evt, times: 2).Out), Stable(Run(handler, evt, times: 2).Out));
    }

    [Fact]
    public void Invoke_CompileError_Exits2_WithFileLineColumn()
    {
        var path = Write("Broken.cs", "public class Function { public string FunctionHandler(string s) => s.Nope(); }");
        var (exit, _, err) = Run(path, Write("event.json", "\"x\""));
        Assert.Equal(2, exit);
        Assert.Contains("Broken.cs:1:", err, StringComparison.Ordinal);
        Assert.Contains("error CS1061", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_MalformedEvent_Exits2_NamingTheLine()
    {
        var (exit, _, err) = Run(Write("Function.cs", Handler), Write("bad.json", "{\n  \"name\": \n"));
        Assert.Equal(2, exit);
        Assert.Contains("bad.json:", err, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_UnknownMethod_Exits2_WithTheFix()
    {
        var (exit, _, err) = Run(Write("Function.cs", Handler), Write("event.json", "{}"), method: "Handle");
        Assert.Equal(2, exit);
        Assert.Contains("no public class with a public method 'Handle'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_UnknownType_Exits2_ListingTheTypes()
    {
        var (exit, _, err) = Run(Write("Function.cs", Handler), Write("event.json", "{}"), type: "Demo.Nope");
        Assert.Equal(2, exit);
        Assert.Contains("Handler type 'Demo.Nope' was not found", err, StringComparison.Ordinal);
        Assert.Contains("Demo.Function", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_MissingFile_Exits2()
    {
        var (exit, _, err) = Run(Path.Combine(_dir, "none.cs"), Write("event.json", "{}"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot read the handler file", err, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
