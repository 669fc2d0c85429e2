using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Hosting.Runtime;

namespace Course.Sandbox.Tests.Hosting.Runtime;

/// <summary>
/// The members compiled handler code calls instead of Stopwatch, the clock and Environment (TIME_01, TIME_02): inside
/// an invocation they read and spend the simulation's virtual time and the environment's own variables.
/// </summary>
public sealed class SandboxRuntimeTests
{
    /// <summary>Times a 250 ms sleep with the stopwatch, then sleeps 100 ms more while it is stopped.</summary>
    public sealed class Timed
    {
        public string Handle(string input, ILambdaContext context)
        {
            var started = SandboxClock.UtcNow;
            var watch = SandboxStopwatch.StartNew();
            SandboxClock.Sleep(250);
            watch.Stop();
            SandboxClock.Sleep(100);
            var timestamp = SandboxStopwatch.GetTimestamp();
            SandboxClock.Sleep(TimeSpan.FromMilliseconds(40));
            return $"{watch.ElapsedMilliseconds} {watch.IsRunning} {(SandboxClock.UtcNow - started).TotalMilliseconds} {SandboxStopwatch.GetElapsedTime(timestamp).TotalMilliseconds}";
        }
    }

    [Fact]
    public void TIME_01_TIME_02_TheStopwatchAndTheClock_MeasureTheVirtualSleeps_AndTheInvocationIsBilledForThem()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromType(typeof(Timed), nameof(Timed.Handle)));

        var result = sim.Lambda.Invoke("f", "\"x\"");

        Assert.Equal("\"250 False 390 40\"", result.Payload);
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(390), $"duration {result.Duration}");
        Assert.True(result.BilledDurationMs >= 390, $"billed {result.BilledDurationMs} ms");
    }

    [Fact]
    public void Stopwatch_RestartAndReset_FollowSystemDiagnosticsStopwatch()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromDelegate((string e, ILambdaContext c) =>
        {
            var watch = SandboxStopwatch.StartNew();
            SandboxClock.Sleep(30);
            watch.Stop();
            watch.Start();                 // resumes: keeps the 30 ms
            SandboxClock.Sleep(20);
            var resumed = watch.ElapsedMilliseconds;
            watch.Reset();                 // stops and zeroes
            SandboxClock.Sleep(10);
            var afterReset = watch.ElapsedMilliseconds;
            watch.Restart();
            SandboxClock.Sleep(5);
            return $"{resumed} {afterReset} {watch.ElapsedMilliseconds} {SandboxStopwatch.Frequency}";
        }));

        Assert.Equal("\"50 0 5 10000000\"", sim.Lambda.Invoke("f", "\"x\"").Payload);
    }

    [Fact]
    public void Environment_HandlerCodeSeesItsEnvironmentsVariables_AndItsOwnSetsStayInThatEnvironment()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "vars", Environment = { ["TABLE"] = "orders" } }, HandlerFactory.FromDelegate((string e, ILambdaContext c) =>
        {
            var seen = SandboxEnvironment.GetEnvironmentVariable("COUNTER") ?? "none";
            SandboxEnvironment.SetEnvironmentVariable("COUNTER", e);
            return $"{SandboxEnvironment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME")} {SandboxEnvironment.GetEnvironmentVariable("TABLE")} {seen}";
        }));

        Assert.Equal("\"vars orders none\"", sim.Lambda.Invoke("vars", "\"1\"").Payload);
        Assert.Equal("\"vars orders 1\"", sim.Lambda.Invoke("vars", "\"2\"").Payload);   // same warm environment
        Assert.Null(Environment.GetEnvironmentVariable("COUNTER"));                        // never the process's
    }
}
