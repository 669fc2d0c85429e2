using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Tests.Invocation;

public class SyncInvokeTests
{
    [Fact]
    public void SYNC_01_FunctionError_IsReturnedToTheCaller_AndNeverRetried()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, TestHandlers.Throws("bad input"));
        var result = sim.Lambda.Invoke("f", "{}");
        sim.Run();
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("InvalidOperationException", result.ErrorType);
        Assert.Equal("""{"errorType":"InvalidOperationException","errorMessage":"bad input"}""", result.Payload);
        Assert.Single(sim.Lambda.Invocations);
        Assert.Empty(sim.Trace.OfKind(TraceKind.RetryScheduled));
    }

    [Fact]
    public void LIM_01_Timeout_EndsAtTheTimeout_WithAwsMessage_AndResetsTheEnvironment()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", Timeout = TimeSpan.FromSeconds(3) }, TestHandlers.Work(5_000));
        var first = sim.Lambda.Invoke("f", "{}");
        Assert.True(first.TimedOut);
        Assert.Equal("Sandbox.Timedout", first.ErrorType);
        Assert.Equal($"RequestId: {first.RequestId} Error: Task timed out after 3.00 seconds", first.ErrorMessage);
        Assert.Equal(first.Start!.Value.AddSeconds(3), first.End);
        var log = sim.Lambda.GetFunction("f").Environments[0].Log.Events.Select(e => e.Message).ToList();
        Assert.Contains(log, l => l.EndsWith($"{first.RequestId} Task timed out after 3.00 seconds", StringComparison.Ordinal));
        Assert.EndsWith("Status: timeout", log[^1], StringComparison.Ordinal);

        var second = sim.Lambda.Invoke("f", "{}");
        Assert.NotNull(second.InitDuration);            // the environment was reset: cold again
        Assert.NotEqual(first.EnvironmentId, second.EnvironmentId);
    }

    [Fact]
    public void LIM_01_Timeout_StopsTheHandler_SoLaterSideEffectsNeverHappen()
    {
        var sim = TestHandlers.Sim();
        var reached = false;
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", Timeout = TimeSpan.FromSeconds(1) },
            HandlerFactory.FromDelegate((string e, ILambdaContext c) =>
            {
                SimulatedWork.Spend(2_000);
                reached = true;
                return "x";
            }));
        Assert.True(sim.Lambda.Invoke("f", "\"go\"").TimedOut);
        Assert.False(reached);
    }

    [Fact]
    public void LIM_03_SyncPayload_Over6MB_IsRejectedWith413()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, TestHandlers.Echo);
        var payload = "\"" + new string('a', Limits.MaxSyncPayloadBytes) + "\"";
        var result = sim.Lambda.Invoke("f", payload);
        Assert.Equal(413, result.StatusCode);
        Assert.Equal("RequestEntityTooLargeException", result.ErrorType);
        Assert.Empty(sim.Lambda.Invocations);
    }

    [Fact]
    public void LIM_03_SyncResponse_Over6MB_IsAFunctionError()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1024 },
            HandlerFactory.FromDelegate((string e, ILambdaContext c) => new string('z', Limits.MaxSyncPayloadBytes + 1)));
        var result = sim.Lambda.Invoke("f", "\"go\"");
        Assert.Equal("Function.ResponseSizeTooLarge", result.ErrorType);
    }

    [Fact]
    public void RemainingTime_ReadsTheModelledClock()
    {
        var sim = TestHandlers.Sim();
        var seen = new List<TimeSpan>();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", Timeout = TimeSpan.FromSeconds(10), MemorySize = 1769 },
            HandlerFactory.FromDelegate((string e, ILambdaContext c) =>
            {
                seen.Add(c.RemainingTime);
                SimulatedWork.Spend(2_500);
                seen.Add(c.RemainingTime);
                return "ok";
            }));
        sim.Lambda.Invoke("f", "\"go\"");
        Assert.Equal([TimeSpan.FromMilliseconds(9_999.5), TimeSpan.FromMilliseconds(7_499.5)], seen);
    }

    [Fact]
    public void InvokeUnknownFunction_Returns404ResourceNotFound()
    {
        var result = TestHandlers.Sim().Lambda.Invoke("nope", "{}");
        Assert.Equal(404, result.StatusCode);
        Assert.Equal("ResourceNotFoundException", result.ErrorType);
    }

    [Fact]
    public void MalformedEventJson_IsASerializationError_NotACrash()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, TestHandlers.Echo);
        var result = sim.Lambda.Invoke("f", "{not json");
        Assert.Equal("JsonSerializerException", result.ErrorType);
        Assert.StartsWith("Error converting the Lambda event JSON payload", result.ErrorMessage);
    }
}
