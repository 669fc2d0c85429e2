using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;

namespace HelloApi.Checks;

/// <summary>
/// Checks for 01-hello-api: every request goes through the engine's HTTP API (POST /users) to the function.
/// Each failure's next step is chosen from what was observed (threw, wrong status, wrong body, not decoded).
/// </summary>
public static class HelloApiChecks
{
    private static readonly Dictionary<string, string> JsonRequest = new() { ["content-type"] = "application/json" };

    [Check("processes-user")]
    public static async Task ProcessesUser(CheckContext ctx)
    {
        var userId = $"u-{ctx.Random.Next(100, 1000)}";
        var request = $"POST /users {{\"user_id\":\"{userId}\"}}";
        var response = await ctx.HttpAsync("POST", "/users", $"{{\"user_id\":\"{userId}\"}}", JsonRequest);
        RequireNoCrash(response, request, "read user_id from the parsed body and return a response; run with --logs to see where it threw");
        CheckContext.Require(response.StatusCode == 200,
            $"{request} answered {response}",
            "status 200",
            response.StatusCode == 400
                ? "this body has a user_id, so it is valid: only answer 400 when user_id is missing or the body is not JSON"
                : $"set StatusCode = 200 (not {response.StatusCode}) for a valid request");
        var body = ParseObject(response.Body);
        CheckContext.Require(body?["user_id"]?.GetValueKind() == JsonValueKind.String && body["user_id"]!.GetValue<string>() == userId
                             && body["status"]?.GetValueKind() == JsonValueKind.String && body["status"]!.GetValue<string>() == "processed",
            $"the 200 body was {Cut(response.Body)}",
            $"{{\"user_id\":\"{userId}\",\"status\":\"processed\"}}",
            body is null
                ? "serialize a JSON object into Body, e.g. new JsonObject { [\"user_id\"] = …, [\"status\"] = \"processed\" }.ToJsonString()"
                : body["user_id"]?.ToJsonString() != $"\"{userId}\""
                    ? $"copy the request's user_id (\"{userId}\") into the response unchanged"
                    : "set \"status\" to the string \"processed\" exactly");
    }

    [Check("missing-user-id")]
    public static async Task MissingUserId(CheckContext ctx)
    {
        foreach (var payload in new[] { "{}", "{\"name\":\"ada\"}", "{\"user_id\":null}" })
        {
            var request = $"POST /users {payload}";
            var response = await ctx.HttpAsync("POST", "/users", payload, JsonRequest);
            RequireNoCrash(response, request, "test body?[\"user_id\"] for null before using it, and return 400 when it is");
            var body = ParseObject(response.Body);
            var rightBody = body?["error"]?.GetValueKind() == JsonValueKind.String && body["error"]!.GetValue<string>() == "user_id required";
            CheckContext.Require(response.StatusCode == 400,
                $"{request} answered {response}",
                "400 {\"error\":\"user_id required\"}",
                response.StatusCode == 200
                    ? "check for user_id before answering 200: when it is missing or null, return 400 instead"
                    : rightBody
                        ? $"the body is right; set StatusCode = 400 (not {response.StatusCode})"
                        : "return StatusCode = 400 with the body {\"error\":\"user_id required\"} when user_id is missing or null");
            CheckContext.Require(rightBody,
                $"{request} answered 400 with the body {Cut(response.Body)}",
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
            if (response.FunctionFailed)
            {
                var parseError = response.Invocation?.CatchableErrorType == "JsonException";
                throw new CheckFailedException(
                    $"POST /users with {what} ({(payload is null ? "null" : $"'{payload}'")}): {response.FailureDescription}, so API Gateway answered 500 Internal Server Error",
                    "400 with an {\"error\":…} JSON body: a bad request is the client's mistake, not a server failure",
                    parseError
                        ? "wrap the parsing in try { … } catch (JsonException) { … } and return StatusCode = 400 from the catch"
                        : payload is null
                            ? "treat a missing body (request.Body is null) like a body that is not JSON: return StatusCode = 400"
                            : "run with --logs to see where it threw, and return StatusCode = 400 for a body you cannot read");
            }

            CheckContext.Require(response.StatusCode == 400,
                $"POST /users with {what} answered {response}",
                "400 with an {\"error\":…} JSON body",
                $"answer StatusCode = 400 (not {response.StatusCode}) when the body cannot be parsed as JSON");
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
        var request = $"POST /users with isBase64Encoded: true and the body {encoded} (base64 of {json})";
        var expected = $"200 {{\"user_id\":\"{userId}\",\"status\":\"processed\"}}";
        var response = await ctx.HttpAsync("POST", "/users", encoded, new Dictionary<string, string> { ["content-type"] = "application/octet-stream" }, base64: true);
        if (response.FunctionFailed)
        {
            var type = response.Invocation?.CatchableErrorType;
            throw new CheckFailedException($"{request}: {response.FailureDescription}, so API Gateway answered 500", expected,
                type == "JsonException"
                    ? "the body is base64 text, not JSON: when request.IsBase64Encoded is true, decode it with Convert.FromBase64String and Encoding.UTF8.GetString before parsing"
                    : type == "FormatException"
                        ? "decode request.Body itself (the base64 text) once, and only when request.IsBase64Encoded is true"
                        : "the decoded body is a valid request: run with --logs to see where the handler threw after decoding");
        }

        var body = ParseObject(response.Body);
        if (response.StatusCode == 200 && body?["user_id"]?.GetValueKind() == JsonValueKind.String && body["user_id"]!.GetValue<string>() == userId)
        {
            return;
        }

        throw new CheckFailedException($"{request} answered {response}", expected, response.StatusCode switch
        {
            400 => "the handler rejected the body: when request.IsBase64Encoded is true, decode request.Body with Convert.FromBase64String and Encoding.UTF8.GetString before parsing",
            200 => $"after decoding, answer as in task 1: the response's user_id must be \"{userId}\"",
            _ => $"the decoded body is a valid request: answer it as in task 1, with StatusCode = 200 (not {response.StatusCode})",
        });
    }

    [Check("json-content-type")]
    public static async Task JsonContentType(CheckContext ctx)
    {
        foreach (var (payload, what) in new[] { ("{\"user_id\":\"u-1\"}", "a valid request"), ("{}", "a request without user_id"), ("{oops", "a body that is not JSON") })
        {
            var response = await ctx.HttpAsync("POST", "/users", payload, JsonRequest);
            if (response.FunctionFailed)
            {
                continue; // a crash is the other checks' business; nothing here to judge
            }

            var type = response.Headers.TryGetValue("content-type", out var value) ? value : null;
            CheckContext.Require(type is not null && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase),
                $"the response to {what} ({response.StatusCode}) had {(type is null ? "no content-type header" : $"content-type {type}")}",
                "content-type: application/json on every JSON response",
                type is null
                    ? "set Headers = new Dictionary<string, string> { [\"content-type\"] = \"application/json\" } on each response, the 400s included"
                    : $"change the content-type header from {type} to application/json");
        }
    }

    private static void RequireNoCrash(HttpResult response, string request, string nextStep)
    {
        if (response.FunctionFailed)
        {
            throw new CheckFailedException($"{request}: {response.FailureDescription}, so API Gateway answered 500 Internal Server Error",
                "the function to return a response", nextStep);
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
