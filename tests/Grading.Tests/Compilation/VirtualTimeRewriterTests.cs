using Course.Grading.Compilation;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;

namespace Course.Grading.Tests.Compilation;

/// <summary>Handler code compiled by the grader lives on the simulation's clock (TIME_01, TIME_02) and in its environment's world.</summary>
public sealed class VirtualTimeRewriterTests
{
    private static readonly SourceCompiler Compiler = new();

    private static (Simulation Sim, InvocationResult Result) Run(string body, double timeoutSeconds = 1, string returns = "string",
        string? usings = null, Dictionary<string, string>? variables = null, bool async = false)
    {
        var source = new SourceFile("Function.cs", $$"""
            using System.Diagnostics;
            using Course.Lambda.Core;
            {{usings}}

            public class Function
            {
                public {{(async ? "async Task<" + returns + ">" : returns)}} Handler(string input, ILambdaContext context)
                {
            {{body}}
                }
            }
            """);
        var compiled = Compiler.CompileLearner([source]);
        Assert.True(compiled.Success, compiled.RenderDiagnostics());
        var sim = new Simulation(new SimulationOptions { ApplyEnvironmentVariables = false });
        sim.Lambda.Deploy(new FunctionOptions
        {
            FunctionName = "f",
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            Environment = variables ?? [],
        }, HandlerFactory.FromAssembly(compiled.Assembly!, compiled.Pdb, "Function", "Handler"));
        return (sim, sim.Lambda.Invoke("f", "\"x\""));
    }

    [Fact]
    public void TIME_01_ThreadSleepPastTheTimeout_TimesOutAtExactlyTheLimit()
    {
        var (_, result) = Run("        Thread.Sleep(2000);\n        return \"done\";");

        Assert.True(result.TimedOut);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Duration);
        Assert.Contains("Task timed out after 1.00 seconds", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TIME_01_ThreadSleepWithinTheTimeout_CountsInDurationAndLowersRemainingTime()
    {
        var (_, result) = Run("""
                    var before = context.RemainingTime;
                    Thread.Sleep(300);
                    return $"{before.TotalMilliseconds:0.0}-{context.RemainingTime.TotalMilliseconds:0.0}";
            """, timeoutSeconds: 3);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal("\"2999.5-2699.5\"", result.Payload);
        Assert.Equal(300.5, result.Duration.TotalMilliseconds, 3);
    }

    [Fact]
    public void TIME_01_TaskDelayInAnAsyncHandler_IsSpentOnTheVirtualClock()
    {
        var (_, result) = Run("""
                    await Task.Delay(250);
                    await Task.Delay(TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
                    return "slept";
            """, timeoutSeconds: 3, async: true);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(500.5, result.Duration.TotalMilliseconds, 3);
    }

    [Fact]
    public void TIME_01_TaskDelayPastTheTimeout_TimesOutAtTheLimit()
    {
        var (_, result) = Run("""
                    await Task.Delay(5000);
                    return "never";
            """, timeoutSeconds: 2, async: true);

        Assert.True(result.TimedOut);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Duration);
        Assert.Contains("Task timed out after 2.00 seconds", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TIME_01_BlockingWaitOnADelayInAnAsyncHandler_RunsTheClockInsteadOfHanging()
    {
        var (_, result) = Run("""
                    Task.Delay(100).Wait();
                    await Task.Yield();
                    return Task.Run(() => "ran").Result;
            """, timeoutSeconds: 3, async: true);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal("\"ran\"", result.Payload);
        Assert.Equal(100.5, result.Duration.TotalMilliseconds, 3);
    }

    [Fact]
    public void TIME_02_Clocks_ReadTheSimulationsTime()
    {
        var (sim, result) = Run("""
                    var start = DateTime.UtcNow;
                    var watch = Stopwatch.StartNew();
                    var ticks = Environment.TickCount64;
                    Thread.Sleep(40);
                    return $"{start:O}|{watch.ElapsedMilliseconds}|{Environment.TickCount64 - ticks}|{DateTimeOffset.UtcNow - start}|{TimeProvider.System.GetUtcNow():O}";
            """, timeoutSeconds: 3);

        Assert.True(result.Succeeded, result.ErrorMessage);
        var parts = result.Payload!.Trim('"').Split('|');
        Assert.Equal(result.Start!.Value.AddMilliseconds(0.5).UtcDateTime.ToString("O"), parts[0]);
        Assert.Equal("40", parts[1]);
        Assert.Equal("40", parts[2]);
        Assert.Equal("00:00:00.0400000", parts[3]);
        Assert.Equal((result.Start!.Value + TimeSpan.FromMilliseconds(40.5)).ToString("O"), parts[4]);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), sim.Options.Start);
    }

    [Fact]
    public void EnvironmentVariables_AreTheEnvironmentsOwn_NotTheMachines()
    {
        System.Environment.SetEnvironmentVariable("COURSE_TEST_SECRET", "machine-token");
        try
        {
            var (_, result) = Run("""
                        Environment.SetEnvironmentVariable("SET_BY_HANDLER", "yes");
                        return $"{Environment.GetEnvironmentVariable("TABLE")}|{Environment.GetEnvironmentVariable("COURSE_TEST_SECRET") ?? "none"}|{Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME")}|{Environment.GetEnvironmentVariable("SET_BY_HANDLER")}";
                """, timeoutSeconds: 3, variables: new() { ["TABLE"] = "orders" });

            Assert.True(result.Succeeded, result.ErrorMessage);
            Assert.Equal("\"orders|none|f|yes\"", result.Payload);
            Assert.Null(System.Environment.GetEnvironmentVariable("SET_BY_HANDLER"));
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("COURSE_TEST_SECRET", null);
        }
    }

    [Fact]
    public void UnhandledException_ReportsTheLearnersFileAndLine_AsLambdasDotNetRuntime()
    {
        var (sim, result) = Run("""
                    if (input == "x")
                        throw new InvalidOperationException("no x allowed");
                    return input;
            """, timeoutSeconds: 3);

        Assert.Equal("InvalidOperationException", result.ErrorType);
        Assert.Contains("\"stackTrace\":[\"at Function.Handler(String input, ILambdaContext context) in Function.cs:line 10\"]", result.Payload ?? "", StringComparison.Ordinal);
        var log = sim.Lambda.GetFunction("f").Environments.Single().Log.Events.Select(e => e.Message).Aggregate((a, b) => a + "\n" + b);
        Assert.Contains("fail\tInvalidOperationException: no x allowed\n   at Function.Handler(String input, ILambdaContext context) in Function.cs:line 10", log, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsoleOutput_LandsInTheInvocationsLogStream_BetweenStartAndEnd()
    {
        var (sim, result) = Run("""
                    Console.WriteLine("first");
                    context.Logger.LogInformation("second");
                    Console.Error.WriteLine("third");
                    return "ok";
            """, timeoutSeconds: 3);

        Assert.True(result.Succeeded, result.ErrorMessage);
        var lines = sim.Lambda.GetFunction("f").Environments.Single().Log.Events.Select(e => e.Message).Aggregate((a, b) => a + "\n" + b).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("START", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.StartsWith("END", StringComparison.Ordinal));
        var body = lines[(start + 1)..end];
        Assert.Equal(3, body.Length);
        Assert.EndsWith("\tinfo\tfirst", body[0], StringComparison.Ordinal);
        Assert.EndsWith("\tinfo\tsecond", body[1], StringComparison.Ordinal);
        Assert.EndsWith("\tfail\tthird", body[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_LeavesALearnersOwnSleepMethodAlone()
    {
        var (_, result) = Run("""
                    return Sleep(5000);
                }

                private static string Sleep(int ms) => $"pretend {ms}";

                private static void Unused()
                {
            """, timeoutSeconds: 1, returns: "string");

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal("\"pretend 5000\"", result.Payload);
    }

    [Fact]
    public async Task Tmp_PersistsWhileWarm_IsPerEnvironment_AndGoesWithTheEnvironment()
    {
        var source = new SourceFile("Function.cs", """
            using Course.Lambda.Core;

            public class Function
            {
                public async Task<string> Handler(string input, ILambdaContext context)
                {
                    var seen = File.Exists("/tmp/marker") ? File.ReadAllText("/tmp/marker") : "none";
                    File.WriteAllText("/tmp/marker", context.AwsRequestId);
                    await Task.Delay(100);
                    return seen + "|" + string.Join(",", Directory.GetFiles("/tmp")) + "|" + Path.GetTempPath();
                }
            }
            """);
        var compiled = Compiler.CompileLearner([source]);
        Assert.True(compiled.Success, compiled.RenderDiagnostics());
        var sim = new Simulation(new SimulationOptions { ApplyEnvironmentVariables = false });
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromAssembly(compiled.Assembly!, compiled.Pdb, "Function", "Handler"));

        var first = sim.Lambda.Invoke("f", "\"x\"");
        var warm = sim.Lambda.Invoke("f", "\"x\"");
        var a = sim.Lambda.InvokeAsync("f", "\"x\"");   // two at once: the second gets a new environment
        var b = sim.Lambda.InvokeAsync("f", "\"x\"");
        sim.Run();

        Assert.Equal("\"none|/tmp/marker|/tmp/\"", first.Payload);
        Assert.Equal($"\"{first.RequestId}|/tmp/marker|/tmp/\"", warm.Payload);
        Assert.StartsWith($"\"{warm.RequestId}|", (await a).Payload, StringComparison.Ordinal);
        Assert.Equal("\"none|/tmp/marker|/tmp/\"", (await b).Payload);   // the new environment's /tmp is empty
        Assert.DoesNotContain(Directory.GetFiles("/tmp"), f => f == "/tmp/marker" && File.ReadAllText(f) == first.RequestId);
    }

    [Fact]
    public void Tmp_WritePastTheEphemeralStorageSize_FailsAsAFullDisk()
    {
        var (_, result) = Run("""
                    using var stream = File.Create("/tmp/big.bin");
                    stream.Write(new byte[1024], 0, 1024);
                    try
                    {
                        stream.SetLength(600L * 1024 * 1024);
                        return "grew";
                    }
                    catch (IOException e)
                    {
                        return e.Message;
                    }
            """, timeoutSeconds: 3);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal("\"No space left on device : '/tmp/big.bin'\"", result.Payload);
    }
}
