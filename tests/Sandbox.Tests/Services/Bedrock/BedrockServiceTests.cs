using Course.Sandbox.Pricing;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.Faults;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Bedrock;

public class BedrockServiceTests
{
    // 136 characters, 6 sentences → 34 input tokens; the answer is the first ⌈6/3⌉ = 2 sentences, 58 characters → 15 tokens.
    internal const string Text = "Lambda runs code without servers. It scales automatically. You pay per use. Cold starts add latency. Memory sets CPU. Timeouts end runs.";
    internal const string Summary = "Lambda runs code without servers. It scales automatically.";
    private const string Haiku = "us." + BedrockModel.ClaudeHaiku45Id;
    private const string Sonnet = "us." + BedrockModel.ClaudeSonnet45Id;

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (BedrockService Service, FakeTimeProvider Time) Create(int seed = 1, BedrockServiceOptions? options = null)
    {
        var time = new FakeTimeProvider(T0);
        return (new BedrockService(time, new Random(seed), options, new FaultInjector(new Random(seed))), time);
    }

    private static BedrockMessage[] Ask(string text) => [new(BedrockMessage.User, text)];

    private static BedrockException Fails(Action call) => Assert.Throws<BedrockException>(call);

    [Theory]
    [InlineData("", 0)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    [InlineData(Text, 34)]
    public void TokenCounter_Count_IsCeilingOfLengthOverFour(string text, int expected) => Assert.Equal(expected, TokenCounter.Count(text));

    [Fact]
    public void Converse_SixSentences_AnswersFirstTwo_WithTokensAndLatencyFromTheDocumentedModel()
    {
        var (bedrock, _) = Create();
        var c = bedrock.Converse(Haiku, Ask(Text), maxTokens: 200);
        Assert.Equal(Summary, c.Text);
        Assert.Equal(BedrockCompletion.EndTurn, c.StopReason);
        Assert.Equal(34, c.InputTokens);
        Assert.Equal(15, c.OutputTokens);
        Assert.Equal(TimeSpan.FromMilliseconds(500 + (14 * 10)), c.Latency);      // TTFT + 14 more tokens × 10 ms
        Assert.StartsWith("msg_bdrk_", c.Id, StringComparison.Ordinal);
        Assert.Equal(33, c.Id.Length);
    }

    [Fact]
    public void Converse_Sonnet45ThroughUsProfile_UsesItsOwnLatency()
    {
        var (bedrock, _) = Create();
        var c = bedrock.Converse(Sonnet, Ask(Text), 200);
        Assert.Equal(TimeSpan.FromMilliseconds(800 + (14 * 15)), c.Latency);
        Assert.Equal("anthropic.claude-sonnet-4-5", c.Model.PriceKey);
    }

    [Fact]
    public void Converse_AnswerLongerThanMaxTokens_IsCutThere_WithMaxTokensStopReason()
    {
        var (bedrock, _) = Create();
        var c = bedrock.Converse(Haiku, Ask(Text), maxTokens: 5);
        Assert.Equal("Lambda runs code wit", c.Text);      // 5 tokens × 4 characters
        Assert.Equal(5, c.OutputTokens);
        Assert.Equal(BedrockCompletion.MaxTokens, c.StopReason);
    }

    [Fact]
    public void Converse_SystemPromptAndEarlierTurns_CountAsInput_AnswerComesFromLastUserTurn()
    {
        var (bedrock, _) = Create();
        BedrockMessage[] conversation =
        [
            new(BedrockMessage.User, "First question here."),   // 20 chars → 5
            new(BedrockMessage.Assistant, "An answer."),         // 10 chars → 3
            new(BedrockMessage.User, "Second one."),             // 11 chars → 3
        ];
        var c = bedrock.Converse(Haiku, conversation, 100, system: "Be brief.");   // 9 chars → 3
        Assert.Equal("Second one.", c.Text);
        Assert.Equal(14, c.InputTokens);
    }

    [Fact]
    public void Converse_SameSeedAndInput_SameOutputIdAndJitteredLatency_OtherSeedDiffers()
    {
        var options = new BedrockServiceOptions { LatencyJitter = 0.2 };
        var a = Create(7, options).Service;
        var b = Create(7, options).Service;
        var c = Create(8, options).Service;
        var runA = Enumerable.Range(0, 5).Select(_ => a.Converse(Haiku, Ask(Text), 200)).ToList();
        var runB = Enumerable.Range(0, 5).Select(_ => b.Converse(Haiku, Ask(Text), 200)).ToList();
        var runC = Enumerable.Range(0, 5).Select(_ => c.Converse(Haiku, Ask(Text), 200)).ToList();
        Assert.Equal(runA.Select(r => (r.Id, r.Text, r.Latency)), runB.Select(r => (r.Id, r.Text, r.Latency)));
        Assert.NotEqual(runA.Select(r => r.Latency), runC.Select(r => r.Latency));
        Assert.All(runA, r => Assert.InRange(r.Latency.TotalMilliseconds, 640 * 0.8, 640 * 1.2));
        Assert.True(runA.Select(r => r.Latency).Distinct().Count() > 1, "jitter should vary latency between calls");
    }

    [Theory]
    [InlineData("claude-haiku", BedrockException.Validation, "The provided model identifier is invalid.")]
    [InlineData("anthropic.claude-v9", BedrockException.Validation, "The provided model identifier is invalid.")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v9", BedrockException.ResourceNotFound, "Could not resolve the foundation model from the provided model identifier.")]
    [InlineData("anthropic.claude-3-5-haiku-20241022-v1:0", BedrockException.ResourceNotFound, "This model version has reached the end of its life. Please refer to the AWS documentation for more details.")]
    [InlineData("us.anthropic.claude-3-5-haiku-20241022-v1:0", BedrockException.ResourceNotFound, "This model version has reached the end of its life. Please refer to the AWS documentation for more details.")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", BedrockException.ResourceNotFound, "This model version has reached the end of its life. Please refer to the AWS documentation for more details.")]
    [InlineData(BedrockModel.ClaudeHaiku45Id, BedrockException.Validation, "Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.")]
    public void ResolveModel_BadId_AnswersBedrocksError(string modelId, string code, string message)
    {
        var (bedrock, _) = Create();
        var e = Fails(() => bedrock.Converse(modelId, Ask(Text), 100));
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(message, e.Message);
        Assert.Equal(TimeSpan.FromMilliseconds(20), e.Latency);
        Assert.Empty(bedrock.Usage);
    }

    [Theory]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [InlineData("eu.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0")]
    public void ResolveModel_IdProfileOrArn_Resolves(string modelId)
    {
        var (bedrock, _) = Create();
        Assert.Contains(bedrock.ResolveModel(modelId), bedrock.Models);
    }

    [Theory]
    [InlineData(0, "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData(64_001, "The maximum tokens you requested exceeds the model limit of 64000. Try again with a maximum tokens value that is lower than 64000.")]
    public void Converse_MaxTokensOutOfRange_ValidationException(int maxTokens, string message)
    {
        var (bedrock, _) = Create();
        var e = Fails(() => bedrock.Converse(Haiku, Ask(Text), maxTokens));
        Assert.Equal(BedrockException.Validation, e.ErrorCode);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Converse_BadConversations_ValidationExceptionWithBedrocksWording()
    {
        var (bedrock, _) = Create();
        Assert.StartsWith("A conversation must start with a user message.", Fails(() => bedrock.Converse(Haiku, [], 10)).Message, StringComparison.Ordinal);
        Assert.StartsWith("A conversation must start with a user message.", Fails(() => bedrock.Converse(Haiku, [new(BedrockMessage.Assistant, "hi")], 10)).Message, StringComparison.Ordinal);
        Assert.StartsWith("A conversation must alternate between user and assistant roles.",
            Fails(() => bedrock.Converse(Haiku, [new(BedrockMessage.User, "a"), new(BedrockMessage.User, "b")], 10)).Message, StringComparison.Ordinal);
        Assert.Contains("at 'messages.1.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]",
            Fails(() => bedrock.Converse(Haiku, [new("system", "a")], 10)).Message, StringComparison.Ordinal);
        Assert.StartsWith("The text field in the ContentBlock object at messages.0.content.0 is blank.",
            Fails(() => bedrock.Converse(Haiku, [new(BedrockMessage.User, " ")], 10)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"anthropic_version":"bedrock-2023-05-31","messages":[{"role":"user","content":"hi"}]}""", "Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.")]
    [InlineData("""{"max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""", "Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.")]
    [InlineData("""{"anthropic_version":"bedrock-2023-05-31","max_tokens":0,"messages":[{"role":"user","content":"hi"}]}""", "Malformed input request: #/max_tokens: 0 is not greater or equal to 1, please reformat your input and try again.")]
    [InlineData("""{"anthropic_version":"bedrock-2023-05-31","max_tokens":70000,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens: 70000 > 64000, which is the maximum allowed number of output tokens for claude-haiku-4-5-20251001")]
    [InlineData("""{"anthropic_version":"bedrock-2023-05-31","max_tokens":10,"prompt":"hi","messages":[]}""", "Malformed input request: #: extraneous key [prompt] is not permitted, please reformat your input and try again.")]
    [InlineData("not json", "Malformed input request: #: the body is not valid JSON, please reformat your input and try again.")]
    public void InvokeModel_BadAnthropicBody_ValidationException(string body, string message)
    {
        var (bedrock, _) = Create();
        var e = Fails(() => bedrock.InvokeModel(Haiku, body));
        Assert.Equal(BedrockException.Validation, e.ErrorCode);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void InvokeModel_ContentBlocks_AnswersAnthropicResponseJson()
    {
        var (bedrock, _) = Create();
        var c = bedrock.InvokeModel(Haiku, $$"""
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":200,"messages":[{"role":"user","content":[{"type":"text","text":"{{Text}}"}]}]}
            """);
        using var json = System.Text.Json.JsonDocument.Parse(BedrockService.ToAnthropicJson(c));
        var root = json.RootElement;
        Assert.Equal(c.Id, root.GetProperty("id").GetString());
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("assistant", root.GetProperty("role").GetString());
        Assert.Equal("claude-haiku-4-5-20251001", root.GetProperty("model").GetString());
        Assert.Equal("text", root.GetProperty("content")[0].GetProperty("type").GetString());
        Assert.Equal(Summary, root.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("end_turn", root.GetProperty("stop_reason").GetString());
        Assert.Equal(34, root.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(15, root.GetProperty("usage").GetProperty("output_tokens").GetInt32());
    }

    [Fact]
    public void Quota_RequestsPerMinuteExceeded_Throttles_ThenRecoversAfterTheMinute()
    {
        var (bedrock, time) = Create();
        bedrock.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { RequestsPerMinute = 3 });
        for (var i = 0; i < 3; i++)
        {
            bedrock.Converse(Haiku, Ask(Text), 100);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var e = Fails(() => bedrock.Converse(Haiku, Ask(Text), 100));                 // t = 30 s: 3 in the last minute
        Assert.Equal(BedrockException.Throttling, e.ErrorCode);
        Assert.Equal("Too many requests, please wait before trying again.", e.Message);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, e.StatusCode);
        time.Advance(TimeSpan.FromSeconds(29));                                          // t = 59 s: the t = 0 call is still inside
        Fails(() => bedrock.Converse(Haiku, Ask(Text), 100));
        time.Advance(TimeSpan.FromSeconds(1));                                           // t = 60 s: it has left the window
        bedrock.Converse(Haiku, Ask(Text), 100);
        Assert.Equal(4, bedrock.Usage.Count);
        // The other model has its own quota.
        bedrock.Converse(Sonnet, Ask(Text), 100);
    }

    [Fact]
    public void Quota_TokensPerMinute_ReservesMaxTokensUpFront()
    {
        var (bedrock, time) = Create();
        bedrock.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { TokensPerMinute = 1_000 });
        bedrock.Converse(Haiku, Ask("Hi."), 998);                          // needs 1 + 998 ≤ 1,000; then uses 1 + 1 = 2
        var e = Fails(() => bedrock.Converse(Haiku, Ask("Hi."), 998));     // 2 + 1 + 998 > 1,000
        Assert.Equal("Too many tokens, please wait before trying again.", e.Message);
        bedrock.Converse(Haiku, Ask("Hi."), 997);                          // 2 + 1 + 997 = 1,000 fits
        time.Advance(TimeSpan.FromMinutes(1));
        bedrock.Converse(Haiku, Ask("Hi."), 998);
    }

    [Fact]
    public void Quota_OutputBurndownRate_MultipliesOutputTokens()
    {
        var (bedrock, _) = Create();
        bedrock.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { TokensPerMinute = 200, OutputTokenBurndownRate = 5 });
        bedrock.Converse(Haiku, Ask(Text), 100);                    // uses 34 + 15 × 5 = 109
        Fails(() => bedrock.Converse(Haiku, Ask("Hi."), 91));       // 109 + 1 + 91 = 201 > 200
        bedrock.Converse(Haiku, Ask("Hi."), 90);
    }

    [Fact]
    public void Faults_ScriptedThrottleAndInternalError_AnswerBedrockCodes_RatesReplayBySeed()
    {
        var (bedrock, _) = Create();
        bedrock.Faults.Script("Converse", FaultKind.Throttling, FaultKind.InternalServerError);
        Assert.Equal(BedrockException.Throttling, Fails(() => bedrock.Converse(Haiku, Ask(Text), 100)).ErrorCode);
        var e = Fails(() => bedrock.Converse(Haiku, Ask(Text), 100));
        Assert.Equal(BedrockException.InternalServer, e.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, e.StatusCode);
        bedrock.Converse(Haiku, Ask(Text), 100);
        Assert.Single(bedrock.Usage);

        static List<bool> Pattern(int seed)
        {
            var (b, _) = Create(seed);
            b.Faults.ErrorRate = 0.5;
            return [.. Enumerable.Range(0, 20).Select(_ => { try { b.Converse(Haiku, Ask("Hi."), 10); return true; } catch (BedrockException) { return false; } })];
        }

        Assert.Equal(Pattern(3), Pattern(3));
        Assert.Contains(false, Pattern(3));
        Assert.Contains(true, Pattern(3));
    }

    [Fact]
    public void Faults_ExtraLatencyBeyondModelTimeout_ModelTimeoutException()
    {
        var (bedrock, _) = Create(options: new BedrockServiceOptions { ModelTimeout = TimeSpan.FromSeconds(1) });
        bedrock.Faults.LatencyRate = 1;
        bedrock.Faults.ExtraLatency = TimeSpan.FromSeconds(2);
        var e = Fails(() => bedrock.Converse(Haiku, Ask(Text), 100));
        Assert.Equal(BedrockException.ModelTimeout, e.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(1), e.Latency);
    }

    [Fact]
    public void PRICE_09_Cost_FromRecordedUsage_IsTokensTimesPricePerMillion()
    {
        var (bedrock, _) = Create();
        for (var i = 0; i < 10; i++)
        {
            bedrock.Converse(Haiku, Ask(Text), 200);
        }
        bedrock.Converse(Sonnet, Ask(Text), 200);
        Assert.Equal(11, bedrock.Usage.Count);
        Assert.All(bedrock.Usage, u => Assert.Equal((34, 15), (u.InputTokens, u.OutputTokens)));
        // Haiku 4.5: 10 × (34 × $1 + 15 × $5) / 1e6 = 10 × $0.000109; Sonnet 4.5: (34 × $3 + 15 × $15) / 1e6 = $0.000327.
        Assert.Equal(0.00109m + 0.000327m, bedrock.Cost());
    }

    [Fact]
    public void Options_Invalid_ThrowWithTheFieldAndTheFix()
    {
        var time = new FakeTimeProvider(T0);
        var e = Assert.Throws<ArgumentException>(() => new BedrockService(time, new Random(1), new BedrockServiceOptions
        {
            LatencyJitter = 1.5,
            Models = [BedrockModel.ClaudeHaiku45 with { TokensPerMinute = 0 }, BedrockModel.ClaudeHaiku45],
        }));
        Assert.Contains("LatencyJitter must be at least 0 and below 1; it is 1.5", e.Message, StringComparison.Ordinal);
        Assert.Contains("Model 'anthropic.claude-haiku-4-5-20251001-v1:0': TokensPerMinute must be at least 1; it is 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("Model 'anthropic.claude-haiku-4-5-20251001-v1:0': listed twice", e.Message, StringComparison.Ordinal);
        var (bedrock, _) = Create();
        var quota = Assert.Throws<ArgumentException>(() => bedrock.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { RequestsPerMinute = 0 }));
        Assert.Contains("RequestsPerMinute must be at least 1; it is 0", quota.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => bedrock.Configure("anthropic.nope", m => m));
    }
}
