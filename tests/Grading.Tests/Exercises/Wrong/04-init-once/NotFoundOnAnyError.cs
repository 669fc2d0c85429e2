// expect-fail: dynamodb-error-5xx
// Turns every exception, a DynamoDB outage included, into 404.
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.Core;

namespace InitOnce;

/// <summary>GET /items/{id}: the item from DynamoDB, or 404. The client and the table name are set up once, in INIT.</summary>
public class Function
{
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "items";

    public async Task<APIGatewayHttpApiV2ProxyResponse> FunctionHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        var id = request.PathParameters?["id"] ?? "";
        GetItemResponse response;
        try
        {
        response = await _db.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = id } },
        });
        }
        catch (Exception)
        {
            return Json(404, new JsonObject { ["error"] = "item not found" });
        }

        if (response.Item is not { Count: > 0 } item)
        {
            return Json(404, new JsonObject { ["error"] = "item not found" });
        }

        return Json(200, new JsonObject
        {
            ["id"] = item["id"].S,
            ["name"] = item["name"].S,
            ["price"] = decimal.Parse(item["price"].N, CultureInfo.InvariantCulture),
        });
    }

    private static APIGatewayHttpApiV2ProxyResponse Json(int status, JsonObject body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
        Body = body.ToJsonString(),
    };
}
