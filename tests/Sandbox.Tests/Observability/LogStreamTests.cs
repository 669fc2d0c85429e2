using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;

namespace Course.Sandbox.Tests.Observability;

public class LogStreamTests
{
    [Fact]
    public void ENV_05_ReportLines_HaveAwsFormat_AndOnlyTheColdStartHasInitDuration()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromDelegate((string e, ILambdaContext c) =>
        {
            c.Logger.LogInformation("hello " + e);
            return e;
        }));
        var ids = Enumerable.Range(0, 3).Select(i => sim.Lambda.Invoke("f", $"\"{i}\"").RequestId).ToList();
        var lines = sim.Lambda.GetFunction("f").Environments.Single().Log.Events.Select(e => e.Message).ToList();

        Assert.Matches(@"^INIT_START Runtime Version: dotnet:8\.v1\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$", lines[0]);
        Assert.Equal($"START RequestId: {ids[0]} Version: $LATEST", lines[1]);
        Assert.Equal($"2026-01-01T00:00:00.235Z\t{ids[0]}\tinfo\thello 0", lines[2]);
        Assert.Equal($"END RequestId: {ids[0]}", lines[3]);
        Assert.Equal($"REPORT RequestId: {ids[0]}\tDuration: 0.50 ms\tBilled Duration: 236 ms\tMemory Size: 128 MB\tMax Memory Used: 62 MB\tInit Duration: 235.00 ms", lines[4]);
        var reports = lines.Where(l => l.StartsWith("REPORT", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reports.Count);
        Assert.Single(reports, r => r.Contains("Init Duration", StringComparison.Ordinal));
        Assert.Equal($"REPORT RequestId: {ids[2]}\tDuration: 0.50 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 62 MB", reports[2]);
    }

    [Fact]
    public void ENV_06_BilledDuration_IsRoundedUpToTheMillisecond()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1769 }, TestHandlers.Work(10.2));
        sim.Lambda.Invoke("f", "{}");
        var warm = sim.Lambda.Invoke("f", "{}");
        Assert.Equal(TimeSpan.FromMilliseconds(10.7), warm.Duration);
        Assert.Equal(11, warm.BilledDurationMs);
    }

    [Fact]
    public void ENV_04_InitDuration_IsBilledOnColdStarts()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, TestHandlers.Echo);
        var cold = sim.Lambda.Invoke("f", "{}");
        Assert.Equal(236, cold.BilledDurationMs);   // 235 ms INIT + 0.5 ms handler, rounded up
    }

    [Fact]
    public void StaticLambdaLogger_WritesToTheCurrentInvocationsStream()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromDelegate((string e, ILambdaContext c) =>
        {
            LambdaLogger.Log("plain line\n");
            return e;
        }));
        sim.Lambda.Invoke("f", "\"x\"");
        Assert.Contains(sim.Lambda.GetFunction("f").Environments[0].Log.Events, l => l.Message == "plain line");
    }

    [Fact]
    public void Trace_SameSeedAndInputs_IsIdenticalText()
    {
        static string RunOnce()
        {
            var sim = TestHandlers.Sim(seed: 9);
            sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, TestHandlers.Throws());
            sim.Lambda.Deploy(new FunctionOptions { FunctionName = "g" }, TestHandlers.Work(20));
            sim.Lambda.InvokeAsync("f", "{}", Course.Sandbox.Invocation.InvocationType.Event);
            for (var i = 0; i < 5; i++)
            {
                sim.Lambda.InvokeAsync("g", "{}");
            }
            sim.Run();
            return sim.Trace + "\n" + string.Join('\n', sim.Lambda.Functions.Values.SelectMany(f => f.Environments).SelectMany(e => e.Log.Events).Select(e => e.Message));
        }
        Assert.Equal(RunOnce(), RunOnce());
    }
}

public class RecordingLevelTests
{
    [Fact]
    public void Summary_SkipsRoutineLinesOfSuccessfulWarmInvocations_ButKeepsErrorsAndRecords()
    {
        var sim = TestHandlers.Sim(configure: o => o.Recording = Course.Sandbox.Observability.RecordingLevel.Summary);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "ok" }, TestHandlers.Echo);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "bad" }, TestHandlers.Throws());
        for (var i = 0; i < 3; i++)
        {
            sim.Lambda.Invoke("ok", "{}");
        }
        sim.Lambda.Invoke("bad", "{}");
        sim.Lambda.Invoke("bad", "{}");
        var okLog = sim.Lambda.GetFunction("ok").Environments[0].Log.Events;
        Assert.Single(okLog, e => e.Message.StartsWith("REPORT", StringComparison.Ordinal));   // only the cold start
        Assert.Equal(2, sim.Lambda.GetFunction("bad").Environments[0].Log.Events.Count(e => e.Message.StartsWith("REPORT", StringComparison.Ordinal)));
        Assert.Equal(5, sim.Lambda.Invocations.Count);
    }
}
