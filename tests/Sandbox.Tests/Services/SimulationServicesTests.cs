using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Tests.Services;

public class SimulationServicesTests
{
    /// <summary>Creates its client in INIT, as AWS recommends.</summary>
    public sealed class InitClientHandler
    {
        private readonly AmazonDynamoDBClient _db = new();

        public async Task<string> Handle(string id, ILambdaContext context)
        {
            var item = await _db.GetItemAsync(new GetItemRequest("items", new() { ["id"] = new AttributeValue(id) }));
            return item.IsItemSet ? item.Item["name"].S : "missing";
        }
    }

    /// <summary>Creates a client on every invocation (the mistake exercise 04 catches).</summary>
    public sealed class PerInvokeClientHandler
    {
        public async Task<string> Handle(string id, ILambdaContext context)
        {
            using var db = new AmazonDynamoDBClient();
            var item = await db.GetItemAsync(new GetItemRequest("items", new() { ["id"] = new AttributeValue(id) }));
            return item.IsItemSet ? item.Item["name"].S : "missing";
        }
    }

    private static Simulation WithTable()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 3 });
        sim.Services.DynamoDb.Invoke("CreateTable", """
            {"TableName":"items","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
             "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
            """);
        sim.Services.DynamoDb.Invoke("PutItem", """{"TableName":"items","Item":{"id":{"S":"7"},"name":{"S":"lamp"}}}""");
        return sim;
    }

    [Fact]
    public void Handler_UsingTheRealSdkWithNoArguments_ReachesTheSandboxTable_AndPaysModelledLatency()
    {
        var sim = WithTable();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "get", MemorySize = 512 }, HandlerFactory.FromType(typeof(InitClientHandler), "Handle"));
        var cold = sim.Lambda.Invoke("get", "\"7\"");
        var warm = sim.Lambda.Invoke("get", "\"8\"");
        Assert.Equal("\"lamp\"", cold.Payload);
        Assert.Equal("\"missing\"", warm.Payload);
        Assert.Equal(TimeSpan.FromMilliseconds(4.5), warm.Duration);   // 0.5 ms runtime overhead + GetItem 4 ms
        var calls = sim.Trace.OfKind(TraceKind.ServiceCall).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.StartsWith("dynamodb.GetItem", c.Detail, StringComparison.Ordinal));
        Assert.Equal(warm.Start!.Value.AddMilliseconds(0.5), calls[1].Time);
    }

    [Fact]
    public void ClientsCreated_TellsInitClientsFromPerInvokeClients()
    {
        var sim = WithTable();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "good" }, HandlerFactory.FromType(typeof(InitClientHandler), "Handle"));
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "bad" }, HandlerFactory.FromType(typeof(PerInvokeClientHandler), "Handle"));
        for (var i = 0; i < 3; i++)
        {
            sim.Lambda.Invoke("good", "\"7\"");
            sim.Lambda.Invoke("bad", "\"7\"");
        }
        var good = sim.Lambda.GetFunction("good").Environments.Single().ClientsCreated;
        var bad = sim.Lambda.GetFunction("bad").Environments.Single().ClientsCreated;
        Assert.Equal(["INIT"], good.Select(c => c.Phase));
        Assert.Equal(["INVOKE", "INVOKE", "INVOKE"], bad.Select(c => c.Phase));
        Assert.All(bad, c => Assert.Equal("dynamodb", c.Service));
    }

    [Fact]
    public void LIM_01_CallAfterTheTimeout_NeverReachesTheService()
    {
        var sim = WithTable();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "slow", Timeout = TimeSpan.FromSeconds(1), MemorySize = 1769 },
            HandlerFactory.FromDelegate(async (string id, ILambdaContext c) =>
            {
                using var db = new AmazonDynamoDBClient();
                SimulatedWork.Spend(949.4);   // 0.5 ms overhead + 50 ms client setup + 949.4 ms: 0.1 ms left
                await db.PutItemAsync(new PutItemRequest("items", new() { ["id"] = new AttributeValue("late"), ["name"] = new AttributeValue("x") }));
                await db.PutItemAsync(new PutItemRequest("items", new() { ["id"] = new AttributeValue("later"), ["name"] = new AttributeValue("y") }));
                return "done";
            }));
        var result = sim.Lambda.Invoke("slow", "\"x\"");
        Assert.True(result.TimedOut);
        var names = sim.Services.DynamoDb.Invoke("Scan", """{"TableName":"items"}""");
        Assert.Contains("\"late\"", names, StringComparison.Ordinal);        // started before the deadline
        Assert.DoesNotContain("\"later\"", names, StringComparison.Ordinal); // would have run after it
    }
}
