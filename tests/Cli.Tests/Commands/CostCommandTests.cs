using System.Text.Json;
using Course.Cli.Commands;

namespace Course.Cli.Tests.Commands;

public sealed class CostCommandTests
{
    private static (int Exit, string Out, string Err) Run(CostSettings settings)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CostCommand.Run(settings, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Cost_TheGuidesOneMillionRow_NoFreeTier_Is1Dollar87()
    {
        var (exit, output, _) = Run(new CostSettings(1_000_000, 200, 512, NoFreeTier: true));
        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.TrimStart().StartsWith("requests", StringComparison.Ordinal) && l.TrimEnd().EndsWith("$0.20", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("duration", StringComparison.Ordinal) && l.Contains("100,000.000 GB-s", StringComparison.Ordinal) && l.TrimEnd().EndsWith("$1.67", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("total", StringComparison.Ordinal) && l.TrimEnd().EndsWith("$1.87", StringComparison.Ordinal));
        Assert.Contains("one always-on Fargate task (0.25 vCPU, 0.5 GB, 730 hours) costs $9.01", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_WithTheFreeTier_TheSameMonthIsFree()
    {
        var (exit, output, _) = Run(new CostSettings(1_000_000, 200, 512));
        Assert.Equal(0, exit);
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("total", StringComparison.Ordinal) && l.TrimEnd().EndsWith("$0.00", StringComparison.Ordinal));
        Assert.Contains("free: 1,000,000 requests, 100,000.000 GB-s", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_Json_HasEachLineItemAndTheExactTotal_Arm64IsCheaper()
    {
        var (exit, output, _) = Run(new CostSettings(10_000_000, 120, 1024, "arm64", NoFreeTier: true, Format: "json"));
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var items = root.GetProperty("lineItems").EnumerateArray().ToDictionary(e => e.GetProperty("item").GetString()!, e => e.GetProperty("usd").GetDecimal());
        Assert.Equal(2.00m, items["requests"]);
        Assert.Equal(1_200_000m * 0.0000133334m, items["duration"]);
        Assert.Equal(items["requests"] + items["duration"], root.GetProperty("total").GetDecimal());
        Assert.Equal(1_200_000m, root.GetProperty("gbSeconds").GetDecimal());
    }

    [Theory]
    [InlineData(-1L, 200d, 512, "x86_64", "--requests must be 0 or more; it is -1.")]
    [InlineData(1L, 0d, 512, "x86_64", "--duration-ms must be more than 0 and at most 900000")]
    [InlineData(1L, 200d, 64, "x86_64", "--memory must be 128–10240 MB (Lambda's range); it is 64.")]
    [InlineData(1L, 200d, 512, "sparc", "--arch must be x86_64 or arm64; it is 'sparc'.")]
    public void Cost_BadInput_IsAClearErrorAndExitCode2(long requests, double duration, int memory, string arch, string message)
    {
        var (exit, output, error) = Run(new CostSettings(requests, duration, memory, arch));
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("cost: " + message, error, StringComparison.Ordinal);
    }
}
