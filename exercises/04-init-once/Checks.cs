using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Faults;

namespace InitOnce.Checks;

/// <summary>
/// Checks for 04-init-once. Each check seeds the table (TABLE_NAME = items) and sends requests through the engine's
/// HTTP API (GET /items/{id}); the SDK client record comes from the engine's execution environments.
/// </summary>
public static class InitOnceChecks
{
    private const string Table = "items";

    private static readonly (string Id, string Name, decimal Price)[] Items =
    {
        ("7", "desk lamp", 24.5m),
        ("12", "notebook", 3.2m),
        ("31", "standing desk", 419m),
    };

    [Check("gets-item")]
    public static async Task GetsItem(CheckContext ctx)
    {
        Seed(ctx);
        foreach (var (id, name, price) in Items)
        {
            var response = await ctx.HttpAsync("GET", $"/items/{id}");
            RequireNoCrash(response, $"GET /items/{id}");
            CheckContext.Require(response.StatusCode == 200,
                $"GET /items/{id} (an item that exists) answered {response}",
                "200 with the item",
                "look the item up with GetItemAsync on the table named by TABLE_NAME, using the path parameter request.PathParameters[\"id\"]");
            var body = Parse(response.Body);
            var expected = $"{{\"id\":\"{id}\",\"name\":\"{name}\",\"price\":{price.ToString(CultureInfo.InvariantCulture)}}}";
            var ok = body is not null
                     && body["id"]?.GetValueKind() == JsonValueKind.String && body["id"]!.GetValue<string>() == id
                     && body["name"]?.GetValueKind() == JsonValueKind.String && body["name"]!.GetValue<string>() == name
                     && body["price"]?.GetValueKind() == JsonValueKind.Number && body["price"]!.GetValue<decimal>() == price;
            CheckContext.Require(ok,
                $"GET /items/{id} answered 200 with {Cut(response.Body)}",
                $"the item as plain JSON: {expected}",
                "build the body from item[\"id\"].S, item[\"name\"].S and decimal.Parse(item[\"price\"].N): plain values, not DynamoDB's {\"S\":…} wrappers");
        }
    }

    [Check("missing-item-404")]
    public static async Task MissingItem404(CheckContext ctx)
    {
        Seed(ctx);
        var id = ctx.Random.Next(100, 1000).ToString(CultureInfo.InvariantCulture);
        var response = await ctx.HttpAsync("GET", $"/items/{id}");
        RequireNoCrash(response, $"GET /items/{id}");
        CheckContext.Require(response.StatusCode == 404,
            $"GET /items/{id} (no such item in the table) answered {response}",
            "404, so the client knows the item does not exist",
            "when GetItem returns no item (response.Item is null or empty), return StatusCode = 404 with {\"error\":\"item not found\"}");
    }

    [Check("client-in-init")]
    public static async Task ClientInInit(CheckContext ctx)
    {
        Seed(ctx);
        const int requests = 5;
        for (var i = 0; i < requests; i++)
        {
            var response = await ctx.HttpAsync("GET", $"/items/{Items[i % Items.Length].Id}");
            RequireNoCrash(response, $"GET /items/{Items[i % Items.Length].Id}");
        }

        var environments = ctx.Environments;
        var clients = environments.SelectMany(e => e.ClientsCreated.Select(c => (Environment: e.Id, Client: c))).Where(c => c.Client.Service == "dynamodb").ToList();
        var perInvoke = clients.Where(c => c.Client.Phase == "INVOKE").ToList();
        var warm = ctx.Invocations.Where(i => !i.ColdStart).ToList();
        ctx.Note($"{requests} requests, {environments.Count} environment(s); DynamoDB clients created: {clients.Count(c => c.Client.Phase == "INIT")} in INIT, {perInvoke.Count} in INVOKE");
        if (perInvoke.Count > 0)
        {
            var warmMs = warm.Count == 0 ? 0 : warm.Select(i => i.Duration.TotalMilliseconds).OrderBy(d => d).ElementAt(warm.Count / 2);
            var warmCreating = warm.Count(i => perInvoke.Any(c => c.Client.RequestId == i.RequestId));
            throw new CheckFailedException(
                $"{perInvoke.Count} of {requests} invocations created a new AmazonDynamoDBClient while handling the request (engine record of {perInvoke[0].Environment}: phase INVOKE, requests {string.Join(", ", perInvoke.Take(3).Select(c => c.Client.RequestId))}{(perInvoke.Count > 3 ? ", …" : "")}), "
                + $"{warmCreating} of them warm. A warm invocation here took {warmMs.ToString("0.##", CultureInfo.InvariantCulture)} ms (median) with a GetItem, of which 50 ms is the new client: "
                + "every new client resolves credentials and the endpoint and opens a new TLS connection (the simulator models 50 ms; the seed guide estimates 50–200 ms per warm call, AWS publishes no figure)",
                "one DynamoDB client per execution environment, created in INIT (phase INIT) and reused by every warm invocation",
                "move `new AmazonDynamoDBClient()` into a field initialiser or the constructor of Function");
        }

        CheckContext.Require(clients.Count > 0,
            "no AmazonDynamoDBClient was created in any execution environment",
            "one DynamoDB client created in INIT",
            "create the client with `new AmazonDynamoDBClient()` in a field initialiser and use it for GetItemAsync");
    }

    [Check("dynamodb-error-5xx")]
    public static async Task DynamoDbError5xx(CheckContext ctx)
    {
        Seed(ctx);
        var (id, _, _) = Items[0];
        var healthy = await ctx.HttpAsync("GET", $"/items/{id}");
        CheckContext.Require(healthy.StatusCode == 200,
            $"GET /items/{id} (an item that exists, DynamoDB healthy) answered {healthy}",
            "200 before any failure is injected",
            "make task 1 pass first");

        // DynamoDB fails every GetItem for a while (more failures than the SDK has retries).
        ctx.Sim.Services.DynamoDbFaults.Script("GetItem", Enumerable.Repeat(FaultKind.InternalServerError, 10).ToArray());
        var callsBefore = ctx.Trace.OfKind(TraceKind.ServiceCall).Count();
        var response = await ctx.HttpAsync("GET", $"/items/{id}");
        var failedCalls = ctx.Trace.OfKind(TraceKind.ServiceCall).Skip(callsBefore).Count(e => e.Detail.Contains("GetItem", StringComparison.Ordinal) && !e.Detail.Contains("Success", StringComparison.Ordinal));
        CheckContext.Require(failedCalls > 0,
            "the function made no GetItem call while DynamoDB was failing",
            "the function to read the item from DynamoDB on every request",
            "call GetItemAsync on each request (keep only the client in INIT, not the data)");
        CheckContext.Require(response.StatusCode >= 500,
            $"DynamoDB answered InternalServerError to {failedCalls} GetItem attempt(s) (the SDK's retries included) and GET /items/{id} answered {response}",
            "a server error (5xx; an exception that propagates becomes the HTTP API's 500): the item exists, the table is just unavailable, and a 404 or 200 would tell the client something false",
            "do not turn every exception into 404; only an empty GetItem result means \"not found\"");
    }

    private static void Seed(CheckContext ctx)
    {
        ctx.CreateTable(Table, "id");
        foreach (var (id, name, price) in Items)
        {
            ctx.PutItem(Table, $"{{\"id\":{{\"S\":\"{id}\"}},\"name\":{{\"S\":\"{name}\"}},\"price\":{{\"N\":\"{price.ToString(CultureInfo.InvariantCulture)}\"}}}}");
        }
    }

    private static void RequireNoCrash(HttpResult response, string request)
    {
        if (response.FunctionFailed)
        {
            throw new CheckFailedException($"{request}: {response.FailureDescription}, so API Gateway answered 500 Internal Server Error",
                "the function to return a response",
                "run with --logs to see the exception; check that the table name comes from the TABLE_NAME environment variable");
        }
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Cut(string text) => text.Length == 0 ? "(empty)" : text.Length > 200 ? text[..200] + "…" : text;
}
