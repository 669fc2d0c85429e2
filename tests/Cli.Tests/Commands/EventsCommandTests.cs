using System.CommandLine;
using System.Text.Json;
using Course.Cli.Commands;

namespace Course.Cli.Tests.Commands;

public sealed class EventsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("events-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand { EventsCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var parsed = root.Parse(args);
        var exit = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (parsed.Errors.Count > 0 && exit != 0 ? 2 : exit, output.ToString(), error.ToString());
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("apigw", "requestContext")]
    [InlineData("s3", "Records")]
    [InlineData("sqs", "Records")]
    [InlineData("dynamodb", "Records")]
    [InlineData("eventbridge", "detail-type")]
    [InlineData("sns", "Records")]
    public void Generate_EachService_PrintsItsEvent(string service, string member)
    {
        var (exit, output, error) = Run("events", "generate", service, "--time", "2026-01-01T00:00:00Z");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var document = JsonDocument.Parse(output);
        Assert.True(document.RootElement.TryGetProperty(member, out _));
    }

    [Fact]
    public void Generate_SameSeedAndTime_SameEvent_OptionsApply()
    {
        var first = Run("events", "generate", "eventbridge", "--seed", "7", "--time", "2026-03-01T10:00:00Z", "--source", "com.shop", "--detail", """{"orderId":"o-1"}""");
        var second = Run("events", "generate", "eventbridge", "--seed", "7", "--time", "2026-03-01T10:00:00Z", "--source", "com.shop", "--detail", """{"orderId":"o-1"}""");
        Assert.Equal(first.Out, second.Out);
        using var document = JsonDocument.Parse(first.Out);
        Assert.Equal("com.shop", document.RootElement.GetProperty("source").GetString());
        Assert.Equal("2026-03-01T10:00:00Z", document.RootElement.GetProperty("time").GetString());
        Assert.Equal("o-1", document.RootElement.GetProperty("detail").GetProperty("orderId").GetString());
    }

    [Fact]
    public void Generate_ApiGatewayAndSqsOptions_Apply()
    {
        using var api = JsonDocument.Parse(Run("events", "generate", "apigw", "--method", "get", "--path", "/items/7?x=1").Out);
        Assert.Equal("GET", api.RootElement.GetProperty("requestContext").GetProperty("http").GetProperty("method").GetString());
        Assert.Equal("/items/7", api.RootElement.GetProperty("rawPath").GetString());
        Assert.Equal("1", api.RootElement.GetProperty("queryStringParameters").GetProperty("x").GetString());
        using var sqs = JsonDocument.Parse(Run("events", "generate", "sqs", "--body", "a", "--body", "b", "--queue", "orders.fifo").Out);
        Assert.Equal(2, sqs.RootElement.GetProperty("Records").GetArrayLength());
    }

    [Fact]
    public void Generate_BadInput_Exit2WithReason()
    {
        var (exit, output, error) = Run("events", "generate", "eventbridge", "--detail", "[1,2]");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Detail must be a JSON object", error, StringComparison.Ordinal);
        Assert.Equal(2, Run("events", "generate", "kinesis").Exit);
        Assert.Contains("--time", Run("events", "generate", "s3", "--time", "yesterday").Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"source":["com.shop"],"detail":{"total":[{"numeric":[">",100]}]}}""", "true")]
    [InlineData("""{"source":["com.shop"],"detail":{"total":[{"numeric":["<",100]}]}}""", "false")]
    [InlineData("""{"source":[{"prefix":"com."}]}""", "true")]
    public void TestPattern_PrintsTrueOrFalse_Exit0(string pattern, string expected)
    {
        var evt = File("event.json", """{"source":"com.shop","detail-type":"Order Placed","detail":{"total":250}}""");
        var (exit, output, error) = Run("events", "test-pattern", "--pattern", File("pattern.json", pattern), "--event", evt);
        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Trim());
        Assert.Equal("", error);
    }

    [Fact]
    public void TestPattern_InvalidPattern_ReasonOnStderr_Exit2()
    {
        var (exit, output, error) = Run("events", "test-pattern", "--pattern", File("p.json", """{"source":[]}"""), "--event", File("e.json", "{}"));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Event pattern is not valid. Reason:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"detail":{"total":{"currency":[{"exists":false}]}}}""", "true")]
    [InlineData("""{"detail.total":[250]}""", "true")]
    [InlineData("""{"detail":{"total":[{"numeric":[">",1000]}]},"detail":{"total":[250]}}""", "true")]
    public void TestPattern_EventRulerEdgeRules_PrintTrueOrFalse_Exit0(string pattern, string expected)
    {
        var evt = File("event.json", """{"source":"com.shop","detail-type":"Order Placed","detail":{"total":250}}""");
        var (exit, output, error) = Run("events", "test-pattern", "--pattern", File("pattern.json", pattern), "--event", evt);
        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Trim());
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("""{"s":[{"anything-but":{"prefix":""}}]}""", "Null prefix/suffix not allowed")]
    [InlineData("""{"k":[{"wildcard":"*/x/*.a"},{"wildcard":"*/x/*.b"},{"wildcard":"*/x/*.c"},{"wildcard":"*/x/*.d"}]}""", "Rule is too complex - try using fewer wildcard characters")]
    public void TestPattern_EdgeRuleRejections_ReasonOnStderr_Exit2(string pattern, string reason)
    {
        var (exit, output, error) = Run("events", "test-pattern", "--pattern", File("p.json", pattern), "--event", File("e.json", "{}"));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Event pattern is not valid. Reason: " + reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TestPattern_UnreadableFile_ClearError_Exit2()
    {
        var missing = Path.Combine(_dir, "missing.json");
        var (exit, _, error) = Run("events", "test-pattern", "--pattern", missing, "--event", File("e.json", "{}"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot read the pattern file", error, StringComparison.Ordinal);
        Assert.Contains("missing.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TestPattern_EventNotJson_Exit2()
    {
        var (exit, _, error) = Run("events", "test-pattern", "--pattern", File("p.json", """{"source":["a"]}"""), "--event", File("e.json", "not json"));
        Assert.Equal(2, exit);
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TestPattern_MissingOption_Exit2()
    {
        Assert.Equal(2, Run("events", "test-pattern", "--pattern", "x.json").Exit);
    }
}
