using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Tests.Hosting;

/// <summary>Handlers run as tasks on the virtual clock (TIME_03) and interleave their service calls in time order (TIME_04).</summary>
public sealed class HandlerTimeTests
{
    /// <summary>Long-polls a queue for up to 5 s.</summary>
    public sealed class LongPoller
    {
        private readonly AmazonSQSClient _sqs = new();

        public async Task<string> Handle(string queueUrl, ILambdaContext context)
        {
            var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 5 });
            return response.Messages is { Count: > 0 } messages ? messages[0].Body : "empty";
        }
    }

    /// <summary>Three concurrent GetItem calls.</summary>
    public sealed class FanOut
    {
        private readonly AmazonDynamoDBClient _db = new();

        public async Task<int> Handle(string id, ILambdaContext context)
        {
            var calls = Enumerable.Range(0, 3).Select(i => _db.GetItemAsync(new GetItemRequest("counters", new() { ["id"] = new AttributeValue("c") })));
            var results = await Task.WhenAll(calls);
            return results.Length;
        }
    }

    /// <summary>Increments a counter by reading it and writing it back, conditionally or not.</summary>
    public sealed class Incrementer
    {
        private readonly AmazonDynamoDBClient _db = new();

        public async Task<string> Handle(bool conditional, ILambdaContext context)
        {
            var key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue("c") };
            var item = await _db.GetItemAsync(new GetItemRequest("counters", key));
            var count = int.Parse(item.Item["n"].N, System.Globalization.CultureInfo.InvariantCulture);
            var put = new PutItemRequest("counters", new() { ["id"] = new AttributeValue("c"), ["n"] = new AttributeValue { N = (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            if (conditional)
            {
                put.ConditionExpression = "n = :seen";
                put.ExpressionAttributeValues = new() { [":seen"] = new AttributeValue { N = item.Item["n"].N } };
            }
            try
            {
                await _db.PutItemAsync(put);
                return "written";
            }
            catch (ConditionalCheckFailedException)
            {
                return "conflict";
            }
        }
    }

    private static Simulation WithCounter(int seed = 1)
    {
        var sim = new Simulation(new SimulationOptions { Seed = seed });
        sim.Services.DynamoDb.Invoke("CreateTable", """
            {"TableName":"counters","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
             "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
            """);
        sim.Services.DynamoDb.Invoke("PutItem", """{"TableName":"counters","Item":{"id":{"S":"c"},"n":{"N":"0"}}}""");
        return sim;
    }

    [Fact]
    public void TIME_03_LongPollOfFiveSeconds_ReturnsWhenAnotherSourceSendsAtTwoSeconds()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 2 });
        var queue = sim.Services.Sqs.CreateQueue("jobs");
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "poll", Timeout = TimeSpan.FromSeconds(10) }, HandlerFactory.FromType(typeof(LongPoller), "Handle"));
        sim.Lambda.Invoke("poll", "\"warm-up\"".Replace("warm-up", queue.Url, StringComparison.Ordinal));   // cold start out of the way, queue empty: 5 s
        var started = sim.Now;
        sim.Schedule(TimeSpan.FromSeconds(2), () => queue.Send(new Course.Sandbox.Services.Sqs.SqsSendRequest { Body = "hello" }));

        var result = sim.Lambda.Invoke("poll", $"\"{queue.Url}\"");

        Assert.Equal("\"hello\"", result.Payload);
        Assert.Equal(started + TimeSpan.FromSeconds(2) + TimeSpan.FromMilliseconds(ReceiveLatencyMs(sim)), result.End);
    }

    private static double ReceiveLatencyMs(Simulation sim) =>
        sim.Services.Calls.Last(c => c.Operation == "ReceiveMessage").Latency.TotalMilliseconds;

    [Fact]
    public void TIME_03_WhenAllOfThreeTenMillisecondCalls_TakesOneCallsLatency()
    {
        var sim = WithCounter();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "fan" }, HandlerFactory.FromType(typeof(FanOut), "Handle"));
        sim.Lambda.Invoke("fan", "\"c\"");

        var warm = sim.Lambda.Invoke("fan", "\"c\"");

        Assert.Equal("3", warm.Payload);
        var latency = sim.Services.Calls[^1].Latency;
        Assert.Equal(TimeSpan.FromMilliseconds(0.5) + latency, warm.Duration);   // not 3 × latency
    }

    [Fact]
    public void TIME_03_AwaitingHandler_LetsAnotherInvocationRunMeanwhile()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 4 });
        var order = new List<string>();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "slow", Timeout = TimeSpan.FromSeconds(5) },
            HandlerFactory.FromDelegate(async (string name, ILambdaContext c) =>
            {
                order.Add(name + " starts");
                await Task.Delay(name == "a" ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(1), sim.Time);
                order.Add(name + " ends");
                return name;
            }));

        var a = sim.Lambda.InvokeAsync("slow", "\"a\"");
        var b = sim.Lambda.InvokeAsync("slow", "\"b\"");
        sim.Run();

        Assert.Equal(["a starts", "b starts", "b ends", "a ends"], order);
        Assert.Equal(TimeSpan.FromSeconds(2) + TimeSpan.FromMilliseconds(0.5), a.Result.Duration);
        Assert.Equal(TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(0.5), b.Result.Duration);
    }

    private static (string[] Outcomes, string Final, string Trace) RaceTwoIncrements(bool conditional, int seed)
    {
        var sim = WithCounter(seed);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "inc" }, HandlerFactory.FromType(typeof(Incrementer), "Handle"));
        var first = sim.Lambda.InvokeAsync("inc", conditional ? "true" : "false");
        var second = sim.Lambda.InvokeAsync("inc", conditional ? "true" : "false");
        sim.Run();
        var item = System.Text.Json.Nodes.JsonNode.Parse(sim.Services.DynamoDb.Invoke("GetItem", """{"TableName":"counters","Key":{"id":{"S":"c"}}}"""))!;
        return ([first.Result.Payload!, second.Result.Payload!], item["Item"]!["n"]!["N"]!.GetValue<string>(), sim.Trace.ToString());
    }

    [Fact]
    public void TIME_04_TwoConcurrentReadModifyWrites_LoseAnUpdate()
    {
        var (outcomes, final, _) = RaceTwoIncrements(conditional: false, seed: 5);

        Assert.Equal(["\"written\"", "\"written\""], outcomes);
        Assert.Equal("1", final);   // two increments, one survives
    }

    [Fact]
    public void TIME_04_AConditionalWrite_TurnsTheLostUpdateIntoConditionalCheckFailed()
    {
        var (outcomes, final, _) = RaceTwoIncrements(conditional: true, seed: 5);

        Assert.Equal(["\"written\"", "\"conflict\""], outcomes);
        Assert.Equal("1", final);
    }

    [Fact]
    public void TIME_04_SameSeed_ByteIdenticalTrace()
    {
        Assert.Equal(RaceTwoIncrements(false, 9).Trace, RaceTwoIncrements(false, 9).Trace);
    }

    [Fact]
    public void EnvironmentVariables_TwoSimulationsInOneProcess_NeverSeeEachOthersValues()
    {
        static (Simulation, string) Make(string table)
        {
            var sim = new Simulation(new SimulationOptions { Seed = 1 });
            sim.Lambda.Deploy(new FunctionOptions { FunctionName = "read", Environment = new Dictionary<string, string> { ["TABLE"] = table } },
                HandlerFactory.FromDelegate((string _, ILambdaContext c) => System.Environment.GetEnvironmentVariable("TABLE") ?? "none"));
            return (sim, table);
        }

        var (a, _) = Make("a");
        var (b, _) = Make("b");
        var seen = new[] { a, b, a, b, a }.Select(s => s.Lambda.Invoke("read", "\"\"").Payload ?? "").ToArray();

        Assert.Equal(["\"a\"", "\"b\"", "\"a\"", "\"b\"", "\"a\""], seen);
    }

    [Fact]
    public void TIME_01_DeadlineWhileAwaiting_FreezesTheHandler_LaterCallsNeverReachTheService()
    {
        var sim = WithCounter();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "late", Timeout = TimeSpan.FromSeconds(1) },
            HandlerFactory.FromDelegate(async (string _, ILambdaContext c) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3), sim.Time);
                using var db = new AmazonDynamoDBClient();
                await db.PutItemAsync(new PutItemRequest("counters", new() { ["id"] = new AttributeValue("late"), ["n"] = new AttributeValue { N = "1" } }));
                return "never";
            }));

        var result = sim.Lambda.Invoke("late", "\"\"");
        sim.Run();

        Assert.True(result.TimedOut);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Duration);
        Assert.DoesNotContain(sim.Services.Calls, c => c.Operation == "PutItem");
        Assert.DoesNotContain(sim.Trace.Events, e => e.Kind == TraceKind.InvokeEnd && e.Detail.Contains("never", StringComparison.Ordinal));
    }

    [Fact]
    public void SnsAndEventBridgeClients_AfterTheTimeout_NeverDeliver()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 1 });
        var topic = sim.Services.Sns.CreateTopic("t");
        var queue = sim.Services.Sqs.CreateQueue("sink");
        sim.Services.Sns.Subscribe(topic.Arn, "sqs", queue.Arn);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "pub", Timeout = TimeSpan.FromSeconds(1) },
            HandlerFactory.FromDelegate(async (string _, ILambdaContext c) =>
            {
                var sns = new Course.Sandbox.Clients.SimpleNotificationService.AmazonSimpleNotificationServiceClient();
                for (var i = 0; i < 300; i++)
                {
                    await sns.PublishAsync(topic.Arn, "m" + i);   // 20 ms each: 50 fit in 1 s
                }
                return "done";
            }));

        var result = sim.Lambda.Invoke("pub", "\"\"");
        sim.Run();

        Assert.True(result.TimedOut);
        var published = sim.Services.Calls.Count(c => c.Operation == "Publish");
        Assert.InRange(published, 49, 50);
    }

    [Fact]
    public void SnsFaults_AreInjectedThroughTheEndpoint_FromTheSeed()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 1 });
        var topic = sim.Services.Sns.CreateTopic("t");
        sim.Services.Endpoint.Faults("sns").Script("Publish", Course.Sandbox.Services.Faults.FaultKind.Throttling);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "pub" },
            HandlerFactory.FromDelegate(async (string _, ILambdaContext c) =>
            {
                var sns = new Course.Sandbox.Clients.SimpleNotificationService.AmazonSimpleNotificationServiceClient();
                try { await sns.PublishAsync(topic.Arn, "m"); return "published"; }
                catch (Course.Sandbox.Clients.SimpleNotificationService.Model.ThrottledException) { return "throttled"; }
            }));

        Assert.Equal("\"throttled\"", sim.Lambda.Invoke("pub", "\"\"").Payload);
        Assert.Equal("\"published\"", sim.Lambda.Invoke("pub", "\"\"").Payload);
    }

    [Fact]
    public void Tmp_IsDeletedWhenTheEnvironmentShutsDown()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 1, ApplyEnvironmentVariables = false });
        string? real = null;
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "tmp" }, HandlerFactory.FromDelegate((string _, ILambdaContext c) =>
        {
            real = Course.Sandbox.Hosting.Runtime.SandboxFiles.Map("/tmp/state.txt");
            File.WriteAllText(real, "warm");
            return Course.Sandbox.Hosting.Runtime.SandboxFiles.Unmap(real);
        }));

        Assert.Equal("\"/tmp/state.txt\"", sim.Lambda.Invoke("tmp", "\"\"").Payload);
        Assert.True(File.Exists(real));
        sim.RunFor(TimeSpan.FromHours(1));   // idle past the idle timeout: the environment is reaped

        Assert.False(File.Exists(real));
        Assert.False(real!.StartsWith("/tmp/state", StringComparison.Ordinal));
    }

    [Fact]
    public void ENV_11_SleepsDelaysAwaitedCallsAndWork_AreTheInvocationsDurationAndBill()
    {
        var sim = WithCounter();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "spend", MemorySize = 1769 }, HandlerFactory.FromDelegate(async (string _, ILambdaContext c) =>
        {
            Course.Sandbox.Hosting.Runtime.SandboxClock.Sleep(100);           // what Thread.Sleep(100) becomes in compiled code
            await Task.Delay(TimeSpan.FromMilliseconds(50), sim.Time);
            using var db = new AmazonDynamoDBClient();                         // constructed per invocation: its set-up cost counts too
            await db.GetItemAsync(new GetItemRequest("counters", new() { ["id"] = new AttributeValue("c") }));
            SimulatedWork.Spend(20);                                          // 1 vCPU at 1,769 MB: 20 ms
            return c.RemainingTime.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }));
        sim.Lambda.Invoke("spend", "\"\"");   // cold start out of the way

        var warm = sim.Lambda.Invoke("spend", "\"\"");

        var getItem = sim.Services.Calls.Last(call => call.Operation == "GetItem").Latency;
        var expected = TimeSpan.FromMilliseconds(0.5 + 100 + 50 + 20) + getItem + sim.Options.ColdStart.SdkClientSetup;
        Assert.Equal(expected, warm.Duration);
        Assert.Equal((long)Math.Ceiling(expected.TotalMilliseconds), warm.BilledDurationMs);
        Assert.Equal("\"" + (3000 - expected.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"", warm.Payload);
    }
}
