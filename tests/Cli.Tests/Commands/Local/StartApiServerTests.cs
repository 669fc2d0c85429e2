using System.Net;
using System.Net.Sockets;
using Course.Cli.Commands.Local;

namespace Course.Cli.Tests.Commands.Local;

public sealed class StartApiServerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("start-api-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              Handler: Api::Api.Function::FunctionHandler
              CodeUri: src/
              Events:
                Get:
                  Type: HttpApi
                  Properties:
                    Path: /orders/{id}
                    Method: get
        """;

    private const string Handler = """
        using Course.Lambda.APIGatewayEvents;
        using Course.Lambda.Core;

        namespace Api;

        public class Function
        {
            public APIGatewayHttpApiV2ProxyResponse FunctionHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
            {
                var id = request.PathParameters["id"];
                if (id == "boom") throw new InvalidOperationException("boom");
                return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = "order " + id, Headers = new Dictionary<string, string> { ["content-type"] = "text/plain" } };
            }
        }
        """;

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public async Task StartApi_ServesRealHttpRequests_ThroughTheSimulatedApi()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "src"));
        File.WriteAllText(Path.Combine(_dir, "src", "Function.cs"), Handler);
        var template = Path.Combine(_dir, "template.yaml");
        File.WriteAllText(template, Template);
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var server = Task.Run(() => StartApiServer.ServeAsync(template, port, [], 1, TextWriter.Synchronized(output), TextWriter.Null, stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        HttpResponseMessage? ok = null;
        for (var attempt = 0; attempt < 100 && ok is null; attempt++)
        {
            try
            {
                ok = await http.GetAsync(new Uri("orders/42", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        Assert.NotNull(ok);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("order 42", await ok.Content.ReadAsStringAsync());
        var failed = await http.GetAsync(new Uri("orders/boom", UriKind.Relative));
        // The server passes on whatever the engine's HTTP API answers for a function error (its APIGW_02 mapping).
        Assert.True((int)failed.StatusCode >= 500, failed.StatusCode.ToString());
        Assert.Contains("nternal", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var missing = await http.GetAsync(new Uri("nothing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await server);
        Assert.Contains("GET /orders/{id} → ", output.ToString(), StringComparison.Ordinal);
    }
}
