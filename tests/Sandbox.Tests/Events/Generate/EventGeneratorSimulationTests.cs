using System.Text.Json;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.Core;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Events.Generate;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;

namespace Course.Sandbox.Tests.Events.Generate;

/// <summary>Generated events, made on the simulation's clock and seed, reach typed handlers intact.</summary>
public sealed class EventGeneratorSimulationTests
{
    [Fact]
    public void GeneratedEvents_OnTheSimulationClock_ReachTypedHandlers()
    {
        var sim = TestHandlers.Sim();
        var generator = new EventGenerator(sim.Random, sim.Time);
        var seen = new List<string>();
        void Deploy<TEvent, TResponse>(string name, Func<TEvent, TResponse> handle) =>
            sim.Lambda.Deploy(new FunctionOptions { FunctionName = name }, HandlerFactory.FromDelegate((TEvent e, ILambdaContext c) => handle(e)));

        Deploy("sqs", (SQSEvent e) =>
            new SQSBatchResponse([.. e.Records.Where(r => r.Body == "bad").Select(r => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = r.MessageId })]));
        Deploy("api", (APIGatewayHttpApiV2ProxyRequest e) =>
            new APIGatewayHttpApiV2ProxyResponse { StatusCode = 201, Body = e.RequestContext.Http.Method + " " + e.RawPath + " " + e.Body });
        Deploy("s3", (S3Event e) => { seen.Add(e.Records[0].S3.Bucket.Name + "/" + e.Records[0].S3.Object.Key); return "ok"; });
        Deploy("ddb", (DynamoDBEvent e) => { seen.Add(e.Records[0].EventName + ":" + e.Records[0].Dynamodb.NewImage["Id"].S); return "ok"; });
        Deploy("eb", (CloudWatchEvent<JsonElement> e) => { seen.Add(e.DetailType + ":" + e.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture)); return "ok"; });
        Deploy("sns", (SNSEvent e) => { seen.Add(e.Records[0].Sns.Message); return "ok"; });

        var sqs = sim.Lambda.Invoke("sqs", EventGenerator.Serialize(generator.Sqs(new SqsEventOptions { Bodies = ["good", "bad"] })));
        var api = sim.Lambda.Invoke("api", EventGenerator.Serialize(generator.ApiGatewayHttpApiV2(new ApiGatewayEventOptions { Path = "/orders", Body = "{}" })));
        sim.Lambda.Invoke("s3", generator.GenerateJson("s3"));
        sim.Lambda.Invoke("ddb", generator.GenerateJson("dynamodb"));
        sim.RunFor(TimeSpan.FromMinutes(5));
        sim.Lambda.Invoke("eb", generator.GenerateJson("eventbridge"));
        sim.Lambda.Invoke("sns", generator.GenerateJson("sns"));

        var failures = JsonDocument.Parse(sqs.Payload!).RootElement.GetProperty("batchItemFailures");
        Assert.Equal(1, failures.GetArrayLength());
        Assert.Equal(201, JsonDocument.Parse(api.Payload!).RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("POST /orders {}", JsonDocument.Parse(api.Payload!).RootElement.GetProperty("body").GetString());
        Assert.Equal("example-bucket/test/key", seen[0]);
        Assert.Equal("INSERT:101", seen[1]);
        Assert.StartsWith("Example Event:2026-01-01T00:05:", seen[2], StringComparison.Ordinal);
        Assert.Equal("Hello from SNS!", seen[3]);
    }
}
