using System.Text.Json.Nodes;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.Core;

namespace HelloApi;

/// <summary>POST /users behind an API Gateway HTTP API. Run `./grade exercises/01-hello-api` to check it.</summary>
public class Function
{
    public APIGatewayHttpApiV2ProxyResponse FunctionHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        // TODO (task 4): when request.IsBase64Encoded is true, request.Body is base64 text: decode it first.
        // TODO (task 3): a body that is not JSON makes JsonNode.Parse throw; answer 400 instead of crashing.
        var body = JsonNode.Parse(request.Body ?? "");

        // TODO (task 2): no user_id in the body → 400 with {"error":"user_id required"}.
        var userId = body?["user_id"];

        return new APIGatewayHttpApiV2ProxyResponse
        {
            StatusCode = 200,
            // TODO (task 5): tell the client what the body is: a content-type header of application/json.
            Body = new JsonObject { ["user_id"] = userId?.DeepClone(), ["status"] = "processed" }.ToJsonString(),
        };
    }
}
