using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;

namespace HelloApi.Checks;

/// <summary>Checks for 01-hello-api: every request goes through the engine's HTTP API (POST /users) to the function.</summary>
public static class HelloApiChecks
{
    private static readonly Dictionary<string, string> JsonRequest = new() { ["content-type"] = "application/json" };

    [Check("processes-user")]
    public static async Task ProcessesUser(CheckContext ctx)
    {
        var userId = $"u-{ctx.Random.Next(100, 1000)}";
        var response = await ctx.HttpAsync("POST", "/users", $"{{\"user_id\":\"{userId}\"}}", JsonRequest);
        RequireNoCrash(response, $"POST /users {{\"user_id\":\"{userId}\"}}");
        CheckContext.Require(response.StatusCode == 200,
            $"POST /users {{\"user_id\":\"{userId}\"}} answered {response}",
            "status 200",
            "return StatusCode = 200 when the body has a user_id");
        var body = ParseObject(response.Body);
        CheckContext.Require(body?["user_id"]?.GetValueKind() == JsonValueKind.String && body["user_id"]!.GetValue<string>() == userId
                             && body["status"]?.GetValueKind() == JsonValueKind.String && body["status"]!.GetValue<string>() == "processed",
            $"the 200 body was {Cut(response.Body)}",
            $"{{\"user_id\":\"{userId}\",\"status\":\"processed\"}}",
            "serialize an object with the request's user_id and \"status\":\"processed\" into Body");
    }

    [Check("missing-user-id")]
    public static async Task MissingUserId(CheckContext ctx)
    {
        foreach (var payload in new[] { "{}", "{\"name\":\"ada\"}", "{\"user_id\":null}" })
        {
            var response = await ctx.HttpAsync("POST", "/users", payload, JsonRequest);
            RequireNoCrash(response, $"POST /users {payload}");
            CheckContext.Require(response.StatusCode == 400,
                $"POST /users {payload} answered {response}",
                "400 {\"error\":\"user_id required\"}",
                "check for user_id before answering, and return StatusCode = 400 when it is missing or null");
            var body = ParseObject(response.Body);
            CheckContext.Require(body?["error"]?.GetValueKind() == JsonValueKind.String && body["error"]!.GetValue<string>() == "user_id required",
                $"POST /users {payload} answered 400 with the body {Cut(response.Body)}",
                "the body {\"error\":\"user_id required\"}",
                "set Body to {\"error\":\"user_id required\"} exactly");
        }
    }

    [Check("invalid-json")]
    public static async Task InvalidJson(CheckContext ctx)
    {
        foreach (var (payload, what) in new[] { ("{\"user_id\": ", "a truncated JSON body"), ("user_id=u-1", "a form-encoded body"), ((string?)null, "no body at all") })
        {
            var response = await ctx.HttpAsync("POST", "/users", payload, JsonRequest);
            if (response.StatusCode == 502)
            {
                var error = response.Invocation?.ErrorType is { } type ? $"the function threw {type}" : "the function failed";
                throw new CheckFailedException(
                    $"POST /users with {what} ({(payload is null ? "null" : $"'{payload}'")}): {error}, so API Gateway answered 502 Internal Server Error",
                    "400 with an {\"error\":…} JSON body: a bad request is the client's mistake, not a server crash",
                    "wrap the JSON parsing in try/catch (JsonException) and return StatusCode = 400");
            }

            CheckContext.Require(response.StatusCode == 400,
                $"POST /users with {what} answered {response}",
                "400 with an {\"error\":…} JSON body",
                "return StatusCode = 400 when the body cannot be parsed as JSON");
            CheckContext.Require(ParseObject(response.Body)?["error"]?.GetValueKind() == JsonValueKind.String,
                $"POST /users with {what} answered 400 with the body {Cut(response.Body)}",
                "a JSON body with an \"error\" message, e.g. {\"error\":\"body must be JSON\"}",
                "set Body to a JSON object with an error field");
        }
    }

    [Check("base64-body")]
    public static async Task Base64Body(CheckContext ctx)
    {
        var userId = $"u-{ctx.Random.Next(100, 1000)}";
        var json = $"{{\"user_id\":\"{userId}\"}}";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        var response = await ctx.HttpAsync("POST", "/users", encoded, new Dictionary<string, string> { ["content-type"] = "application/octet-stream" }, base64: true);
        CheckContext.Require(response.StatusCode != 502,
            $"POST /users with isBase64Encoded: true and the body {encoded} (base64 of {json}): the function threw {response.Invocation?.ErrorType ?? "an exception"}, so API Gateway answered 502",
            $"200 {{\"user_id\":\"{userId}\",\"status\":\"processed\"}}",
            "the body is base64 text, not JSON: when request.IsBase64Encoded is true, decode it with Convert.FromBase64String and Encoding.UTF8.GetString before parsing");
        var body = ParseObject(response.Body);
        CheckContext.Require(response.StatusCode == 200 && body?["user_id"]?.GetValueKind() == JsonValueKind.String && body["user_id"]!.GetValue<string>() == userId,
            $"POST /users with isBase64Encoded: true and the body {encoded} (base64 of {json}) answered {response}",
            $"200 {{\"user_id\":\"{userId}\",\"status\":\"processed\"}}",
            "when request.IsBase64Encoded is true, decode request.Body with Convert.FromBase64String and Encoding.UTF8.GetString before parsing");
    }

    [Check("json-content-type")]
    public static async Task JsonContentType(CheckContext ctx)
    {
        foreach (var (payload, what) in new[] { ("{\"user_id\":\"u-1\"}", "a valid request"), ("{}", "a request without user_id"), ("{oops", "a body that is not JSON") })
        {
            var response = await ctx.HttpAsync("POST", "/users", payload, JsonRequest);
            if (response.StatusCode == 502)
            {
                continue; // a crash is the invalid-json check's business; nothing here to judge
            }

            var type = response.Headers.TryGetValue("content-type", out var value) ? value : null;
            CheckContext.Require(type is not null && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase),
                $"the response to {what} ({response.StatusCode}) had {(type is null ? "no content-type header" : $"content-type {type}")}",
                "content-type: application/json on every JSON response",
                "set Headers = new Dictionary<string, string> { [\"content-type\"] = \"application/json\" } on each response, the 400s included");
        }
    }

    private static void RequireNoCrash(HttpResult response, string request)
    {
        if (response.StatusCode == 502)
        {
            var error = response.Invocation?.ErrorType is { } type ? $"the function threw {type}" : "the function failed or returned a malformed response";
            throw new CheckFailedException($"{request}: {error}, so API Gateway answered 502 Internal Server Error",
                "the function to return a response",
                "run with --logs to see the exception, and make the handler return instead of throwing");
        }
    }

    private static JsonObject? ParseObject(string text)
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
