using System.Text.Json;
using Course.Lambda.Core;
using Course.Sandbox.Clients.EventBridge;
using Course.Sandbox.Clients.EventBridge.Model;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.EventBridge;

namespace Course.Sandbox.Tests.Clients.EventBridge;

public class AmazonEventBridgeClientTests
{
    private static readonly DateTimeOffset T0 = TestHandlers.T0;

    [Fact]
    public void EB_04_HandlerPutEvents_WithANewClient_ReachesTheSimulation()
    {
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("placed");
        sim.Services.EventBridge.CreateEventBus("shop");
        sim.Services.EventBridge.PutRule("placed", """{"detail-type":["Order Placed"]}""", eventBusName: "shop");
        sim.Services.EventBridge.PutTargets("placed", [new RuleTarget { Id = "q", Arn = queue.Arn }], "shop");
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "checkout", MemorySize = 1769 }, HandlerFactory.FromDelegate(async (Dictionary<string, string> e, ILambdaContext c) =>
        {
            SimulatedWork.Spend(40);
            using var client = new AmazonEventBridgeClient();
            var response = await client.PutEventsAsync(new PutEventsRequest
            {
                Entries =
                [
                    new PutEventsRequestEntry { Source = "com.example.shop", DetailType = "Order Placed", Detail = $$"""{"orderId":"{{e["id"]}}"}""", EventBusName = "shop" },
                    new PutEventsRequestEntry { Source = "com.example.shop", DetailType = "Order Placed", Detail = "not json", EventBusName = "shop" },
                ],
            });
            return $"{response.FailedEntryCount}:{response.Entries[0].EventId is not null}:{response.Entries[1].ErrorCode}";
        }));

        var result = sim.Lambda.Invoke("checkout", """{"id":"o-7"}""");
        sim.Run();

        Assert.Equal("\"1:True:MalformedDetail\"", result.Payload);
        var message = Assert.Single(queue.Messages);
        Assert.Equal(T0.AddMilliseconds(235 + 0.5 + 40), message.SentTimestamp);   // put 40 ms into the cold invocation
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal("o-7", body.RootElement.GetProperty("detail").GetProperty("orderId").GetString());
        Assert.Contains(sim.Trace.OfKind(TraceKind.ServiceCall), e => e.Detail.StartsWith("events.PutEvents", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMilliseconds(0.5 + 40 + 25), result.Duration);   // the call's modelled latency is the handler's time
    }

    [Fact]
    public async Task PutEvents_TooManyEntries_ThrowsValidationException()
    {
        var sim = TestHandlers.Sim();
        using var client = new AmazonEventBridgeClient(sim.Services.EventBridge);
        var request = new PutEventsRequest
        {
            Entries = [.. Enumerable.Range(0, 11).Select(i => new PutEventsRequestEntry { Source = "s", DetailType = "t", Detail = "{}" })],
        };
        var e = await Assert.ThrowsAsync<AmazonEventBridgeException>(() => client.PutEventsAsync(request));
        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
    }

    [Fact]
    public async Task NewClient_OutsideASimulation_SaysWhatToDo()
    {
        using var client = new AmazonEventBridgeClient();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PutEventsAsync(new PutEventsRequest()));
        Assert.Contains("AWSSDK", e.Message, StringComparison.Ordinal);
    }
}
