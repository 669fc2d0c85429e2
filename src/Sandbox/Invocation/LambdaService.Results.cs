using System.Globalization;
using System.Text;
using System.Text.Json;
using Course.Lambda.Core;
using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Time;

namespace Course.Sandbox.Invocation;

public sealed partial class LambdaService
{
    /// <summary>Hands an attempt's result to whoever waits for it: the async retry logic, a task, or the synchronous caller (who reads Result).</summary>
    private void Finish(Run run, InvocationResult result)
    {
        run.Result = result;
        if (run.Event is { } ev)
        {
            OnAttemptDone(ev, result);
        }
        else
        {
            run.Completion?.SetResult(result);
        }
    }

    private int MemoryUsed(FunctionOptions o, string payload) =>
        Math.Min(o.MemorySize, (_sim.Options.ColdStart.RuntimeMemoryMB.TryGetValue(o.Runtime, out var m) ? m : 64) + payload.Length / (1024 * 1024));

    private InvocationResult Throttle(LambdaFunction function, string requestId, InvocationType type, int attempt, DateTimeOffset requestedAt, DateTimeOffset now, string reason)
    {
        var error = LambdaException.TooManyRequests(reason);
        _sim.Trace.Add(now, TraceKind.Throttle, function.Name, requestId, $"429 TooManyRequestsException ({reason}); concurrency {function.ConcurrentExecutions}", attempt: attempt);
        _records.Add(new InvocationRecord
        {
            FunctionName = function.Name, RequestId = requestId, Type = type, Attempt = attempt, RequestedAt = requestedAt,
            Start = now, End = now, MemorySize = function.Options.MemorySize, Architecture = function.Options.Architecture,
            EphemeralStorageSize = function.Options.EphemeralStorageSize, Throttled = true, ErrorType = error.ErrorCode,
        });
        return new InvocationResult
        {
            RequestId = requestId, StatusCode = 429, ErrorType = error.ErrorCode, ErrorMessage = error.Message,
            ThrottleReason = reason, RequestedAt = requestedAt,
        };
    }

    private InvocationResult InitFailed(LambdaFunction function, string requestId, InvocationType type, int attempt, DateTimeOffset requestedAt, DateTimeOffset now, Exception failure)
    {
        var errorType = ErrorTypeOf(failure);
        _records.Add(new InvocationRecord
        {
            FunctionName = function.Name, RequestId = requestId, Type = type, Attempt = attempt, RequestedAt = requestedAt,
            Start = now, End = now, MemorySize = function.Options.MemorySize, Architecture = function.Options.Architecture,
            EphemeralStorageSize = function.Options.EphemeralStorageSize, ErrorType = errorType,
        });
        return new InvocationResult
        {
            RequestId = requestId, StatusCode = 200, FunctionError = "Unhandled", ErrorType = errorType,
            ErrorMessage = failure.Message, Payload = ErrorPayload(errorType, failure.Message), RequestedAt = requestedAt,
        };
    }

    private static long BilledMs(TimeSpan t) => (long)Math.Ceiling(t.TotalMilliseconds - 1e-9);

    private static string ErrorTypeOf(Exception e) => e switch
    {
        ResponseTooLargeException => "Function.ResponseSizeTooLarge",
        LambdaSerializationException => "JsonSerializerException",
        _ => e.GetType().Name,
    };

    private static string ErrorPayload(string type, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["errorType"] = type, ["errorMessage"] = message });
}
