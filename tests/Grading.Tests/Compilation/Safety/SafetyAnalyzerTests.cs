using Course.Grading.Compilation;

namespace Course.Grading.Tests.Compilation.Safety;

public sealed class SafetyAnalyzerTests
{
    private static readonly SourceCompiler Compiler = new();

    private static IReadOnlyList<CompileDiagnostic> Compile(string body, string members = "")
    {
        var text = $$"""
            using System.Diagnostics;
            using System.Net;
            using System.Net.Sockets;
            using System.Reflection;
            using System.Runtime.InteropServices;

            namespace Learner;

            public class Function
            {
                {{members}}
                public async Task<string> Handler(string input)
                {
                    {{body}}
                    await Task.CompletedTask;
                    return input;
                }
            }
            """;
        return Compiler.CompileLearner(new[] { new SourceFile("Function.cs", text) }).Diagnostics;
    }

    [Theory]
    [InlineData("Process.Start(\"ls\");", "SBX001")]
    [InlineData("var p = new Process();", "SBX001")]
    [InlineData("var info = new ProcessStartInfo(\"sh\");", "SBX001")]
    [InlineData("using var client = new HttpClient();", "SBX002")]
    [InlineData("HttpClient client = new();", "SBX002")]
    [InlineData("var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);", "SBX002")]
    [InlineData("var tcp = new TcpClient();", "SBX002")]
    [InlineData("#pragma warning disable SYSLIB0014\nvar web = new WebClient();\n#pragma warning restore SYSLIB0014", "SBX002")]
    [InlineData("var ip = Dns.GetHostEntry(\"example.com\");", "SBX002")]
    [InlineData("Environment.Exit(1);", "SBX003")]
    [InlineData("Environment.FailFast(\"bye\");", "SBX003")]
    [InlineData("Action<int> quit = Environment.Exit; quit(0);", "SBX003")]
    [InlineData("File.ReadAllText(\"/etc/passwd\");", "SBX004")]
    [InlineData("File.WriteAllText(input, \"x\");", "SBX004")]
    [InlineData("File.WriteAllText(\"/tmp/../etc/x\", \"x\");", "SBX004")]
    [InlineData("var f = new FileStream(\"data.bin\", FileMode.Create);", "SBX004")]
    [InlineData("Directory.CreateDirectory(\"/var/task/cache\");", "SBX004")]
    [InlineData("using var w = new StreamWriter(\"out.txt\");", "SBX004")]
    [InlineData("File.Copy(\"/tmp/a\", \"/home/b\");", "SBX004")]
    [InlineData("var a = Assembly.Load(new byte[0]);", "SBX005")]
    [InlineData("var t = Type.GetType(\"System.Diagnostics.Process\");", "SBX005")]
    [InlineData("typeof(string).GetMethod(\"Trim\", Type.EmptyTypes)!.Invoke(input, null);", "SBX005")]
    [InlineData("var b = new System.Reflection.Emit.DynamicMethod(\"m\", typeof(void), Type.EmptyTypes);", "SBX005")]
    [InlineData("var ptr = Marshal.AllocHGlobal(10);", "SBX007")]
    [InlineData("var u = System.Runtime.CompilerServices.Unsafe.SizeOf<int>();", "SBX006")]
    [InlineData("var sim = new Course.Sandbox.Simulation();", "SBX008")]
    [InlineData("var registry = Course.Sandbox.Clients.SandboxAmbient.Current;", "SBX008")]
    public void CompileLearner_BannedApi_ReportsSandboxDiagnostic(string body, string id)
    {
        var diagnostics = Compile(body);

        Assert.Contains(diagnostics, d => d.Id == id && d.Severity == "error");
    }

    [Theory]
    [InlineData("[DllImport(\"libc\")] private static extern int getpid();", "SBX007")]
    [InlineData("private unsafe int Peek(int* p) => *p;", "SBX006")]
    public void CompileLearner_BannedDeclaration_ReportsSandboxDiagnostic(string members, string id)
    {
        var diagnostics = Compile("", members);

        Assert.Contains(diagnostics, d => d.Id == id);
    }

    [Theory]
    [InlineData("File.WriteAllText(\"/tmp/out.txt\", input);")]
    [InlineData("var path = Path.Combine(\"/tmp\", input); File.WriteAllText(path, input);")]
    [InlineData("File.WriteAllText($\"/tmp/{input}.txt\", input);")]
    [InlineData("File.WriteAllText(Path.GetTempPath() + \"x\", input);")]
    [InlineData("var dir = Directory.CreateDirectory(\"/tmp/cache\"); var files = Directory.GetFiles(\"/tmp/cache\");")]
    [InlineData("using var s = new FileStream(Path.Join(\"/tmp\", \"a.bin\"), FileMode.Create);")]
    [InlineData("var worker = new Thread(() => { }); worker.Start(); worker.Join();")]
    [InlineData("var s3 = new Amazon.S3.AmazonS3Client(); var sqs = new Amazon.SQS.AmazonSQSClient(); var db = new Amazon.DynamoDBv2.AmazonDynamoDBClient();")]
    [InlineData("var r = new StreamReader(new MemoryStream()); var sw = Stopwatch.StartNew(); var name = Environment.GetEnvironmentVariable(\"TABLE\");")]
    [InlineData("var props = typeof(Function).GetProperties(); var n = typeof(Function).Name;")]
    [InlineData("var sns = new Course.Sandbox.Clients.SimpleNotificationService.AmazonSimpleNotificationServiceClient();")]
    public void CompileLearner_AllowedApi_NoDiagnostics(string body)
    {
        var diagnostics = Compile(body);

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.Render())));
    }

    [Fact]
    public void CompileLearner_ProcessStart_MessageNamesApiReasonAndFix()
    {
        var diagnostic = Assert.Single(Compile("Process.Start(\"ls\");"));

        Assert.Equal(14, diagnostic.Line);
        Assert.StartsWith("Function.cs:14:17: error SBX001: Process.Start is not allowed in a Lambda handler here: ", diagnostic.Header, StringComparison.Ordinal);
        Assert.Contains("Fix: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n        Process.Start(\"ls\");\n                ^", diagnostic.Render().Replace("\n    ", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void CompileLearner_FileOutsideTmp_MessageShowsPath()
    {
        var diagnostic = Assert.Single(Compile("File.ReadAllText(\"/etc/passwd\");"));

        Assert.Contains("File.ReadAllText on \"/etc/passwd\" is not allowed", diagnostic.Message, StringComparison.Ordinal);
    }
}
