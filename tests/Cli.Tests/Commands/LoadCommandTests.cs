using System.Text.Json;
using Course.Cli.Commands;

namespace Course.Cli.Tests.Commands;

public sealed class LoadCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("load-tests").FullName;

    // 600 ms of INIT (a sleep: virtual time, rewritten by the compiler) and 50 ms per request.
    private const string Handler = """
        using Course.Lambda.Core;

        namespace Demo;

        public class Function
        {
            public Function() => Thread.Sleep(600);

            public string FunctionHandler(Dictionary<string, string> input, ILambdaContext context)
            {
                Thread.Sleep(50);
                return "ok";
            }
        }
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(LoadCommand.Settings settings)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = LoadCommand.Run(settings, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private LoadCommand.Settings Settings(string? handler = null, double rate = 20, double duration = 60, string pattern = "steady", int provisioned = 0,
        bool snapStart = false, string format = "text", int seed = 1) =>
        new(handler ?? Write("Function.cs", Handler), rate, duration, pattern, 512, 10, provisioned, snapStart, null, null, "FunctionHandler", seed, format);

    [Fact]
    public void Load_Steady_PrintsPercentilesColdStartShareAndCost()
    {
        var (exit, output, err) = Run(Settings());

        Assert.True(exit == 0, err);
        Assert.Matches(@"load: \d+ requests over 60 s \(steady, mean 20/s\), 512 MB, seed 1", output);
        Assert.Contains("latency    p50 50.5 ms", output, StringComparison.Ordinal);
        Assert.Matches(@"cold starts \d+ \(\d+\.\d\d % of requests that ran\)", output);
        Assert.Contains("cost of the run (us-east-1 prices of", output, StringComparison.Ordinal);
        Assert.Contains("the same traffic for a 730-hour month: $", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Json_SameSeedSameOutput_AndProvisionedRemovesColdStartsButBills()
    {
        var handler = Write("Function.cs", Handler);
        var first = Run(Settings(handler, pattern: "burst", format: "json")).Out;
        var second = Run(Settings(handler, pattern: "burst", format: "json")).Out;
        var provisioned = Run(Settings(handler, pattern: "burst", format: "json", provisioned: 15)).Out;

        Assert.Equal(first, second);
        using var onDemand = JsonDocument.Parse(first);
        using var warm = JsonDocument.Parse(provisioned);
        Assert.True(onDemand.RootElement.GetProperty("coldStarts").GetInt32() > 0);
        Assert.Equal(0, warm.RootElement.GetProperty("coldStarts").GetInt32());
        Assert.True(warm.RootElement.GetProperty("latencyMs").GetProperty("p99").GetDouble() < onDemand.RootElement.GetProperty("latencyMs").GetProperty("p99").GetDouble());
        Assert.True(warm.RootElement.GetProperty("cost").GetProperty("provisionedConcurrency").GetDecimal() > 0);
        Assert.Equal(onDemand.RootElement.GetProperty("requests").GetInt32(), onDemand.RootElement.GetProperty("samples").GetArrayLength());
    }

    [Fact]
    public void Load_SnapStart_CutsTheColdStartTail()
    {
        var handler = Write("Function.cs", Handler);
        using var plain = JsonDocument.Parse(Run(Settings(handler, pattern: "burst", format: "json")).Out);
        using var snap = JsonDocument.Parse(Run(Settings(handler, pattern: "burst", format: "json", snapStart: true)).Out);

        Assert.True(snap.RootElement.GetProperty("latencyMs").GetProperty("max").GetDouble() < plain.RootElement.GetProperty("latencyMs").GetProperty("max").GetDouble());
        Assert.True(snap.RootElement.GetProperty("cost").GetProperty("snapStart").GetDecimal() > 0);
    }

    [Theory]
    [InlineData(0, 60, "rate must be above 0")]
    [InlineData(10, 0, "duration must be between 1 second and 24 hours")]
    public void Load_BadRateOrDuration_Exit2_SaysWhatToFix(double rate, double duration, string message)
    {
        var (exit, output, err) = Run(Settings(rate: rate, duration: duration));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Contains("Fix --rate / --duration", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CompileError_Exit2_WithFileLineColumn()
    {
        var (exit, _, err) = Run(Settings(Write("Broken.cs", "public class Function { public int FunctionHandler(string s) => s; }")));

        Assert.Equal(2, exit);
        Assert.Contains("Broken.cs:1:", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProvisionedWithSnapStart_Exit2_LambdasError()
    {
        var (exit, _, err) = Run(Settings(provisioned: 2, snapStart: true));

        Assert.Equal(2, exit);
        Assert.Contains("InvalidParameterValueException", err, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
