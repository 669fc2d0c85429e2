// expect-fail: invalid-json
// Lets JsonException escape: the HTTP API answers 500 Internal Server Error.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.Core;

namespace HelloApi;

/// <summary>POST /users: answers {"user_id", "status":"processed"}, or 400 with an error.</summary>
public class Function
{
    public APIGatewayHttpApiV2ProxyResponse FunctionHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        var text = request.Body ?? "";
        if (request.IsBase64Encoded)
        {
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                return Json(400, Error("body is not valid base64"));
            }
        }

        JsonNode? body;
        body = JsonNode.Parse(text);

        if (body is not JsonObject fields || fields["user_id"] is not { } userId)
        {
            return Json(400, Error("user_id required"));
        }

        context.Logger.LogLine($"processed user {userId.ToJsonString()}");
        return Json(200, new JsonObject { ["user_id"] = userId.DeepClone(), ["status"] = "processed" });
    }

    private static JsonObject Error(string message) => new() { ["error"] = message };

    private static APIGatewayHttpApiV2ProxyResponse Json(int status, JsonObject body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
        Body = body.ToJsonString(),
    };
}
