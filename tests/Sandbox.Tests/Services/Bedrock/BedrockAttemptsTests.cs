using System.Text.Json;
using Course.Lambda.Core;
using Course.Sandbox.Clients.BedrockRuntime;
using Course.Sandbox.Clients.BedrockRuntime.Model;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.Faults;

namespace Course.Sandbox.Tests.Services.Bedrock;

/// <summary>What Bedrock records for graders: every admitted attempt, the billed calls' prompts and answers, and the client's creation.</summary>
public class BedrockAttemptsTests
{
    private const string Haiku = "us." + BedrockModel.ClaudeHaiku45Id;

    /// <summary>Retries a throttled Converse call after 100 ms, once.</summary>
    public sealed class RetryOnce
    {
        private readonly AmazonBedrockRuntimeClient _bedrock = new();

        public async Task<string> Handle(string text, ILambdaContext context)
        {
            var request = new ConverseRequest
            {
                ModelId = Haiku,
                Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = text }] }],
                InferenceConfig = new InferenceConfiguration { MaxTokens = 50 },
            };
            try
            {
                return (await _bedrock.ConverseAsync(request)).Output!.Message!.Content![0].Text!;
            }
            catch (ThrottlingException)
            {
                SimulatedWork.Spend(100);
                return (await _bedrock.ConverseAsync(request)).Output!.Message!.Content![0].Text!;
            }
        }
    }

    [Fact]
    public void Attempts_RecordThrottledAndAnsweredCalls_WithRequestIdPromptAndTime_UsageKeepsPromptAndAnswer()
    {
        var sim = TestHandlers.Sim(1);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769, Timeout = TimeSpan.FromSeconds(10) },
            HandlerFactory.FromType(typeof(RetryOnce), "Handle"));
        sim.Services.Bedrock.Faults.Script("Converse", FaultKind.Throttling);
        var result = sim.Lambda.Invoke("f", JsonSerializer.Serialize(BedrockServiceTests.Text));

        Assert.Null(result.FunctionError);
        var attempts = sim.Services.Bedrock.Attempts;
        Assert.Equal([BedrockException.Throttling, BedrockAttempt.Success], attempts.Select(a => a.Outcome));
        Assert.All(attempts, a => Assert.Equal(result.RequestId, a.RequestId));
        Assert.All(attempts, a => Assert.Equal(BedrockServiceTests.Text, a.Prompt));
        Assert.Equal(TimeSpan.FromMilliseconds(20 + 100), attempts[1].At - attempts[0].At);    // rejection latency + the wait
        var usage = Assert.Single(sim.Services.Bedrock.Usage);
        Assert.Equal((result.RequestId, BedrockServiceTests.Text, BedrockServiceTests.Summary), (usage.RequestId, usage.Prompt, usage.Answer));
    }

    [Fact]
    public void Attempts_MalformedRequest_IsNotAnAttempt()
    {
        var bedrock = TestHandlers.Sim(1).Services.Bedrock;
        Assert.Throws<BedrockException>(() => bedrock.Converse(Haiku, [new BedrockMessage(BedrockMessage.Assistant, "hi")], 10));
        Assert.Empty(bedrock.Attempts);
    }

    /// <summary>Creates a Bedrock client per invocation (the anti-pattern).</summary>
    public sealed class ClientPerInvocation
    {
        public Task<int> Handle(string text, ILambdaContext context)
        {
            using var bedrock = new AmazonBedrockRuntimeClient();
            return Task.FromResult(text.Length);
        }
    }

    [Fact]
    public void NoArgumentClient_IsRecordedInTheEnvironment_InInitOrPerInvocation_LikeAnSdkClient()
    {
        var sim = TestHandlers.Sim(1);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "init", MemorySize = 512 }, HandlerFactory.FromType(typeof(RetryOnce), "Handle"));
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "per", MemorySize = 512 }, HandlerFactory.FromType(typeof(ClientPerInvocation), "Handle"));
        for (var i = 0; i < 2; i++)
        {
            sim.Lambda.Invoke("init", JsonSerializer.Serialize("Hi."));
            sim.Lambda.Invoke("per", JsonSerializer.Serialize("Hi."));
        }

        var init = sim.Lambda.Functions["init"].Environments.SelectMany(e => e.ClientsCreated).Where(c => c.Service == "bedrockruntime").ToList();
        var per = sim.Lambda.Functions["per"].Environments.SelectMany(e => e.ClientsCreated).Where(c => c.Service == "bedrockruntime").ToList();
        Assert.Equal(["INIT"], init.Select(c => c.Phase));
        Assert.Equal(["INVOKE", "INVOKE"], per.Select(c => c.Phase));
    }
}
