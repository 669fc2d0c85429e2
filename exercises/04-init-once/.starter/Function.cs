using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.Core;

namespace InitOnce;

/// <summary>GET /items/{id} behind an HTTP API. Run `./grade exercises/04-init-once` to check it.</summary>
public class Function
{
    // TODO (task 3): code here, in field initialisers and the constructor, runs once per execution environment (INIT).

    public async Task<APIGatewayHttpApiV2ProxyResponse> FunctionHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        // TODO (task 3): this creates a new client on every invocation; create it once instead.
        var db = new AmazonDynamoDBClient();
        var table = Environment.GetEnvironmentVariable("TABLE_NAME");
        var id = request.PathParameters?["id"] ?? "";

        var response = await db.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = id } },
        });

        // TODO (task 2): when there is no such item, response.Item is null or empty: answer 404.
        var item = response.Item ?? new Dictionary<string, AttributeValue>();
        var body = new JsonObject
        {
            ["id"] = id,
            ["name"] = item.TryGetValue("name", out var name) ? name.S : null,
            ["price"] = item.TryGetValue("price", out var price) ? decimal.Parse(price.N, CultureInfo.InvariantCulture) : null,
        };

        return new APIGatewayHttpApiV2ProxyResponse
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            Body = body.ToJsonString(),
        };
    }
}
