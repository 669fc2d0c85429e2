using System.Diagnostics;
using System.Globalization;
using Course.Lambda.Core;
using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Invocation;

public sealed partial class LambdaService
{
    /// <summary>
    /// Creates an environment and runs its INIT phase now. Returns null (and the exception) when the learner's INIT
    /// code throws; the environment is then shut down.
    /// </summary>
    private ExecutionEnvironment? CreateEnvironment(LambdaFunction function, bool provisioned, DateTimeOffset now, out Exception? failure)
    {
        failure = null;
        var id = $"env-{++_environmentCount}";
        var streamName = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyy'/'MM'/'dd}/[$LATEST]{_sim.NewHexId()}");
        var env = new ExecutionEnvironment(id, function, new LogStream(function.LogGroupName, streamName), provisioned, now);
        env.Variables = VariablesFor(function, streamName);
        env.TmpRoot = Path.Combine(_sim.ScratchRoot, id, "tmp");   // created on first use
        function.Add(env);
        function.ConcurrentExecutions++;
        if (!IsReserved(function))
        {
            _unreservedBusy++;
        }
        function.PeakConcurrentExecutions = Math.Max(function.PeakConcurrentExecutions, function.ConcurrentExecutions);

        var options = function.Options;
        var platform = _sim.Options.ColdStart.PlatformInit(options);
        // With SnapStart the INIT code ran once when the version was published; environments restore its snapshot,
        // so the learner's INIT time is not part of a restore (the code still runs here to give each environment its state).
        var initLimit = options.SnapStart ? Limits.MaxTimeout : Limits.InitPhaseLimit - platform;
        var scope = new InvocationScope(function.Name, options.MemorySize, _sim.Time) { Environment = env, ClientSetupCost = _sim.Options.ColdStart.SdkClientSetup };
        env.Scope = scope;
        env.Logger = new SandboxLambdaLogger(env.Log, scope);
        env.Context = new SandboxLambdaContext(function, env.Log.Name, env.Logger, scope);
        env.Continuations = new HandlerSynchronizationContext(_sim.Time, scope, () => EnterWorld(env), e => OnBackgroundCrash(env, e));
        env.Log.Append(now, options.SnapStart
            ? $"RESTORE_START {RuntimeVersion(options.Runtime)}"
            : $"INIT_START {RuntimeVersion(options.Runtime)}");

        EnterWorld(env);
        var outerScope = InvocationScope.Flowing;
        scope.Begin(null, isInit: true, now + platform, initLimit);
        var logger = env.Logger;
        var watch = Stopwatch.StartNew();
        try
        {
            env.Instance = function.Handler.CreateInstance();
        }
        catch (InvocationTimeoutException)
        {
            // INIT ran past 10 s: Lambda retries INIT inside the first invoke, under the function timeout (LIM_08).
            env.InitTimedOut = true;
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            watch.Stop();
            logger.Flush();
            scope.End();
            InvocationScope.Enter(outerScope is { IsActive: true } && !ReferenceEquals(outerScope, scope) ? outerScope : null);
        }

        env.MeasuredInitWallTime = watch.Elapsed;
        env.InitCalls = scope.Calls.ToArray();
        env.InitDuration = env.InitTimedOut ? Limits.InitPhaseLimit : options.SnapStart ? platform : platform + scope.Elapsed;
        var verb = options.SnapStart ? "restore" : "init";
        _sim.Trace.Add(now, TraceKind.EnvironmentInit, function.Name, null,
            options.SnapStart
                ? $"{verb} {Ms(env.InitDuration)} ms (SnapStart snapshot; your INIT code ran at publish)"
                : $"{(provisioned ? "provisioned " : "")}{verb} {Ms(env.InitDuration)} ms (runtime {Ms(platform)} ms + your INIT code {Ms(scope.Elapsed)} ms)",
            environmentId: id, duration: env.InitDuration);

        if (failure is not null || env.InitTimedOut)
        {
            var status = failure is null ? "timeout" : "error";
            env.Log.Append(now + env.InitDuration,
                $"INIT_REPORT Init Duration: {Ms(env.InitDuration)} ms\tPhase: init\tStatus: {status}{(failure is null ? "" : "\tError Type: Runtime.InitError")}");
            _sim.Trace.Add(now + env.InitDuration, TraceKind.EnvironmentInitFailed, function.Name, null,
                failure is null ? "INIT ran past the 10 s limit; it is retried inside the first invoke" : $"{failure.GetType().Name}: {failure.Message}",
                environmentId: id);
        }
        if (failure is not null)
        {
            Shutdown(env, now + env.InitDuration, "init failed");
            return null;
        }
        return env;
    }

    private void Shutdown(ExecutionEnvironment env, DateTimeOffset at, string reason)
    {
        if (env.State == EnvironmentState.Shutdown)
        {
            return;
        }
        var wasBusy = env.State is EnvironmentState.Busy or EnvironmentState.Initializing;
        env.State = EnvironmentState.Shutdown;
        if (wasBusy)
        {
            env.Function.ConcurrentExecutions--;
            if (!IsReserved(env.Function))
            {
                _unreservedBusy--;
            }
        }
        env.Continuations?.Kill();
        DeleteTmp(env);
        try { env.Instance?.Dispose(); }
        catch (Exception e) when (e is not OutOfMemoryException) { /* SHUTDOWN hooks cannot fail an invocation */ }
        env.Instance = null;
        _sim.Trace.Add(at, TraceKind.EnvironmentShutdown, env.Function.Name, null, $"shutdown ({reason}) after {env.InvocationCount} invocations", environmentId: env.Id);
    }

    /// <summary>Why a new environment may not start now (CON_02, CON_03, CON_05), or null when it may.</summary>
    private string? ThrottleReason(LambdaFunction function, DateTimeOffset now)
    {
        var reserved = function.Options.ReservedConcurrentExecutions;
        if (reserved is int r)
        {
            if (function.ConcurrentExecutions >= r)
            {
                return "ReservedFunctionConcurrentInvocationLimitExceeded";
            }
        }
        else if (_unreservedBusy >= _sim.Options.AccountConcurrency - _reservedTotal)
        {
            return "ConcurrentInvocationLimitExceeded";
        }

        var refill = (now - function.ScalingRefilledAt).TotalSeconds * Limits.ScalingEnvironmentsPerWindow / Limits.ScalingWindow.TotalSeconds;
        function.ScalingTokens = Math.Min(Limits.ScalingEnvironmentsPerWindow, function.ScalingTokens + refill);
        function.ScalingRefilledAt = now;
        if (function.ScalingTokens < 1)
        {
            return reserved is null ? "FunctionInvocationRateLimitExceeded" : "ReservedFunctionInvocationRateLimitExceeded";
        }
        function.ScalingTokens -= 1;
        return null;
    }

    private ExecutionEnvironment? _appliedFor;

    /// <summary>An environment's /tmp goes with it.</summary>
    private static void DeleteTmp(ExecutionEnvironment env)
    {
        if (env.TmpRoot.Length == 0)
        {
            return;
        }
        try
        {
            var root = Path.GetDirectoryName(env.TmpRoot)!;
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a file the handler left open stays until the process ends; the folder name is never reused.
        }
    }

    /// <summary>Makes <paramref name="env"/>'s world current before its code runs or resumes: logger, services, variables.</summary>
    private void EnterWorld(ExecutionEnvironment env)
    {
        ConsoleCapture.EnsureInstalled();
        ApplyEnvironmentVariables(env.Function, env);
        _sim.Services.Attach();
        LambdaLogger.Bind(env.Logger);
    }

    /// <summary>An exception escaped handler code that nothing awaited (an async void method): the runtime process dies, so the environment is reset.</summary>
    private void OnBackgroundCrash(ExecutionEnvironment env, Exception e)
    {
        var at = env.Scope.Now;
        env.Log.Append(at, $"{LogStream.Timestamp(at)}	{env.Scope.RequestId}	fail	{HandlerError.Describe(e)}");
        _sim.Trace.Add(at, TraceKind.Note, env.Function.Name, env.Scope.RequestId,
            $"unobserved exception in handler code: {e.GetType().Name}: {e.Message}", environmentId: env.Id);
    }

    /// <summary>The variables Lambda defines in an environment (its defined runtime environment variables), then the function's own.</summary>
    private Dictionary<string, string> VariablesFor(LambdaFunction function, string logStreamName)
    {
        var o = function.Options;
        var region = _sim.Options.Region;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = region,
            ["AWS_DEFAULT_REGION"] = region,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.Name,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = o.MemorySize.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = function.LogGroupName,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = logStreamName,
            ["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + o.Runtime,
            ["AWS_ACCESS_KEY_ID"] = "ASIASANDBOXSANDBOX00",
            ["AWS_SECRET_ACCESS_KEY"] = "sandbox-secret-never-leaves-this-machine",
            ["AWS_SESSION_TOKEN"] = "sandbox-session",
            ["TZ"] = ":UTC",
            ["LAMBDA_TASK_ROOT"] = "/var/task",
            ["LAMBDA_RUNTIME_DIR"] = "/var/runtime",
        };
        foreach (var (key, value) in o.Environment)
        {
            variables[key] = value;
        }
        return variables;
    }

    private readonly HashSet<string> _appliedKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// Code that reads the process's variables directly (delegate handlers in lessons and tests; the AWS SDK, for region
    /// and credentials) sees the running environment's: they are written before its code runs or resumes, and the
    /// previous environment's are removed, so two simulations in one process never see each other's values. Compiled
    /// handlers read <see cref="ExecutionEnvironment.Variables"/> through the rewrite, and need none of this.
    /// </summary>
    private void ApplyEnvironmentVariables(LambdaFunction function, ExecutionEnvironment env)
    {
        if (!_sim.Options.ApplyEnvironmentVariables)
        {
            return;
        }
        if (ReferenceEquals(_appliedFor, env) && ReferenceEquals(s_processOwner, env))
        {
            return;
        }
        foreach (var key in _appliedKeys)
        {
            if (!env.Variables.ContainsKey(key))
            {
                System.Environment.SetEnvironmentVariable(key, null);
            }
        }
        _appliedKeys.Clear();
        foreach (var (key, value) in env.Variables)
        {
            if (key == "TZ")
            {
                continue;   // the process's time zone stays; handler clocks are UTC already
            }
            System.Environment.SetEnvironmentVariable(key, value);
            _appliedKeys.Add(key);
        }
        _appliedFor = env;
        s_processOwner = env;
    }

    // The environment whose variables the process holds now (across simulations in this process).
    private static ExecutionEnvironment? s_processOwner;

    /// <summary>
    /// The runtime part of the INIT_START line, in AWS's layout
    /// (<c>Runtime Version: python:3.13.v14	Runtime Version ARN: arn:aws:lambda:region::runtime:hash</c>); the sandbox's
    /// runtimes are all version 1, with a hash derived from the runtime name.
    /// </summary>
    private string RuntimeVersion(string runtime)
    {
        var name = runtime switch
        {
            LambdaRuntime.ProvidedAl2023 => "provided:al2023",
            _ when runtime.StartsWith("dotnet", StringComparison.Ordinal) => "dotnet:" + runtime["dotnet".Length..],
            _ when runtime.StartsWith("python", StringComparison.Ordinal) => "python:" + runtime["python".Length..],
            _ when runtime.StartsWith("nodejs", StringComparison.Ordinal) => "nodejs:" + runtime["nodejs".Length..].Replace(".x", "", StringComparison.Ordinal),
            _ when runtime.StartsWith("java", StringComparison.Ordinal) => "java:" + runtime["java".Length..],
            _ => runtime,
        };
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(runtime)));
        return $"Runtime Version: {name}.v1\tRuntime Version ARN: arn:aws:lambda:{_sim.Options.Region}::runtime:{hash}";
    }

    internal static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);
}
