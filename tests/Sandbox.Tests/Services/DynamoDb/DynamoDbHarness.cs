using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Course.Sandbox.Services.DynamoDb;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.DynamoDb;

/// <summary>A sandbox DynamoDB behind its wire endpoint, and a real SDK client routed to it in process.</summary>
internal sealed class DynamoDbHarness : IDisposable
{
    public DynamoDbHarness(int shards = 4, int seed = 7)
    {
        Service = new DynamoDbService(Clock, new DynamoDbServiceOptions { StreamShardCount = shards });
        Faults = new FaultInjector(new Random(seed));
        Wire = new DynamoDbWireService(Service, Faults, Observer);
        Factory = new SandboxHttpClientFactory(Wire);
        Client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("AKIASANDBOXEXAMPLE", "sandbox-secret"),
            new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.USEast1, HttpClientFactory = Factory, MaxErrorRetry = 0 });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public DynamoDbService Service { get; }

    public FaultInjector Faults { get; }

    public RecordingObserver Observer { get; } = new();

    public DynamoDbWireService Wire { get; }

    public SandboxHttpClientFactory Factory { get; }

    public AmazonDynamoDBClient Client { get; }

    public Task<CreateTableResponse> CreateTableAsync(string name, string hashKey = "pk", string? rangeKey = null,
        string hashType = "S", string rangeType = "S", string? streamViewType = null)
    {
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement(hashKey, KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition(hashKey, hashType)],
        };
        if (rangeKey is not null)
        {
            request.KeySchema.Add(new KeySchemaElement(rangeKey, KeyType.RANGE));
            request.AttributeDefinitions.Add(new AttributeDefinition(rangeKey, rangeType));
        }

        if (streamViewType is not null)
        {
            request.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = streamViewType };
        }

        return Client.CreateTableAsync(request);
    }

    public void Dispose() => Client.Dispose();

    public static AttributeValue S(string s) => new() { S = s };

    public static AttributeValue N(string n) => new() { N = n };

    internal sealed class RecordingObserver : IServiceCallObserver
    {
        public List<ServiceCall> Calls { get; } = [];

        public void OnCall(ServiceCall call)
        {
            lock (Calls)
            {
                Calls.Add(call);
            }
        }
    }
}
