using System.Text;
using System.Text.Json;
using Course.Lambda.Core;
using Course.Sandbox.Clients.BedrockRuntime;
using Course.Sandbox.Clients.BedrockRuntime.Model;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Pricing;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.Faults;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Bedrock;

/// <summary>The Bedrock rows of the behaviour catalogue (BR_01–BR_04), each proved through the SDK-shaped client.</summary>
public class BedrockBehaviourTests
{
    private const string Haiku = "us." + BedrockModel.ClaudeHaiku45Id;

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (AmazonBedrockRuntimeClient Client, BedrockService Service, FakeTimeProvider Time) Create(BedrockServiceOptions? options = null)
    {
        var time = new FakeTimeProvider(T0);
        var service = new BedrockService(time, new Random(1), options, new FaultInjector(new Random(1)));
        return (new AmazonBedrockRuntimeClient(service), service, time);
    }

    private static ConverseRequest Converse(string text, int? maxTokens = 200) => new()
    {
        ModelId = Haiku,
        Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = text }] }],
        System = [new SystemContentBlock { Text = "Summarize." }],
        InferenceConfig = maxTokens is { } m ? new InferenceConfiguration { MaxTokens = m } : null,
    };

    [Fact]
    public async Task BR_01_RequestShapes_InvokeModelTakesTheModelsNativeBody_ConverseTakesMessagesAndInferenceConfig_BothReportUsage()
    {
        var (client, _, _) = Create();

        // InvokeModel: Anthropic's Messages body, with anthropic_version and max_tokens required.
        var body = JsonSerializer.Serialize(new
        {
            anthropic_version = "bedrock-2023-05-31",
            max_tokens = 200,
            system = "Summarize.",
            messages = new[] { new { role = "user", content = new[] { new { type = "text", text = BedrockServiceTests.Text } } } },
        });
        var invoke = await client.InvokeModelAsync(new InvokeModelRequest { ModelId = Haiku, Body = new MemoryStream(Encoding.UTF8.GetBytes(body)), ContentType = "application/json" });
        using var json = JsonDocument.Parse(invoke.Body!.ToArray());
        var root = json.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("assistant", root.GetProperty("role").GetString());
        Assert.Equal(BedrockServiceTests.Summary, root.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("end_turn", root.GetProperty("stop_reason").GetString());
        Assert.Equal(3 + 34, root.GetProperty("usage").GetProperty("input_tokens").GetInt32());   // "Summarize." is 3 tokens
        Assert.Equal(15, root.GetProperty("usage").GetProperty("output_tokens").GetInt32());

        // The same body without max_tokens, or a Converse-shaped body, is refused as malformed.
        var noMax = JsonSerializer.Serialize(new { anthropic_version = "bedrock-2023-05-31", messages = new[] { new { role = "user", content = "hi" } } });
        var e = await Assert.ThrowsAsync<ValidationException>(() => client.InvokeModelAsync(new InvokeModelRequest { ModelId = Haiku, Body = new MemoryStream(Encoding.UTF8.GetBytes(noMax)) }));
        Assert.Contains("required key [max_tokens] not found", e.Message, StringComparison.Ordinal);
        var converseShaped = JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = new[] { new { text = "hi" } } } }, inferenceConfig = new { maxTokens = 10 } });
        e = await Assert.ThrowsAsync<ValidationException>(() => client.InvokeModelAsync(new InvokeModelRequest { ModelId = Haiku, Body = new MemoryStream(Encoding.UTF8.GetBytes(converseShaped)) }));
        Assert.Contains("extraneous key [inferenceConfig] is not permitted", e.Message, StringComparison.Ordinal);

        // Converse: model-independent messages + inferenceConfig; the answer carries output, stopReason, usage, metrics.
        var converse = await client.ConverseAsync(Converse(BedrockServiceTests.Text));
        Assert.Equal(ConversationRole.Assistant, converse.Output!.Message!.Role);
        Assert.Equal(BedrockServiceTests.Summary, converse.Output.Message.Content![0].Text);
        Assert.Equal(StopReason.End_turn, converse.StopReason);
        Assert.Equal((37, 15, 52), (converse.Usage!.InputTokens, converse.Usage.OutputTokens, converse.Usage.TotalTokens));
        Assert.Equal(500 + (14 * 10), converse.Metrics!.LatencyMs);
    }

    [Fact]
    public async Task BR_02_Quotas_RequestsAndTokensPerMinutePerModel_BeyondThemThrottlingException429_DailyTokensServiceQuotaExceeded()
    {
        var (client, service, time) = Create();
        service.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { RequestsPerMinute = 2, TokensPerMinute = 1_000 });
        await client.ConverseAsync(Converse(BedrockServiceTests.Text));
        await client.ConverseAsync(Converse(BedrockServiceTests.Text));
        var rpm = await Assert.ThrowsAsync<ThrottlingException>(() => client.ConverseAsync(Converse(BedrockServiceTests.Text)));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, rpm.StatusCode);
        Assert.Equal("ThrottlingException", rpm.ErrorCode);
        Assert.Contains("Too many requests", rpm.Message, StringComparison.Ordinal);

        // Quotas are per model: Sonnet 4.5 still answers.
        var sonnet = Converse(BedrockServiceTests.Text);
        sonnet.ModelId = "us." + BedrockModel.ClaudeSonnet45Id;
        Assert.NotNull((await client.ConverseAsync(sonnet)).Output);

        // A minute later the window is empty again; the token quota reserves input + maxTokens up front.
        time.Advance(BedrockService.QuotaWindow);
        var tpm = await Assert.ThrowsAsync<ThrottlingException>(() => client.ConverseAsync(Converse(BedrockServiceTests.Text, maxTokens: 1_000)));
        Assert.Contains("Too many tokens", tpm.Message, StringComparison.Ordinal);
        await client.ConverseAsync(Converse(BedrockServiceTests.Text, maxTokens: 900));

        // A daily token quota is not a throttle: ServiceQuotaExceededException (400), still refused an hour later.
        service.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { RequestsPerMinute = 100, TokensPerMinute = 100_000, TokensPerDay = 600 });
        time.Advance(TimeSpan.FromMinutes(1));
        await client.ConverseAsync(Converse(BedrockServiceTests.Text));
        time.Advance(TimeSpan.FromHours(1));
        var daily = await Assert.ThrowsAsync<ServiceQuotaExceededException>(() => client.ConverseAsync(Converse(BedrockServiceTests.Text, maxTokens: 600)));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, daily.StatusCode);
        Assert.Contains("tokens per day", daily.Message, StringComparison.Ordinal);
        time.Advance(BedrockService.QuotaDay);
        await client.ConverseAsync(Converse(BedrockServiceTests.Text, maxTokens: 500));
    }

    [Fact]
    public async Task BR_03_Cost_OnDemandPerMillionInputAndOutputTokens_PerModel_FromTheDatedSheet_CurrentModelsOnly()
    {
        var (client, service, _) = Create();
        var haiku = await client.ConverseAsync(Converse(BedrockServiceTests.Text));
        var sonnetRequest = Converse(BedrockServiceTests.Text);
        sonnetRequest.ModelId = "us." + BedrockModel.ClaudeSonnet45Id;
        var sonnet = await client.ConverseAsync(sonnetRequest);

        var sheet = PriceSheet.UsEast1;
        Assert.True(sheet.AsOf >= new DateOnly(2026, 11, 1));
        Assert.Equal(new TokenPrice(1.00m, 5.00m), sheet.Bedrock["anthropic.claude-haiku-4-5"]);
        Assert.Equal(new TokenPrice(3.00m, 15.00m), sheet.Bedrock["anthropic.claude-sonnet-4-5"]);
        var expected = ((haiku.Usage!.InputTokens!.Value * 1.00m) + (haiku.Usage.OutputTokens!.Value * 5.00m)
                       + (sonnet.Usage!.InputTokens!.Value * 3.00m) + (sonnet.Usage.OutputTokens!.Value * 15.00m)) / 1_000_000m;
        Assert.Equal(expected, service.Cost());

        // Every model the sandbox serves is priced, and none is past its end of life on Bedrock.
        Assert.All(service.Models, m =>
        {
            Assert.True(sheet.Bedrock.ContainsKey(m.PriceKey), $"{m.ModelId} has no price");
            Assert.False(BedrockModel.EndOfLife.ContainsKey(m.ModelId), $"{m.ModelId} is retired");
        });
        Assert.DoesNotContain("anthropic.claude-3-5-haiku", sheet.Bedrock.Keys);
        var retired = Converse("hi");
        retired.ModelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.ConverseAsync(retired));
    }

    [Fact]
    public async Task BR_04_Limits_InputBeyondTheContextWindow_ValidationException_InputPlusMaxTokensToo()
    {
        var (client, service, _) = Create();
        service.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { ContextWindow = 1_000 });
        var text = new string('a', 4_004);                                  // 1,001 tokens
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => client.ConverseAsync(Converse(text, 10)));
        Assert.Contains("Input is too long for requested model", tooLong.Message, StringComparison.Ordinal);

        var fits = new string('a', 3_200);                                   // 800 tokens + "Summarize." 3
        var withMax = await Assert.ThrowsAsync<ValidationException>(() => client.ConverseAsync(Converse(fits, 300)));
        Assert.Contains("803 + 300 > 1000", withMax.Message, StringComparison.Ordinal);
        await client.ConverseAsync(Converse(fits, 197));
        Assert.Single(service.Usage);                                         // refused calls are not billed

        // The default window is the model card's 200K tokens.
        Assert.All(new BedrockServiceOptions().Models, m => Assert.Equal(200_000, m.ContextWindow));
    }

    /// <summary>A handler that asks for a long generation on a short function timeout.</summary>
    public sealed class LongGeneration
    {
        private readonly AmazonBedrockRuntimeClient _bedrock = new();

        public async Task<int> Handle(string text, ILambdaContext context)
        {
            var response = await _bedrock.ConverseAsync(Converse(text, 2_000));
            return response.Usage!.OutputTokens!.Value;
        }
    }

    [Fact]
    public void BR_04_Limits_ALongGenerationOutlastsTheFunctionsTimeout_TheInvocationTimesOut()
    {
        var sim = TestHandlers.Sim(1);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 512, Timeout = TimeSpan.FromSeconds(3) },
            HandlerFactory.FromType(typeof(LongGeneration), "Handle"));
        // 15 sentences → 5 answered, about 300 output tokens: 500 ms + 299 × 10 ms ≈ 3.5 s > 3 s.
        var sentence = string.Concat(Enumerable.Repeat("x", 236)) + ".";
        var text = string.Join(" ", Enumerable.Repeat(sentence, 15));
        var result = sim.Lambda.Invoke("f", JsonSerializer.Serialize(text));
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Contains("Task timed out after 3.00 seconds", result.Payload, StringComparison.Ordinal);
    }
}
