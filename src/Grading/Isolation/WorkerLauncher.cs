using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Course.Grading.Exercises;

namespace Course.Grading.Isolation;

/// <summary>
/// Starts a worker process for one grading run, with a hard wall-clock limit (the whole process tree is
/// killed when it passes) and a GC heap hard limit, feeds it the request on stdin and collects its
/// protocol lines from stdout and its stderr. A worker can be started ahead of time (<see cref="Prestart"/>)
/// so the runtime starts while Roslyn compiles; it waits for its request on stdin.
/// </summary>
internal sealed class WorkerLauncher : IDisposable
{
    /// <summary>The worker's assembly file name, expected next to the grader's assemblies.</summary>
    public const string WorkerAssemblyName = "Course.Grading.Worker";

    private const int MaxStderrChars = 16_384;

    private const string WorkerEnvironmentPrefix = "COURSE_WORKER_DOTNET_";

    private readonly string _workerDll;
    private readonly object _gate = new();
    private (Process Process, GradingLimits Limits)? _standby;

    public WorkerLauncher(string? workerDll = null)
    {
        _workerDll = workerDll ?? Path.Combine(AppContext.BaseDirectory, WorkerAssemblyName + ".dll");
    }

    public async Task<WorkerRun> RunAsync(WorkerRequest request, GradingLimits limits, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(_workerDll))
        {
            throw new FileNotFoundException($"The grading worker {_workerDll} is missing; rebuild the course (dotnet build src/Cli).", _workerDll);
        }

        var run = new WorkerRun();
        var watch = Stopwatch.StartNew();
        using var process = TakeStandby(limits) ?? StartProcess(limits);
        var stderr = new StringBuilder();
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdoutTask = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (Handle(line, request.Nonce, run))
                {
                    ended.TrySetResult();
                }
            }
        }, cancellationToken);
        var stderrTask = Task.Run(async () =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                lock (stderr)
                {
                    if (stderr.Length < MaxStderrChars)
                    {
                        stderr.Append(buffer, 0, Math.Min(read, MaxStderrChars - stderr.Length));
                    }
                }
            }
        }, cancellationToken);

        try
        {
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request, WorkerJson.Context.WorkerRequest).AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The worker died before reading its request; the exit code and stderr say why.
        }

        var limit = TimeSpan.FromSeconds(limits.WallClockSeconds);
        var exited = process.WaitForExitAsync(cancellationToken);
        var finished = await Task.WhenAny(exited, ended.Task, Task.Delay(limit, cancellationToken)).ConfigureAwait(false);
        if (finished == ended.Task)
        {
            // Normal end: every result is in, so stop the worker now rather than wait for the runtime to shut
            // down (or for foreground threads the learner started): its exit is not on the learner's clock.
            Kill(process);
        }
        else if (finished != exited)
        {
            run.TimedOut = true;
            Kill(process);
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await Task.WhenAny(Task.WhenAll(stdoutTask, stderrTask), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        run.ExitCode = process.ExitCode;
        lock (stderr)
        {
            run.Stderr = stderr.ToString();
        }

        run.ElapsedMilliseconds = watch.Elapsed.TotalMilliseconds;
        DeleteScratch(process.StartInfo);
        return run;
    }

    /// <summary>Starts a worker for the given limits now, to be used by the next <see cref="RunAsync"/>.</summary>
    /// <param name="limits">The limits the next run will use (the heap limit is fixed at process start).</param>
    public void Prestart(GradingLimits limits)
    {
        if (!File.Exists(_workerDll))
        {
            return;
        }

        lock (_gate)
        {
            if (_standby is { } existing && !existing.Process.HasExited && existing.Limits == limits)
            {
                return;
            }

            DisposeStandby();
            _standby = (StartProcess(limits), limits);
        }
    }

    /// <summary>Kills a standby worker that was never used.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            DisposeStandby();
        }
    }

    private Process? TakeStandby(GradingLimits limits)
    {
        lock (_gate)
        {
            if (_standby is { } standby && standby.Limits == limits && !standby.Process.HasExited)
            {
                _standby = null;
                return standby.Process;
            }

            DisposeStandby();
            return null;
        }
    }

    private void DisposeStandby()
    {
        if (_standby is { } standby)
        {
            Kill(standby.Process);
            DeleteScratch(standby.Process.StartInfo);
            standby.Process.Dispose();
            _standby = null;
        }
    }

    private Process StartProcess(GradingLimits limits)
    {
        var process = new Process { StartInfo = CreateStartInfo(limits) };
        process.Start();
        return process;
    }

    private ProcessStartInfo CreateStartInfo(GradingLimits limits)
    {
        var apphost = Path.Combine(Path.GetDirectoryName(_workerDll)!, WorkerAssemblyName + (OperatingSystem.IsWindows() ? ".exe" : ""));
        ProcessStartInfo start;
        if (File.Exists(apphost))
        {
            start = new ProcessStartInfo(apphost);
        }
        else
        {
            start = new ProcessStartInfo(DotnetHost(), new[] { "exec", _workerDll });
        }

        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.CreateNoWindow = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        Seal(start.Environment);
        // The worker's own scratch root: each execution environment's /tmp is a folder under it, and it goes with the run.
        var scratch = Path.Combine(Path.GetTempPath(), "course-grade", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        start.Environment["COURSE_SCRATCH"] = scratch;
        var heapBytes = (long)limits.MemoryMb * 1024 * 1024;
        start.Environment["DOTNET_GCHeapHardLimit"] = heapBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCgen0size"] = "4000000";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        start.Environment["DOTNET_EnableCrashReport"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_TC_QuickJitForLoops"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // Diagnostics for the grader's own developers: COURSE_WORKER_DOTNET_X=v sets DOTNET_X=v for the worker
        // only (e.g. COURSE_WORKER_DOTNET_JitStdOutFile to see what the worker JIT-compiles). The limits above
        // stay in force: the heap limit and the wall-clock kill cannot be loosened this way.
        foreach (var (name, value) in start.Environment.ToArray())
        {
            if (name.StartsWith(WorkerEnvironmentPrefix, StringComparison.Ordinal) && value is not null)
            {
                var target = name[(WorkerEnvironmentPrefix.Length - "DOTNET_".Length)..];
                if (!target.StartsWith("DOTNET_GCHeap", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment[target] = value;
                }
            }
        }

        return start;
    }

    /// <summary>
    /// The worker starts with none of the grading machine's environment (tokens, paths, user names): only what the
    /// .NET host needs to start and the grader's own diagnostics switches. Handler code then sees just the variables
    /// Lambda defines for its environment, which the engine provides per environment.
    /// </summary>
    internal static void Seal(IDictionary<string, string?> environment)
    {
        var kept = environment
            .Where(e => e.Value is not null && (KeptVariables.Contains(e.Key)
                || e.Key.StartsWith("DOTNET_", StringComparison.Ordinal) || e.Key.StartsWith(WorkerEnvironmentPrefix, StringComparison.Ordinal)
                || e.Key == "COURSE_GRADE_TIMINGS"))
            .ToList();
        environment.Clear();
        foreach (var (key, value) in kept)
        {
            environment[key] = value;
        }
    }

    private static void DeleteScratch(ProcessStartInfo start)
    {
        if (!start.Environment.TryGetValue("COURSE_SCRATCH", out var scratch) || string.IsNullOrEmpty(scratch))
        {
            return;
        }
        try
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the folder is unique to this run and under the machine's temp folder.
        }
    }

    private static readonly HashSet<string> KeptVariables = new(StringComparer.Ordinal) { "PATH", "LANG", "LC_ALL", "HOME" };

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we kill it.
        }
    }

    /// <summary>Applies one stdout line; returns true on the end line.</summary>
    private static bool Handle(string line, string nonce, WorkerRun run)
    {
        if (!line.StartsWith(nonce + " ", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line[(nonce.Length + 1)..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        var kind = space < 0 ? rest : rest[..space];
        var json = space < 0 ? "" : rest[(space + 1)..];
        try
        {
            switch (kind)
            {
                case WorkerJson.Start:
                    run.CurrentCheck = JsonSerializer.Deserialize(json, WorkerJson.Context.String);
                    return false;
                case WorkerJson.Result:
                    var outcome = JsonSerializer.Deserialize(json, WorkerJson.Context.CheckOutcome);
                    if (outcome is not null)
                    {
                        lock (run.Outcomes)
                        {
                            run.Outcomes[outcome.Id] = outcome;
                        }
                    }

                    return false;
                case WorkerJson.Summary:
                    run.Summary = JsonSerializer.Deserialize(json, WorkerJson.Context.WorkerSummary)?.Summary;
                    return false;
                case WorkerJson.Crash:
                    run.Crash ??= JsonSerializer.Deserialize(json, WorkerJson.Context.WorkerCrash);
                    return false;
                case WorkerJson.Fatal:
                    run.Fatal = JsonSerializer.Deserialize(json, WorkerJson.Context.String);
                    return false;
                case WorkerJson.End:
                    run.Ended = true;
                    return true;
                default:
                    return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
