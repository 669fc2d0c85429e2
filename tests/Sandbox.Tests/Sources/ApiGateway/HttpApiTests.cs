using System.Text.Json;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Sources.ApiGateway;

namespace Course.Sandbox.Tests.Sources.ApiGateway;

public class HttpApiTests
{
    private static readonly DateTimeOffset T0 = TestHandlers.T0;

    private static (Simulation Sim, HttpApi Api, List<APIGatewayHttpApiV2ProxyRequest> Seen) Orders(HttpApiOptions? options = null)
    {
        var sim = TestHandlers.Sim();
        var seen = new List<APIGatewayHttpApiV2ProxyRequest>();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "orders" }, HandlerFactory.FromDelegate((APIGatewayHttpApiV2ProxyRequest r, ILambdaContext c) =>
        {
            seen.Add(r);
            return new APIGatewayHttpApiV2ProxyResponse
            {
                StatusCode = 201,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["x-route"] = r.RouteKey },
                Cookies = ["session=abc; Secure"],
                Body = "{\"id\":\"" + (r.PathParameters?["id"] ?? "new") + "\"}",
            };
        }));
        var api = new HttpApi(sim, options);
        api.AddRoute("POST /orders", "orders");
        api.AddRoute("GET /items/{id}", "orders");
        api.AddRoute("$default", "orders");
        return (sim, api, seen);
    }

    [Fact]
    public void APIGW_01_Request_IsShapedLikePayloadFormat20()
    {
        var (_, api, seen) = Orders();
        var response = api.Send("GET", "/items/42?tag=a&tag=b&q=x%20y",
            [new("Accept", "application/json"), new("X-Multi", "1"), new("x-multi", "2"), new("Cookie", "c1=v1; c2=v2"), new("User-Agent", "test/1.0")]);

        Assert.Equal(201, response.StatusCode);
        var r = Assert.Single(seen);
        Assert.Equal("2.0", r.Version);
        Assert.Equal("GET /items/{id}", r.RouteKey);
        Assert.Equal("/items/42", r.RawPath);
        Assert.Equal("tag=a&tag=b&q=x%20y", r.RawQueryString);
        Assert.Equal(["c1=v1", "c2=v2"], r.Cookies);
        Assert.Equal("application/json", r.Headers["accept"]);
        Assert.Equal("1,2", r.Headers["x-multi"]);
        Assert.False(r.Headers.ContainsKey("cookie"));
        Assert.All(r.Headers.Keys, k => Assert.Equal(k.ToLowerInvariant(), k));
        Assert.Equal("a,b", r.QueryStringParameters["tag"]);
        Assert.Equal("x y", r.QueryStringParameters["q"]);
        Assert.Equal("42", r.PathParameters["id"]);
        Assert.Equal("GET", r.RequestContext.Http.Method);
        Assert.Equal("/items/42", r.RequestContext.Http.Path);
        Assert.Equal("HTTP/1.1", r.RequestContext.Http.Protocol);
        Assert.Equal("test/1.0", r.RequestContext.Http.UserAgent);
        Assert.Equal("203.0.113.10", r.RequestContext.Http.SourceIp);
        Assert.Equal(response.RequestId, r.RequestContext.RequestId);
        Assert.Equal(T0.ToUnixTimeMilliseconds(), r.RequestContext.TimeEpoch);
        Assert.Equal("01/Jan/2026:00:00:00 +0000", r.RequestContext.Time);
        Assert.Equal("$default", r.RequestContext.Stage);
        Assert.Null(r.Body);
        Assert.False(r.IsBase64Encoded);
    }

    [Fact]
    public void APIGW_01_RawEvent_HasTheFixtureMembers()
    {
        var sim = TestHandlers.Sim();
        string? raw = null;
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "raw" }, HandlerFactory.FromDelegate((JsonElement e, ILambdaContext c) =>
        {
            raw = e.GetRawText();
            return "ok";
        }));
        var api = new HttpApi(sim);
        api.AddRoute("POST /orders", "raw");
        api.Send("POST", "/orders", [new("content-type", "application/json")], "{\"n\":1}");

        using var document = JsonDocument.Parse(raw!);
        var root = document.RootElement;
        foreach (var member in new[] { "version", "routeKey", "rawPath", "rawQueryString", "headers", "requestContext", "body", "isBase64Encoded" })
        {
            Assert.True(root.TryGetProperty(member, out _), member);
        }

        var http = root.GetProperty("requestContext").GetProperty("http");
        Assert.Equal("POST", http.GetProperty("method").GetString());
        Assert.Equal("{\"n\":1}", root.GetProperty("body").GetString());
        Assert.Equal("7", root.GetProperty("headers").GetProperty("content-length").GetString());
        Assert.False(root.TryGetProperty("pathParameters", out _));
    }

    [Fact]
    public void APIGW_01_Routes_MostSpecificWins_DefaultCatchesTheRest()
    {
        var (_, api, seen) = Orders();
        api.AddRoute("ANY /items/{proxy+}", "orders");
        api.AddRoute("GET /items/special", "orders");

        api.Send("GET", "/items/special");
        api.Send("GET", "/items/7");
        api.Send("GET", "/items/7/parts/3");
        api.Send("POST", "/orders", body: "{}");
        api.Send("DELETE", "/nowhere");

        Assert.Equal(["GET /items/special", "GET /items/{id}", "ANY /items/{proxy+}", "POST /orders", "$default"], seen.Select(r => r.RouteKey));
        Assert.Equal("7/parts/3", seen[2].PathParameters["proxy"]);
    }

    [Fact]
    public void APIGW_01_NoRouteAndNoDefault_Is404()
    {
        var sim = TestHandlers.Sim();
        var api = new HttpApi(sim);
        api.AddRoute("GET /a", "f");
        var response = api.Send("GET", "/b");
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("{\"message\":\"Not Found\"}", response.Body);
    }

    [Fact]
    public void APIGW_01_Latency_IsTheFunctionsTime_AndIsTraced()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "slow", MemorySize = 1769 }, TestHandlers.Work(100));
        var api = new HttpApi(sim, new HttpApiOptions { ApiId = "abc123" });
        api.AddRoute("GET /slow", "slow");

        var cold = api.Send("GET", "/slow");
        var warm = api.Send("GET", "/slow");

        Assert.Equal(TimeSpan.FromMilliseconds(235 + 0.5 + 100), cold.Latency);   // INIT, invoke overhead, handler
        Assert.Equal(TimeSpan.FromMilliseconds(100.5), warm.Latency);
        var outcomes = sim.Trace.For("abc123").Where(e => e.Kind == TraceKind.SourceOutcome).ToList();
        Assert.Equal(["GET /slow → 200 in 335.5 ms", "GET /slow → 200 in 100.5 ms"], outcomes.Select(e => e.Detail));
        Assert.Equal(T0.AddMilliseconds(335.5), outcomes[0].Time);
    }

    [Fact]
    public void APIGW_02_FunctionError_Is500InternalServerError_AndNotRetried()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "bad" }, TestHandlers.Throws());
        var api = new HttpApi(sim);
        api.AddRoute("$default", "bad");

        var response = api.Send("GET", "/");
        sim.Run();

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("{\"message\":\"Internal Server Error\"}", response.Body);
        Assert.Single(sim.Trace.OfKind(TraceKind.InvokeStart));
        Assert.Empty(sim.Trace.OfKind(TraceKind.RetryScheduled));
    }

    [Theory]
    [InlineData("{\"statusCode\":\"abc\"}")]
    [InlineData("{\"statusCode\":200,\"body\":{\"not\":\"a string\"}}")]
    [InlineData("{\"statusCode\":200,\"headers\":[\"x\"]}")]
    [InlineData("{\"statusCode\":0}")]
    [InlineData("{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}")]
    public void APIGW_02_MalformedResponse_Is500InternalServerError(string payload)
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromDelegate((JsonElement e, ILambdaContext c) => JsonDocument.Parse(payload).RootElement));
        var api = new HttpApi(sim);
        api.AddRoute("$default", "f");
        var response = api.Send("GET", "/");
        Assert.Equal(500, response.StatusCode);
        Assert.Equal("{\"message\":\"Internal Server Error\"}", response.Body);
    }

    [Theory]
    [InlineData(500, "{\"message\":\"Internal Server Error\"}")]
    [InlineData(429, "{\"message\":\"Too Many Requests\"}")]
    public void APIGW_02_ThrottledInvoke_Is500_Or429WhenConfigured(int configured, string body)
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "off", ReservedConcurrentExecutions = 0 }, TestHandlers.Echo);
        var api = new HttpApi(sim, new HttpApiOptions { ThrottleStatusCode = configured });
        api.AddRoute("$default", "off");

        var response = api.Send("GET", "/");

        Assert.Equal(configured, response.StatusCode);
        Assert.Equal(body, response.Body);
        Assert.Equal(TimeSpan.Zero, response.Latency);
        Assert.Single(sim.Trace.OfKind(TraceKind.Throttle), e => e.Source == api.ApiId);
        Assert.Equal(500, new HttpApiOptions().ThrottleStatusCode);
    }

    [Fact]
    public void APIGW_02_IntegrationTimeout_Is504At30Seconds_WhileTheFunctionRunsOn()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "long", MemorySize = 1769, Timeout = TimeSpan.FromSeconds(60) }, TestHandlers.Work(40_000));
        var api = new HttpApi(sim);
        api.AddRoute("$default", "long");

        var task = api.SendAsync("GET", "/");
        sim.Run();
        var response = task.Result;

        Assert.Equal(504, response.StatusCode);
        Assert.Equal("{\"message\":\"Service Unavailable\"}", response.Body);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Latency);
        var end = Assert.Single(sim.Trace.OfKind(TraceKind.InvokeEnd));
        Assert.Equal(T0.AddMilliseconds(235 + 40_000.5), end.Time);   // the function still finished, later
        Assert.Contains(sim.Trace.For(api.ApiId), e => e.Kind == TraceKind.Note && e.Detail.Contains("discarded", StringComparison.Ordinal));
    }

    [Fact]
    public void APIGW_02_IntegrationTimeout_IsConfigurable()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769, Timeout = TimeSpan.FromSeconds(10) }, TestHandlers.Work(3_000));
        var api = new HttpApi(sim, new HttpApiOptions { IntegrationTimeout = TimeSpan.FromSeconds(2) });
        api.AddRoute("$default", "f");
        var response = api.Send("GET", "/");
        Assert.Equal(504, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Latency);
    }

    [Fact]
    public void APIGW_02_FunctionTimeout_BeforeTheIntegrationTimeout_Is500()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769, Timeout = TimeSpan.FromSeconds(3) }, TestHandlers.Work(5_000));
        var api = new HttpApi(sim);
        api.AddRoute("$default", "f");
        var response = api.Send("GET", "/");
        Assert.Equal(500, response.StatusCode);
        Assert.Equal("{\"message\":\"Internal Server Error\"}", response.Body);
        Assert.Equal(TimeSpan.FromMilliseconds(3_235), response.Latency);
    }

    [Fact]
    public void APIGW_03_ExplicitResponse_IsPassedThrough()
    {
        var (_, api, _) = Orders();
        var response = api.Send("POST", "/orders", body: "{}");
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("{\"id\":\"new\"}", response.Body);
        Assert.Equal("application/json", response.Headers["content-type"]);
        Assert.Equal("POST /orders", response.Headers["x-route"]);
        Assert.Equal(["session=abc; Secure"], response.Cookies);
        Assert.False(response.IsBase64Encoded);
    }

    [Fact]
    public void APIGW_03_PlainObject_IsWrappedAs200Json()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromDelegate((JsonElement e, ILambdaContext c) => new { id = 7, name = "lamp" }));
        var api = new HttpApi(sim);
        api.AddRoute("$default", "f");
        var response = api.Send("GET", "/");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.Headers["content-type"]);
        Assert.Equal("{\"id\":7,\"name\":\"lamp\"}", response.Body);
    }

    [Fact]
    public void APIGW_03_PlainString_IsTheBody()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromDelegate((JsonElement e, ILambdaContext c) => "hello"));
        var api = new HttpApi(sim);
        api.AddRoute("$default", "f");
        var response = api.Send("GET", "/");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("\"hello\"", response.Body);
    }

    [Fact]
    public void APIGW_03_Base64Body_IsDecodedForTheClient()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromDelegate((APIGatewayHttpApiV2ProxyRequest r, ILambdaContext c) =>
            new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = r.Body, IsBase64Encoded = r.IsBase64Encoded }));
        var api = new HttpApi(sim);
        api.AddRoute("$default", "f");
        var response = api.Send("PUT", "/bin", body: Convert.ToBase64String([1, 2, 255]), isBase64Encoded: true);
        Assert.True(response.IsBase64Encoded);
        Assert.Equal(new byte[] { 1, 2, 255 }, response.BodyBytes);
    }

    [Theory]
    [InlineData("GET items")]
    [InlineData("FETCH /items")]
    [InlineData("GET /items/{proxy+}/more")]
    [InlineData("GET /items/x{id}")]
    public void AddRoute_InvalidKey_IsBadRequest(string key)
    {
        var api = new HttpApi(TestHandlers.Sim());
        var e = Assert.Throws<HttpApiException>(() => api.AddRoute(key, "f"));
        Assert.Equal("BadRequestException", e.ErrorCode);
    }

    [Fact]
    public void Options_OutOfRange_AreRejectedTogether()
    {
        var e = Assert.Throws<HttpApiException>(() => new HttpApi(TestHandlers.Sim(), new HttpApiOptions { IntegrationTimeout = TimeSpan.FromSeconds(31), ThrottleStatusCode = 503 }));
        Assert.Contains("TimeoutInMillis", e.Message, StringComparison.Ordinal);
        Assert.Contains("ThrottleStatusCode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APIGW_03_Response_AsHttpResponseMessage()
    {
        var (_, api, _) = Orders();
        using var message = api.Send("POST", "/orders", body: "{}").ToHttpResponseMessage();
        Assert.Equal(System.Net.HttpStatusCode.Created, message.StatusCode);
        Assert.Equal("application/json", message.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["session=abc; Secure"], message.Headers.GetValues("set-cookie"));
        Assert.Equal("{\"id\":\"new\"}", await message.Content.ReadAsStringAsync());
    }
}
