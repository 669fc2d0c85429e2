using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Course.Lambda.Core;
using Course.Sandbox.Clients.BedrockRuntime;
using Course.Sandbox.Clients.BedrockRuntime.Model;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.Wire;
using Course.Sandbox.Tests.Services.Bedrock;

namespace Course.Sandbox.Tests.Clients.BedrockRuntime;

public class AmazonBedrockRuntimeClientTests
{
    private const string Haiku = "us." + BedrockModel.ClaudeHaiku45Id;

    private static ConverseRequest Ask(string text, int maxTokens = 200) => new()
    {
        ModelId = Haiku,
        Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = text }] }],
        InferenceConfig = new InferenceConfiguration { MaxTokens = maxTokens },
    };

    /// <summary>Summarises its input with Converse, as a learner writes it for AWS: client created in INIT, no arguments.</summary>
    public sealed class SummarizeHandler
    {
        private readonly AmazonBedrockRuntimeClient _bedrock = new();

        public async Task<string> Handle(string text, ILambdaContext context)
        {
            var response = await _bedrock.ConverseAsync(Ask(text));
            return $"{response.Output!.Message!.Content![0].Text}|{response.StopReason}|{response.Usage!.InputTokens}+{response.Usage.OutputTokens}={response.Usage.TotalTokens}|{response.Metrics!.LatencyMs}";
        }
    }

    /// <summary>Calls InvokeModel with an Anthropic Messages body and returns the response body.</summary>
    public sealed class InvokeModelHandler
    {
        private readonly AmazonBedrockRuntimeClient _bedrock = new();

        public async Task<string> Handle(string text, ILambdaContext context)
        {
            var body = JsonSerializer.Serialize(new
            {
                anthropic_version = "bedrock-2023-05-31",
                max_tokens = 200,
                messages = new[] { new { role = "user", content = text } },
            });
            var response = await _bedrock.InvokeModelAsync(new InvokeModelRequest
            {
                ModelId = Haiku,
                Body = new MemoryStream(Encoding.UTF8.GetBytes(body)),
                ContentType = "application/json",
                Accept = "application/json",
            });
            Assert.Equal("application/json", response.ContentType);
            return Encoding.UTF8.GetString(response.Body!.ToArray());
        }
    }

    /// <summary>Makes three calls in a row and lets a throttle fail the invocation.</summary>
    public sealed class NoBackoffHandler
    {
        private readonly AmazonBedrockRuntimeClient _bedrock = new();

        public async Task<int> Handle(string text, ILambdaContext context)
        {
            for (var i = 0; i < 3; i++)
            {
                await _bedrock.ConverseAsync(Ask(text));
            }
            return 3;
        }
    }

    /// <summary>Makes three calls, retrying throttles with exponential backoff (1 s, 2 s, 4 s, …; the wait is modelled time).</summary>
    public sealed class BackoffHandler
    {
        private readonly AmazonBedrockRuntimeClient _bedrock = new();

        public async Task<int> Handle(string text, ILambdaContext context)
        {
            var retries = 0;
            for (var i = 0; i < 3; i++)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await _bedrock.ConverseAsync(Ask(text));
                        break;
                    }
                    catch (ThrottlingException) when (attempt < 8)
                    {
                        retries++;
                        InvocationScope.Current!.Advance(TimeSpan.FromSeconds(Math.Pow(2, attempt)));   // on AWS: await Task.Delay(...)
                    }
                }
            }

            return retries;
        }
    }

    private static Simulation Deploy<T>(int seed = 1, int timeoutSeconds = 30)
    {
        var sim = TestHandlers.Sim(seed);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 512, Timeout = TimeSpan.FromSeconds(timeoutSeconds) },
            HandlerFactory.FromType(typeof(T), "Handle"));
        return sim;
    }

    private static string Json(string text) => JsonSerializer.Serialize(text);

    [Fact]
    public void ConverseAsync_FromHandlerWithNoArgumentClient_AnswersAndAddsModelledLatencyToTheInvocation()
    {
        var sim = Deploy<SummarizeHandler>();
        var cold = sim.Lambda.Invoke("f", Json(BedrockServiceTests.Text));
        var warm = sim.Lambda.Invoke("f", Json(BedrockServiceTests.Text));
        Assert.Null(cold.FunctionError);
        Assert.Equal($"{BedrockServiceTests.Summary}|end_turn|34+15=49|640", JsonSerializer.Deserialize<string>(warm.Payload!));
        Assert.Equal(TimeSpan.FromMilliseconds(0.5 + 640), warm.Duration);        // runtime overhead + TTFT 500 + 14 × 10 ms
        var calls = sim.Trace.OfKind(TraceKind.ServiceCall).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.StartsWith("bedrock-runtime.Converse → Success (640 ms)", c.Detail, StringComparison.Ordinal));
        Assert.Equal(2, sim.Services.Bedrock.Usage.Count);
    }

    [Fact]
    public void InvokeModelAsync_AnthropicBody_ReturnsAnthropicResponseBody()
    {
        var sim = Deploy<InvokeModelHandler>();
        var result = sim.Lambda.Invoke("f", Json(BedrockServiceTests.Text));
        Assert.Null(result.FunctionError);
        using var json = JsonDocument.Parse(JsonSerializer.Deserialize<string>(result.Payload!)!);
        var root = json.RootElement;
        Assert.StartsWith("msg_bdrk_", root.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("assistant", root.GetProperty("role").GetString());
        Assert.Equal(BedrockServiceTests.Summary, root.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("end_turn", root.GetProperty("stop_reason").GetString());
        Assert.Equal(34, root.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(15, root.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Contains(sim.Trace.OfKind(TraceKind.ServiceCall), c => c.Detail!.StartsWith("bedrock-runtime.InvokeModel → Success", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulation_SameSeedAndInput_SameOutputAndLatency_OtherSeedOtherMessageId()
    {
        static (string Payload, TimeSpan? Duration, string Trace) Run(int seed)
        {
            var sim = Deploy<InvokeModelHandler>(seed);
            var results = Enumerable.Range(0, 3).Select(i => sim.Lambda.Invoke("f", Json(BedrockServiceTests.Text + " Call " + i + "."))).ToList();
            return (string.Join("\n", results.Select(r => r.Payload)), results[^1].Duration,
                string.Join("\n", sim.Trace.OfKind(TraceKind.ServiceCall).Select(t => $"{t.Time:O} {t.Detail}")));
        }

        var a = Run(5);
        Assert.Equal(a, Run(5));
        var other = Run(6);
        Assert.NotEqual(a.Payload, other.Payload);                 // message ids come from the seed
        Assert.Equal(a.Duration, other.Duration);                   // latency does not (no jitter configured)
    }

    [Fact]
    public void ConverseAsync_QuotaExceededWithinAMinute_ThrottlesTheInvocation_ThenRecoversAfterTheVirtualMinute()
    {
        var sim = Deploy<SummarizeHandler>();
        sim.Services.Bedrock.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { RequestsPerMinute = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(sim.Lambda.Invoke("f", Json("Hello there.")).FunctionError);
        }
        var throttled = sim.Lambda.Invoke("f", Json("Hello there."));
        Assert.Equal("Unhandled", throttled.FunctionError);
        Assert.Equal("ThrottlingException", throttled.ErrorType);
        Assert.Equal("Too many requests, please wait before trying again.", throttled.ErrorMessage);
        Assert.Contains(sim.Trace.OfKind(TraceKind.ServiceCall), c => c.Detail!.StartsWith("bedrock-runtime.Converse → ThrottlingException (20 ms)", StringComparison.Ordinal));

        sim.RunFor(TimeSpan.FromMinutes(1));
        Assert.Null(sim.Lambda.Invoke("f", Json("Hello there.")).FunctionError);
        Assert.Equal(4, sim.Services.Bedrock.Usage.Count);
    }

    [Fact]
    public void Handler_WithExponentialBackoff_SucceedsWhereOneWithoutBackoffFails()
    {
        var plain = Deploy<NoBackoffHandler>(timeoutSeconds: 120);
        plain.Services.Bedrock.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { RequestsPerMinute = 2 });
        var failed = plain.Lambda.Invoke("f", Json(BedrockServiceTests.Text));
        Assert.Equal("ThrottlingException", failed.ErrorType);

        var patient = Deploy<BackoffHandler>(timeoutSeconds: 120);
        patient.Services.Bedrock.Configure(BedrockModel.ClaudeHaiku45Id, m => m with { RequestsPerMinute = 2 });
        var ok = patient.Lambda.Invoke("f", Json(BedrockServiceTests.Text));
        Assert.Null(ok.FunctionError);
        // Calls 1 and 2 start at 0.5 ms and 640.5 ms; call 3 is throttled at 1,280.5 ms and retried after 1+2+4+8+16+32 s,
        // when call 1 has left the one-minute window: 6 retries.
        Assert.Equal("6", ok.Payload);
        Assert.Equal(TimeSpan.FromMilliseconds(0.5 + (3 * 640) + (6 * 20) + 63_000), ok.Duration);
        Assert.Equal(6, patient.Trace.OfKind(TraceKind.ServiceCall).Count(c => c.Detail!.Contains("ThrottlingException", StringComparison.Ordinal)));
    }

    [Fact]
    public void PRICE_09_Cost_FromUsageRecordedInASimulation_IsTokensTimesPricePerMillion()
    {
        var sim = Deploy<SummarizeHandler>();
        for (var i = 0; i < 5; i++)
        {
            sim.Lambda.Invoke("f", Json(BedrockServiceTests.Text));
        }
        // 5 × (34 input × $1.00 + 15 output × $5.00) per million = 5 × $0.000109.
        Assert.Equal(0.000545m, sim.Services.Bedrock.Cost());
        Assert.All(sim.Services.Bedrock.Usage, u => Assert.Equal("anthropic.claude-haiku-4-5", u.PriceKey));
    }

    [Fact]
    public async Task Errors_AreTheSdksExceptionTypes_WithCodeAndStatus_AndAreReportedToTheObserver()
    {
        var bedrock = new BedrockService(TimeProvider.System, new Random(1));
        var observer = new Recorder();
        using var client = new AmazonBedrockRuntimeClient(bedrock, observer);

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => client.ConverseAsync(Ask("Hi.", maxTokens: 0)));
        Assert.IsAssignableFrom<AmazonBedrockRuntimeException>(invalid);
        Assert.IsAssignableFrom<AmazonServiceException>(invalid);
        Assert.Equal("ValidationException", invalid.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);

        var request = Ask("Hi.");
        request.ModelId = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.nothing-v1:0";
        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.ConverseAsync(request));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);

        bedrock.Faults.Script("*", Course.Sandbox.Services.Faults.FaultKind.Throttling);
        var throttled = await Assert.ThrowsAsync<ThrottlingException>(() => client.ConverseAsync(Ask("Hi.")));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, throttled.StatusCode);

        var noContent = new ConverseRequest { ModelId = Haiku, Messages = [new Message { Role = ConversationRole.User }] };
        var e = await Assert.ThrowsAsync<ValidationException>(() => client.ConverseAsync(noContent));
        Assert.Contains("'messages.1.member.content' failed to satisfy constraint: Member must not be null", e.Message, StringComparison.Ordinal);

        var ok = await client.ConverseAsync(Ask("Hi."));
        Assert.Equal(System.Net.HttpStatusCode.OK, ok.HttpStatusCode);
        Assert.Same(StopReason.End_turn, ok.StopReason);
        Assert.Same(ConversationRole.Assistant, ok.Output!.Message!.Role);
        Assert.Equal(
            ["ValidationException", "ResourceNotFoundException", "ThrottlingException", "ValidationException", "Success"],
            observer.Calls.Select(c => c.Outcome));
        Assert.All(observer.Calls, c => Assert.Equal(("bedrock-runtime", "Converse"), (c.Service, c.Operation)));
    }

    [Fact]
    public async Task ConverseAsync_OutsideASimulation_SaysWhereItWorks()
    {
        using var client = new AmazonBedrockRuntimeClient();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConverseAsync(Ask("Hi.")));
        Assert.Contains("AmazonBedrockRuntimeClient found no sandbox simulation", e.Message, StringComparison.Ordinal);
    }

    private sealed class Recorder : IServiceCallObserver
    {
        public List<ServiceCall> Calls { get; } = [];

        public void OnCall(ServiceCall call) => Calls.Add(call);
    }
}
