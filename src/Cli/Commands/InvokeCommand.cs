using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Course.Grading.Compilation;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;
using Course.Sandbox.Pricing;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course invoke &lt;handler.cs&gt; --event &lt;file.json&gt; [--type T] [--method M] [--times N] [--concurrency C]
/// [--memory MB] [--timeout S] [--seed S] [--format text|json]</c>: compiles the file with Roslyn, deploys it in a fresh
/// simulation, invokes it and prints the function's log lines and what the run cost. Exit codes: 0 every invocation
/// succeeded, 1 some failed, 2 bad input (compile errors, missing files, malformed JSON, unknown handler).
/// </summary>
internal static class InvokeCommand
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <summary>Builds the <c>invoke</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("handler.cs") { Description = "The C# file holding the handler class" };
        var eventFile = new Option<string>("--event") { Description = "The event JSON file to send", Required = true };
        var type = new Option<string?>("--type") { Description = "The handler class (with namespace); default: the one public class with the method" };
        var method = new Option<string>("--method") { Description = "The handler method", DefaultValueFactory = _ => "FunctionHandler" };
        var times = new Option<int>("--times") { Description = "How many invocations", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "How many invocations at once", DefaultValueFactory = _ => 1 };
        var memory = new Option<int>("--memory") { Description = "Memory in MB (128–10240)", DefaultValueFactory = _ => 128 };
        var timeout = new Option<int>("--timeout") { Description = "Timeout in seconds (1–900)", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Simulation seed", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        var env = new Option<string[]>("--env") { Description = "An environment variable for the function, KEY=VALUE (repeat for more)", AllowMultipleArgumentsPerToken = false };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("invoke", "Compile a handler, run it in the simulated Lambda, print its logs and cost")
        {
            file, eventFile, type, method, times, concurrency, memory, timeout, seed, format, env,
        };
        command.SetAction(result => Run(new Settings(
            result.GetValue(file)!, result.GetValue(eventFile)!, result.GetValue(type), result.GetValue(method)!,
            result.GetValue(times), result.GetValue(concurrency), result.GetValue(memory), result.GetValue(timeout),
            result.GetValue(seed), result.GetValue(format)!) { Environment = result.GetValue(env) ?? [] }));
        return command;
    }

    internal sealed record Settings(string File, string EventFile, string? Type, string Method, int Times, int Concurrency,
        int Memory, int Timeout, int Seed, string Format)
    {
        /// <summary>The function's environment variables as given on the command line (<c>KEY=VALUE</c> each).</summary>
        public IReadOnlyList<string> Environment { get; init; } = [];
    }

    /// <summary>Parses <c>--env KEY=VALUE</c> values (a later KEY wins).</summary>
    internal static Dictionary<string, string> ParseEnvironment(IReadOnlyList<string> values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? value[..eq] : "";
            if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_') || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new InvokeInputException($"--env '{value}': expected KEY=VALUE, where KEY starts with a letter and has only letters, digits and _ (Lambda's rule for variable names), e.g. --env TABLE_NAME=orders.");
            }

            result[key] = value[(eq + 1)..];
        }

        return result;
    }

    internal static int Run(Settings s, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        try
        {
            return RunCore(s, output);
        }
        catch (InvokeInputException e)
        {
            errors.WriteLine($"invoke: {e.Message}");
            return 2;
        }
    }

    private static int RunCore(Settings s, TextWriter output)
    {
        if (s.Times < 1)
        {
            throw new InvokeInputException("--times must be at least 1.");
        }
        if (s.Concurrency < 1)
        {
            throw new InvokeInputException("--concurrency must be at least 1.");
        }
        _ = ParseEnvironment(s.Environment);
        var source = ReadFile(s.File, "handler file");
        var payload = ReadFile(s.EventFile, "event file");
        try
        {
            using var _ = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw new InvokeInputException($"{s.EventFile}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: the event is not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd()}). Fix the JSON, or generate a sample with `{CliName.Command("events generate apigw")}`.");
        }

        var handler = CompileHandler(s.File, source, s.Type, s.Method);
        var sim = new Simulation(new SimulationOptions { Seed = s.Seed });
        var options = new FunctionOptions
        {
            FunctionName = Path.GetFileNameWithoutExtension(s.File) is { Length: > 0 } n && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? n : "handler",
            MemorySize = s.Memory,
            Timeout = TimeSpan.FromSeconds(s.Timeout),
            Environment = ParseEnvironment(s.Environment),
        };
        LambdaFunction function;
        try
        {
            function = sim.Lambda.Deploy(options, handler);
        }
        catch (HandlerBindingException e)
        {
            throw new InvokeInputException(e.Message);
        }
        catch (LambdaException e)
        {
            throw new InvokeInputException($"{e.ErrorCode}: {e.Message}. Fix --memory / --timeout.");
        }

        var results = new List<InvocationResult>();
        while (results.Count < s.Times)
        {
            var batch = Enumerable.Range(0, Math.Min(s.Concurrency, s.Times - results.Count))
                .Select(_ => sim.Lambda.InvokeAsync(function.Name, payload)).ToList();
            sim.Run();
            results.AddRange(batch.Select(t => t.Result));
        }

        var cost = new CostModel(PriceSheet.UsEast1).Summarize(sim.Lambda.Invocations);
        var logs = function.Environments.SelectMany(e => e.Log.Events).OrderBy(e => e.Time).ToList();
        if (s.Format == "json")
        {
            WriteJson(output, results, logs, cost);
        }
        else
        {
            WriteText(output, function, results, logs, cost);
        }
        return results.All(r => r.Succeeded) ? 0 : 1;
    }

    /// <summary>Compiles a learner's handler file as the grader does (safety rules, virtual time) and binds its handler.</summary>
    internal static HandlerFactory CompileHandler(string file, string source, string? type, string method)
    {
        var compiled = new SourceCompiler().CompileLearner([new SourceFile(file.Replace('\\', '/'), source)], "Handler");
        if (!compiled.Success)
        {
            throw new InvokeInputException($"{file} does not compile:\n\n{compiled.RenderDiagnostics()}");
        }
        var typeName = type ?? FindHandlerType(compiled.Assembly!, method, file);
        try
        {
            return HandlerFactory.FromAssembly(compiled.Assembly!, compiled.Pdb, typeName, method);
        }
        catch (HandlerBindingException e)
        {
            throw new InvokeInputException(e.Message);
        }
    }

    private static string FindHandlerType(byte[] image, string method, string file)
    {
        var candidates = HandlerTypes.Find(image, method);
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new InvokeInputException($"{file} has no public class with a public method '{method}'. Fix: name the method with --method, or make the class and method public."),
            _ => throw new InvokeInputException($"{file} has several classes with a method '{method}' ({string.Join(", ", candidates)}). Fix: choose one with --type."),
        };
    }

    internal static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvokeInputException($"cannot read the {what} '{path}': {e.Message}");
        }
    }

    private static void WriteText(TextWriter output, LambdaFunction function, List<InvocationResult> results, IReadOnlyList<Sandbox.Observability.LogEvent> logs, CostSummary cost)
    {
        foreach (var line in logs)
        {
            output.WriteLine(line.Message);
        }
        output.WriteLine();
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var status = r.Succeeded ? "ok" : r.Throttled ? "throttled (429)" : $"error {r.ErrorType}";
            output.WriteLine($"#{i + 1} {status}{(r.InitDuration is null ? "" : ", cold start")}: {Truncate(r.Payload ?? "null", 200)}");
        }
        var ran = results.Where(r => !r.Throttled && r.Start is not null).Select(r => r.Duration.TotalMilliseconds).Order().ToList();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count(results.Count, "invocation")}, {Count(results.Count(r => r.InitDuration is not null), "cold start")}, {Count(results.Count(r => !r.Succeeded && !r.Throttled), "error")}, {Count(results.Count(r => r.Throttled), "throttle")}; duration p50 {Percentile(ran, 0.5):0.00} ms, p99 {Percentile(ran, 0.99):0.00} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cost (us-east-1 prices of {cost.PricesAsOf:yyyy-MM-dd}, no free tier): {Count((int)cost.Requests, "request")} ${cost.RequestCost:0.00000000} + {cost.GbSeconds:0.######} GB-s ${cost.ComputeCost:0.00000000} = ${cost.Total:0.00000000}"));
        var measured = function.Environments.Select(e => e.MeasuredInitWallTime.TotalMilliseconds).ToList();
        if (measured.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(measured on this machine, not simulated: your INIT code took {measured.Max():0.0} ms of real time)"));
        }
    }

    private static void WriteJson(TextWriter output, List<InvocationResult> results, IReadOnlyList<Sandbox.Observability.LogEvent> logs, CostSummary cost)
    {
        var document = new
        {
            invocations = results.Select(r => new
            {
                requestId = r.RequestId,
                statusCode = r.StatusCode,
                functionError = r.FunctionError,
                errorType = r.ErrorType,
                payload = r.Payload,
                coldStart = r.InitDuration is not null,
                durationMs = r.Duration.TotalMilliseconds,
                billedDurationMs = r.BilledDurationMs,
                initDurationMs = r.InitDuration?.TotalMilliseconds,
            }),
            logs = logs.Select(l => new { time = Sandbox.Observability.LogStream.Timestamp(l.Time), message = l.Message }),
            cost = new { requests = cost.Requests, gbSeconds = cost.GbSeconds, requestCost = cost.RequestCost, computeCost = cost.ComputeCost, total = cost.Total, pricesAsOf = cost.PricesAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        };
        output.WriteLine(JsonSerializer.Serialize(document, IndentedJson));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"1 invocation", "2 invocations".</summary>
    internal static string Count(int n, string one) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : one + "s")}");

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    /// <summary>Bad input to <c>invoke</c> or <c>load</c>: printed without a stack trace, exit code 2.</summary>
    internal sealed class InvokeInputException(string message) : Exception(message);
}
