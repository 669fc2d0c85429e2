using System.Text.Json;
using Course.Lambda.Core;
using Course.Lambda.DynamoDBEvents;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Services.DynamoDb.Streams;
using Course.Sandbox.Sources.DynamoDb;

namespace Course.Sandbox.Tests.Sources.DynamoDb;

/// <summary>A simulation with a table whose stream feeds a function through a DynamoDB Streams mapping.</summary>
internal sealed class StreamHarness
{
    public StreamHarness(Func<DynamoDBEvent, ILambdaContext, StreamsEventResponse?> handler, DynamoDbEventSourceOptions options,
        int seed = 1, int? reservedConcurrency = null, bool withDestination = true, bool createMapping = true)
    {
        Sim = TestHandlers.Sim(seed);
        Sim.Services.DynamoDb.Invoke("CreateTable", Json("""
            {"TableName":"orders","BillingMode":"PAY_PER_REQUEST",
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
             "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}}
            """));
        Stream = Sim.Services.DynamoDb.GetStream("orders")!;
        Destination = new RecordingTarget(Sim, "arn:aws:sqs:us-east-1:123456789012:stream-failures");
        if (withDestination)
        {
            options.OnFailure ??= Destination;
        }
        Sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769, ReservedConcurrentExecutions = reservedConcurrency },
            HandlerFactory.FromDelegate((DynamoDBEvent e, ILambdaContext c) =>
            {
                Batches.Add((Sim.Time.QueueTime, e.Records.Select(r => r.Dynamodb.Keys["pk"].S + "#" + r.Dynamodb.Keys["sk"].N).ToList()));
                return handler(e, c);
            }));
        if (createMapping)
        {
            Mapping = DynamoDbEventSourceMapping.Create(Sim, Stream, "f", options);
        }
    }

    public Simulation Sim { get; }

    public DynamoDbStream Stream { get; }

    public DynamoDbEventSourceMapping Mapping { get; } = null!;

    public RecordingTarget Destination { get; }

    /// <summary>Every batch the handler saw: when, and the items as "pk#sk".</summary>
    public List<(DateTimeOffset At, List<string> Items)> Batches { get; } = [];

    /// <summary>Writes an item (a stream record) now.</summary>
    public void Put(string pk, int sk, string? data = null) =>
        Sim.Services.DynamoDb.Invoke("PutItem", Json(
            "{\"TableName\":\"orders\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "\"},\"data\":{\"S\":\"" + (data ?? "x") + "\"}}}"));

    /// <summary>The shard a partition key's records land in.</summary>
    public string ShardOf(string pk)
    {
        var before = Stream.ShardIds.ToDictionary(id => id, id => Stream.GetRecords(Stream.TrimHorizon(id), 10_000).Records.Count);
        Put(pk, -1);
        return Stream.ShardIds.First(id => Stream.GetRecords(Stream.TrimHorizon(id), 10_000).Records.Count > before[id]);
    }

    public static string Item(DynamoDBEvent.DynamodbStreamRecord r) => r.Dynamodb.Keys["pk"].S + "#" + r.Dynamodb.Keys["sk"].N;

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
