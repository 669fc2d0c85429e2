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
    /// <summary>
    /// One attempt: find a warm environment or start one (cold start), run the handler, and report the result when
    /// the virtual clock reaches the invocation's end.
    /// </summary>
    private void RunAttempt(Run run)
    {
        var function = run.Function;
        var now = _sim.Time.QueueTime;
        var env = TakeWarm(function, now);
        var cold = false;
        if (env is null)
        {
            if (ThrottleReason(function, now) is { } reason)
            {
                Finish(run, Throttle(function, run.RequestId, run.Type, run.Attempt, run.RequestedAt, now, reason));
                return;
            }
            env = CreateEnvironment(function, provisioned: false, now, out var failure);
            if (env is null)
            {
                Finish(run, InitFailed(function, run.RequestId, run.Type, run.Attempt, run.RequestedAt, now, failure!));
                return;
            }
            cold = true;
        }
        else
        {
            function.ConcurrentExecutions++;
            if (!IsReserved(function))
            {
                _unreservedBusy++;
            }
            function.PeakConcurrentExecutions = Math.Max(function.PeakConcurrentExecutions, function.ConcurrentExecutions);
        }

        env.State = EnvironmentState.Busy;
        run.Environment = env;
        if (cold)
        {
            run.InitDuration = env.InitDuration;
            _sim.ScheduleAt(now + env.InitDuration, run);   // fires Execute
        }
        else
        {
            Execute(run);
        }
    }

    private ExecutionEnvironment? TakeWarm(LambdaFunction function, DateTimeOffset now)
    {
        while (function.TakeIdle() is { } env)
        {
            if (env.IsProvisioned || env.LastUsed + _sim.Options.EnvironmentIdleTimeout > now)
            {
                return env;
            }
            Shutdown(env, env.LastUsed + _sim.Options.EnvironmentIdleTimeout, "idle");
        }
        return null;
    }

    /// <summary>
    /// Starts the handler at the queue's time. Synchronous code runs now; an asynchronous handler that awaits yields
    /// to the simulation and resumes on the virtual clock (TIME_03) — the attempt then finishes when its task
    /// completes or when its deadline comes, whichever is first.
    /// </summary>
    private void Execute(Run run)
    {
        var (function, env) = (run.Function, run.Environment!);
        var options = function.Options;
        var start = _sim.Time.QueueTime;
        var suppressedInit = env.InitTimedOut && env.InvocationCount == 0;
        var scope = env.Scope;
        var full = _sim.Options.Recording == RecordingLevel.Full || run.InitDuration is not null;
        run.Start = start;
        run.Verbose = full;
        if (full)
        {
            RecordStart(run, start);
        }

        EnterWorld(env);
        var outerScope = InvocationScope.Flowing;
        var outerContext = SynchronizationContext.Current;
        scope.Begin(run.RequestId, isInit: false, start, options.Timeout);
        SynchronizationContext.SetSynchronizationContext(env.Continuations);
        ValueTask<string?> pending = default;
        Exception? error = null;
        var started = false;
        try
        {
            if (suppressedInit)
            {
                // LIM_08: INIT timed out, so it runs again inside this invoke, under the function timeout.
                scope.Advance(_sim.Options.ColdStart.PlatformInit(options));
                env.Instance = function.Handler.CreateInstance();
            }
            scope.Advance(_sim.Options.ColdStart.InvokeOverhead);
            var instance = env.Instance!;
            scope.CanYield = instance.IsAsynchronous;
            env.Continuations.Thaw();
            pending = instance.InvokeAsync(run.Payload, env.Context);
            started = true;
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(outerContext);
        }

        if (!started || pending.IsCompleted)
        {
            // Finished already: the scope ends below, so leaving it ambient on this flow shows nothing to later code
            // (Current is null once it ends) and saves two execution-context copies per invocation.
            string? response = null;
            if (started)
            {
                try { response = pending.Result; }
                catch (Exception e) { error = e; }
            }
            HandlerDone(run, response, error);
            return;
        }

        // Still running as a task: what runs next on this thread (other invocations, sources, the caller) is not it.
        InvocationScope.Enter(outerScope is { IsActive: true } && !ReferenceEquals(outerScope, scope) ? outerScope : null);
        var task = pending.AsTask();
        var deadline = new Deadline(this, run);
        run.Pending = deadline;
        _sim.ScheduleAt(scope.Deadline, deadline);
        task.ContinueWith(static (t, state) => ((Deadline)state!).HandlerCompleted(t), deadline,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The handler finished (returned, threw, or ran past its limit synchronously): record it and schedule the end.</summary>
    private void HandlerDone(Run run, string? response, Exception? error)
    {
        var env = run.Environment!;
        var options = run.Function.Options;
        var scope = env.Scope;
        var start = run.Start;
        var timedOut = false;
        if (error is not null && HandlerError.Unwrap(error) is InvocationTimeoutException)
        {
            timedOut = true;
            error = null;
        }
        FlushLog(env);
        var duration = scope.Elapsed;
        if (scope.IsPastDeadline)
        {
            timedOut = true;
        }
        scope.End();
        if (timedOut)
        {
            duration = options.Timeout;
            error = null;
        }
        Finished(run, start, duration, timedOut ? null : response, error is null ? null : HandlerError.Unwrap(error), timedOut);
    }

    /// <summary>The deadline came before the handler's task completed: the invocation is stopped there ("Task timed out").</summary>
    private void DeadlineReached(Run run)
    {
        var env = run.Environment!;
        FlushLog(env);
        env.Scope.Abandon();
        Finished(run, run.Start, run.Function.Options.Timeout, null, null, timedOut: true);
    }

    /// <summary>Writes the handler's unfinished log line, stamped inside its phase (the flow finishing it may be another's).</summary>
    private static void FlushLog(ExecutionEnvironment env)
    {
        var previous = InvocationScope.Enter(env.Scope);
        env.Logger.Flush();
        InvocationScope.Enter(previous);
    }

    private void Finished(Run run, DateTimeOffset start, TimeSpan duration, string? response, Exception? error, bool timedOut)
    {
        var env = run.Environment!;
        var end = start + duration;
        var full = run.Verbose;
        if (!timedOut && error is null && response is not null && run.Type == InvocationType.RequestResponse
            && response.Length > Limits.MaxSyncPayloadBytes / 3 && Encoding.UTF8.GetByteCount(response) > Limits.MaxSyncPayloadBytes)
        {
            error = new ResponseTooLargeException(Encoding.UTF8.GetByteCount(response));
            response = null;
        }
        if (error is not null)
        {
            env.Log.Append(end, $"{LogStream.Timestamp(end)}\t{run.RequestId}\tfail\t{HandlerError.Describe(error, ErrorTypeOf(error))}");
        }

        if (!full && (error is not null || timedOut))
        {
            RecordStart(run, start);
        }
        run.Executed = true;
        run.Duration = duration;
        run.Response = response;
        run.Error = error;
        run.TimedOut = timedOut;
        run.Verbose = full || error is not null || timedOut;
        run.Pending = null;
        _sim.ScheduleAt(end, run);   // fires Complete
    }

    private void RecordStart(Run run, DateTimeOffset start)
    {
        var env = run.Environment!;
        var options = run.Function.Options;
        var line = run.Log = new PlatformLogLine
        {
            RequestId = run.RequestId,
            MemorySize = options.MemorySize,
            MemoryUsed = MemoryUsed(options, run.Payload),
            InitDuration = run.InitDuration,
            SnapStart = options.SnapStart,
            Timeout = options.Timeout,
        };
        env.Log.Append(start, line, PlatformLogPart.Start);
        _sim.Trace.AddLazy(start, TraceKind.InvokeStart, run.Function.Name, run.RequestId, line, attempt: run.Attempt, environmentId: env.Id);
    }

    private void Complete(Run run)
    {
        var (function, env) = (run.Function, run.Environment!);
        var (start, end, duration, response, error, timedOut, verbose) = (run.Start, run.End, run.Duration, run.Response, run.Error, run.TimedOut, run.Verbose);
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
            if (timedOut)
            {
                env.Log.Append(end, line, PlatformLogPart.TimedOut);
            }
            env.Log.Append(end, line, PlatformLogPart.End);
            env.Log.Append(end, line, PlatformLogPart.Report);
        }

        env.InvocationCount++;
        env.LastUsed = end;
        function.ConcurrentExecutions--;
        if (!IsReserved(function))
        {
            _unreservedBusy--;
        }
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
        if (errorType is not null)
        {
            payload = HandlerError.Payload(errorType, errorMessage!, error is null ? null : HandlerError.StackTrace(error));
        }

        if (verbose)
        {
            if (errorType is null)
            {
                _sim.Trace.AddLazy(end, TraceKind.InvokeEnd, function.Name, run.RequestId, run.Log!, attempt: run.Attempt, environmentId: env.Id, duration: duration);
            }
            else
            {
                _sim.Trace.Add(end, timedOut ? TraceKind.Timeout : TraceKind.InvokeEnd, function.Name, run.RequestId,
                    $"{errorType}: {errorMessage}", attempt: run.Attempt, environmentId: env.Id, duration: duration);
            }
        }

        _records.Add(new InvocationRecord
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
        });

        Finish(run, new InvocationResult
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
}
