using System.CommandLine;
using System.Net;
using System.Text;

namespace Course.Cli.Commands.Local;

/// <summary>
/// <c>course local start-api -t template.yaml [--port 3000]</c>: a real HTTP server on 127.0.0.1 that sends each
/// request to the template's HTTP API in the simulator (route matching, payload format 2.0, the function, and API
/// Gateway's error mapping: 500 on a function error or malformed response, 504 on an integration timeout) and
/// writes the response back. Requests are served one at a time on the simulation's virtual clock.
/// </summary>
internal static class StartApiServer
{
    /// <summary>Builds the <c>start-api</c> command.</summary>
    public static Command Create()
    {
        var template = LocalCommand.TemplateOption();
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 3000 };
        var overrides = LocalCommand.OverridesOption();
        var seed = LocalCommand.SeedOption();
        var command = new Command("start-api", "Serve the template's HTTP API on 127.0.0.1, backed by the simulator") { template, port, overrides, seed };
        command.SetAction((r, ct) => ServeAsync(r.GetValue(template)!, r.GetValue(port), r.GetValue(overrides) ?? [], r.GetValue(seed),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    internal static async Task<int> ServeAsync(string templatePath, int port, string[] overrides, int seed, TextWriter output, TextWriter errors, CancellationToken cancellation)
    {
        LocalStack local;
        try
        {
            local = LocalStack.Deploy(templatePath, overrides, seed);
        }
        catch (LocalInputException e)
        {
            errors.WriteLine(e.Message.Contains(": error: ", StringComparison.Ordinal) ? e.Message : $"error: {e.Message}");
            return 2;
        }
        var (apiId, api) = local.Stack.HttpApis.FirstOrDefault();
        if (api is null)
        {
            errors.WriteLine($"error: {templatePath}: the template has no HTTP API. Fix: add an `HttpApi` event to a function.");
            return 2;
        }
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            errors.WriteLine($"error: cannot listen on 127.0.0.1:{port}: {e.Message}. Fix: choose another --port.");
            return 2;
        }
        output.WriteLine($"{apiId}: serving on http://127.0.0.1:{port}/ (Ctrl+C to stop)");
        foreach (var route in api.Routes)
        {
            output.WriteLine($"  {route.RouteKey} → {route.FunctionName}");
        }
        output.Flush();
        using var stop = cancellation.Register(listener.Stop);
        while (!cancellation.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }
            await ServeOneAsync(local, api, context, output).ConfigureAwait(false);
        }
        return 0;
    }

    private static async Task ServeOneAsync(LocalStack local, Sandbox.Sources.ApiGateway.HttpApi api, HttpListenerContext context, TextWriter output)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, request.ContentEncoding ?? Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }
        var headers = request.Headers.AllKeys.Where(k => k is not null).Select(k => new KeyValuePair<string, string>(k!.ToLowerInvariant(), request.Headers[k] ?? "")).ToList();
        var path = request.Url?.PathAndQuery ?? "/";
        var task = api.SendAsync(request.HttpMethod, path, headers, body.Length == 0 ? null : body);
        local.Simulation.RunUntilComplete(task);
        var response = task.Result;
        context.Response.StatusCode = response.StatusCode;
        foreach (var (k, v) in response.Headers)
        {
            context.Response.Headers[k] = v;
        }
        var bytes = response.BodyBytes;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
        output.WriteLine($"{request.HttpMethod} {path} → {response.StatusCode}");
    }
}
