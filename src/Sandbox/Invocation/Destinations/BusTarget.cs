using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Functions;
using Course.Sandbox.Services.EventBridge;

namespace Course.Sandbox.Invocation.Destinations;

/// <summary>Puts the invocation record on an EventBridge bus as Lambda does (source <c>lambda</c>).</summary>
internal sealed class BusTarget(Simulation sim, EventBus bus) : IAsyncTarget
{
    public string Arn => bus.Arn;

    public void Deliver(AsyncDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        JsonNode? record;
        try
        {
            record = JsonNode.Parse(delivery.Body);
        }
        catch (JsonException)
        {
            record = null;
        }

        var context = record?["requestContext"];
        var success = context?["condition"]?.GetValue<string>() == "Success";
        var functionArn = context?["functionArn"]?.GetValue<string>();
        var detail = record as JsonObject ?? new JsonObject { ["body"] = delivery.Body };
        var resources = new List<string> { bus.Arn };
        if (functionArn is not null)
        {
            resources.Add(functionArn);
        }

        sim.Services.EventBridge.PutEvent(bus, "lambda",
            success ? "Lambda Function Invocation Result - Success" : "Lambda Function Invocation Result - Failure",
            detail, resources);
    }
}
