using System.Globalization;
using System.Text;
using System.Text.Json;
using Course.Lambda.Core;
using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Invocation;

public sealed partial class LambdaService
{
    /// <summary>
    /// One attempt: find a warm environment or start one (cold start), run the handler, and report the result when
    /// the virtual clock reaches the invocation's end.
    /// </summary>
    private void RunAttempt(LambdaFunction function, string requestId, string payload, InvocationType type, int attempt,
        DateTimeOffset requestedAt, Action<InvocationResult> done)
    {
        var now = _sim.Time.QueueTime;
        var env = TakeWarm(function, now);
        var cold = false;
        if (env is null)
        {
            if (ThrottleReason(function, now) is { } reason)
            {
                done(Throttle(function, requestId, type, attempt, requestedAt, now, reason));
                return;
            }
            env = CreateEnvironment(function, provisioned: false, now, out var failure);
            if (env is null)
            {
                done(InitFailed(function, requestId, type, attempt, requestedAt, now, failure!));
                return;
            }
            cold = true;
        }
        else
        {
            function.ConcurrentExecutions++;
            if (!IsReserved(function)) _unreservedBusy++;
            function.PeakConcurrentExecutions = Math.Max(function.PeakConcurrentExecutions, function.ConcurrentExecutions);
        }

        env.State = EnvironmentState.Busy;
        var run = new Run(function, env, requestId, payload, type, attempt, requestedAt, cold ? env.InitDuration : null, done);
        if (cold) _sim.ScheduleAt(now + env.InitDuration, () => Execute(run));
        else Execute(run);
    }

    private ExecutionEnvironment? TakeWarm(LambdaFunction function, DateTimeOffset now)
    {
        while (function.TakeIdle() is { } env)
        {
            if (env.IsProvisioned || env.LastUsed + _sim.Options.EnvironmentIdleTimeout > now) return env;
            Shutdown(env, env.LastUsed + _sim.Options.EnvironmentIdleTimeout, "idle");
        }
        return null;
    }

    private void Execute(Run run)
    {
        var (function, env) = (run.Function, run.Environment);
        var options = function.Options;
        var start = _sim.Time.QueueTime;
        var suppressedInit = env.InitTimedOut && env.InvocationCount == 0;
        var scope = env.Scope;
        var full = _sim.Options.Recording == RecordingLevel.Full || run.InitDuration is not null;
        run.Log = new PlatformLogLine
        {
            RequestId = run.RequestId,
            MemorySize = options.MemorySize,
            MemoryUsed = MemoryUsed(options, run.Payload),
            InitDuration = run.InitDuration,
            SnapStart = options.SnapStart,
            Timeout = options.Timeout,
        };
        if (full) RecordStart(run, start);

        var logger = env.Logger;
        var context = env.Context;
        ApplyEnvironmentVariables(function, env);
        _sim.Services.Attach();
        scope.Begin(run.RequestId, isInit: false, start, options.Timeout);
        LambdaLogger.Bind(logger);
        string? response = null;
        Exception? error = null;
        var timedOut = false;
        try
        {
            if (suppressedInit)
            {
                // LIM_08: INIT timed out, so it runs again inside this invoke, under the function timeout.
                scope.Advance(_sim.Options.ColdStart.PlatformInit(options));
                env.Instance = function.Handler.CreateInstance();
            }
            scope.Advance(_sim.Options.ColdStart.InvokeOverhead);
            response = env.Instance!.Invoke(run.Payload, context);
        }
        catch (InvocationTimeoutException)
        {
            timedOut = true;
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            logger.Flush();
            scope.End();
        }

        var duration = scope.Elapsed;
        if (scope.IsPastDeadline) timedOut = true;
        if (timedOut) duration = options.Timeout;
        var end = start + duration;

        if (!timedOut && error is null && response is not null && run.Type == InvocationType.RequestResponse
            && Encoding.UTF8.GetByteCount(response) > Limits.MaxSyncPayloadBytes)
        {
            error = new ResponseTooLargeException(Encoding.UTF8.GetByteCount(response));
            response = null;
        }
        if (error is not null)
            env.Log.Append(end, $"{LogStream.Timestamp(end)}\t{run.RequestId}\tfail\t{ErrorTypeOf(error)}: {error.Message}");

        if (!full && (error is not null || timedOut)) RecordStart(run, start);
        _sim.ScheduleAt(end, () => Complete(run, start, end, duration, response, error, timedOut, full || error is not null || timedOut));
    }

    private void RecordStart(Run run, DateTimeOffset start)
    {
        run.Environment.Log.Append(start, run.Log!, PlatformLogPart.Start);
        _sim.Trace.Add(start, TraceKind.InvokeStart, run.Function.Name, run.RequestId,
            $"{(run.InitDuration is null ? "warm" : "cold")} start in {run.Environment.Id}{(run.Attempt > 1 ? $", attempt {run.Attempt}" : "")}",
            attempt: run.Attempt, environmentId: run.Environment.Id);
    }

    private void Complete(Run run, DateTimeOffset start, DateTimeOffset end, TimeSpan duration, string? response, Exception? error, bool timedOut, bool verbose)
    {
        var (function, env) = (run.Function, run.Environment);
        var options = function.Options;
        var billed = BilledMs(duration + (run.InitDuration is { } init && !options.SnapStart ? init : TimeSpan.Zero));
        if (verbose)
        {
            var line = run.Log!;
            line.End = end;
            line.Duration = duration;
            line.BilledMs = billed;
            line.TimedOut = timedOut;
            line.Failed = error is not null;
            if (timedOut) env.Log.Append(end, line, PlatformLogPart.TimedOut);
            env.Log.Append(end, line, PlatformLogPart.End);
            env.Log.Append(end, line, PlatformLogPart.Report);
        }

        env.InvocationCount++;
        env.LastUsed = end;
        function.ConcurrentExecutions--;
        if (!IsReserved(function)) _unreservedBusy--;
        if (timedOut)
        {
            env.State = EnvironmentState.Idle;   // counted down above, so Shutdown must not count it again
            Shutdown(env, end, "reset after timeout");
        }
        else
        {
            env.State = EnvironmentState.Idle;
            function.Release(env);
        }

        string? errorType = null, errorMessage = null, payload = response;
        if (timedOut)
        {
            errorType = "Sandbox.Timedout";
            errorMessage = $"RequestId: {run.RequestId} Error: Task timed out after {options.Timeout.TotalSeconds:0.00} seconds";
        }
        else if (error is not null)
        {
            errorType = ErrorTypeOf(error);
            errorMessage = error.Message;
        }
        if (errorType is not null) payload = ErrorPayload(errorType, errorMessage!);

        if (verbose)
        {
            _sim.Trace.Add(end, timedOut ? TraceKind.Timeout : TraceKind.InvokeEnd, function.Name, run.RequestId,
                errorType is null ? $"ok in {Ms(duration)} ms (billed {billed} ms)" : $"{errorType}: {errorMessage}",
                attempt: run.Attempt, environmentId: env.Id, duration: duration);
        }

        var record = new InvocationRecord
        {
            FunctionName = function.Name,
            RequestId = run.RequestId,
            Type = run.Type,
            Attempt = run.Attempt,
            RequestedAt = run.RequestedAt,
            Start = start,
            End = end,
            Duration = duration,
            InitDuration = run.InitDuration,
            BilledDurationMs = billed,
            MemorySize = options.MemorySize,
            EphemeralStorageSize = options.EphemeralStorageSize,
            Architecture = options.Architecture,
            Provisioned = env.IsProvisioned,
            ErrorType = errorType,
            TimedOut = timedOut,
            EnvironmentId = env.Id,
        };
        _records.Add(record);

        run.Done(new InvocationResult
        {
            RequestId = run.RequestId,
            StatusCode = 200,
            Payload = payload,
            FunctionError = errorType is null ? null : "Unhandled",
            ErrorType = errorType,
            ErrorMessage = errorMessage,
            RequestedAt = run.RequestedAt,
            Start = start,
            End = end,
            Duration = duration,
            BilledDurationMs = billed,
            InitDuration = run.InitDuration,
            EnvironmentId = env.Id,
            TimedOut = timedOut,
        });
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

    private sealed record Run(LambdaFunction Function, ExecutionEnvironment Environment, string RequestId, string Payload,
        InvocationType Type, int Attempt, DateTimeOffset RequestedAt, TimeSpan? InitDuration, Action<InvocationResult> Done)
    {
        public PlatformLogLine? Log { get; set; }
    }

    private sealed class ResponseTooLargeException(int bytes)
        : Exception($"Response payload size ({bytes} bytes) exceeded maximum allowed payload size ({Limits.MaxSyncPayloadBytes} bytes).");
}
