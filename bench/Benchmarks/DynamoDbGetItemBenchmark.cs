using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Course.Sandbox.Services.DynamoDb;
using Course.Sandbox.Services.Wire;

namespace Benchmarks;

/// <summary>
/// One GetItem through the real AWS SDK client (marshalling, signing, pipeline, unmarshalling) against the
/// sandbox's DynamoDB over the in-process HTTP handler. Target: median at most 1 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DynamoDbGetItemBenchmark
{
    private AmazonDynamoDBClient _client = null!;
    private readonly Dictionary<string, AttributeValue> _key = new() { ["pk"] = new AttributeValue { S = "customer-42" } };

    [GlobalSetup]
    public void Setup()
    {
        var service = new DynamoDbService(new FixedClock());
        var factory = new SandboxHttpClientFactory(new DynamoDbWireService(service));
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("AKIASANDBOXEXAMPLE", "sandbox-secret"),
            new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.USEast1, HttpClientFactory = factory });
        _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "Customers",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        }).GetAwaiter().GetResult();
        _client.PutItemAsync("Customers", new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "customer-42" },
            ["name"] = new() { S = "Ada" },
            ["orders"] = new() { N = "17" },
            ["tags"] = new() { SS = ["gold", "eu"] },
        }).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark]
    public async Task<string> GetItem()
    {
        var response = await _client.GetItemAsync("Customers", _key);
        return response.Item["name"].S;
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
