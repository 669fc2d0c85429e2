using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Isolation;

/// <summary>
/// Starts a worker process for one grading run, with a hard wall-clock limit (the whole process tree is
/// killed when it passes) and a GC heap hard limit, feeds it the request on stdin and collects its
/// protocol lines from stdout and its stderr. A worker can be started ahead of time (<see cref="Prestart"/>)
/// so the runtime starts while Roslyn compiles; it waits for its request on stdin. When the checks are already
/// compiled, the standby worker is also sent them at once (a preparation line: the request without the learner's
/// assembly or nonce), so it loads and JIT-compiles them and warms the exercise's trigger path before the learner's
/// file is compiled. Each run still has its own fresh process.
/// </summary>
internal sealed partial class WorkerLauncher : IDisposable
{
    /// <summary>The worker's assembly file name, expected next to the grader's assemblies.</summary>
    public const string WorkerAssemblyName = "Course.Grading.Worker";

    private const int MaxStderrChars = 16_384;

    private const string WorkerEnvironmentPrefix = "COURSE_WORKER_DOTNET_";

    private readonly string _workerDll;
    private readonly object _gate = new();
    private (Process Process, GradingLimits Limits, bool Prepared)? _standby;

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
        var process = TakeStandby(limits) ?? StartProcess(limits);
        var requestLine = JsonSerializer.Serialize(request, WorkerJson.Context.WorkerRequest) + "\n";
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
            await process.StandardInput.WriteAsync(requestLine.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The worker died before reading its request; the exit code and stderr say why.
        }

        Timing(watch, "request sent");
        var limit = TimeSpan.FromSeconds(limits.WallClockSeconds);
        var exited = process.WaitForExitAsync(cancellationToken);
        var finished = await Task.WhenAny(exited, ended.Task, Task.Delay(limit, cancellationToken)).ConfigureAwait(false);
        Timing(watch, "end line read");
        if (finished == ended.Task && !ShowTimings)
        {
            // Normal end: every result is in, so the worker is killed now rather than left to shut its runtime down
            // (or to run foreground threads the learner started). Killing the process tree and reaping it takes
            // 10–20 ms that are not the learner's: it happens beside the report, not before it.
            run.ElapsedMilliseconds = watch.Elapsed.TotalMilliseconds;
            lock (stderr)
            {
                run.Stderr = stderr.ToString();
            }

            _ = Task.Run(async () =>
            {
                Kill(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                await Task.WhenAny(Task.WhenAll(stdoutTask, stderrTask), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
                DeleteScratch(process.StartInfo);
                process.Dispose();
            }, CancellationToken.None);
            return run;
        }

        if (finished == ended.Task)
        {
            Kill(process);
        }
        else if (finished != exited)
        {
            run.TimedOut = true;
            Kill(process);
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        Timing(watch, "worker exited");
        await Task.WhenAny(Task.WhenAll(stdoutTask, stderrTask), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        run.ExitCode = process.ExitCode;
        lock (stderr)
        {
            run.Stderr = stderr.ToString();
        }

        run.ElapsedMilliseconds = watch.Elapsed.TotalMilliseconds;
        DeleteScratch(process.StartInfo);
        process.Dispose();
        Timing(watch, "streams read, scratch deleted");
        return run;
    }

    private static readonly bool ShowTimings = Environment.GetEnvironmentVariable("COURSE_GRADE_TIMINGS") == "1";

    private static void Timing(Stopwatch watch, string what)
    {
        if (ShowTimings)
        {
            Console.Error.WriteLine($"[launcher] {watch.Elapsed.TotalMilliseconds,8:0.0} ms  {what}");
        }
    }

    /// <summary>Starts a worker for the given limits now, to be used by the next <see cref="RunAsync"/>.</summary>
    /// <param name="limits">The limits the next run will use (the heap limit is fixed at process start).</param>
    /// <param name="preparation">
    /// The next run's exercise and compiled checks when they are known (no learner assembly, no nonce): the worker
    /// loads the checks and warms their path while it waits. A standby started without one gets it later, once.
    /// </param>
    public void Prestart(GradingLimits limits, WorkerRequest? preparation = null)
    {
        if (!File.Exists(_workerDll))
        {
            return;
        }

        lock (_gate)
        {
            if (_standby is { } existing && !existing.Process.HasExited && existing.Limits == limits)
            {
                if (preparation is not null && !existing.Prepared && SendPreparation(existing.Process, preparation))
                {
                    _standby = existing with { Prepared = true };
                }

                return;
            }

            DisposeStandby();
            var process = StartProcess(limits);
            _standby = (process, limits, preparation is not null && SendPreparation(process, preparation));
        }
    }

    /// <summary>The preparation line: the request's exercise and checks with no learner assembly and no nonce.</summary>
    /// <param name="exercise">The exercise (with the run's limits).</param>
    /// <param name="checksAssembly">The compiled checks.</param>
    /// <param name="checksPdb">Their PDB.</param>
    /// <returns>A request the worker recognises as a preparation (an empty learner assembly).</returns>
    public static WorkerRequest Preparation(ExerciseDefinition exercise, byte[] checksAssembly, byte[] checksPdb) =>
        new("", exercise, Array.Empty<byte>(), Array.Empty<byte>(), checksAssembly, checksPdb, 0);

    private static bool SendPreparation(Process process, WorkerRequest preparation)
    {
        try
        {
            process.StandardInput.Write(JsonSerializer.Serialize(preparation, WorkerJson.Context.WorkerRequest) + "\n");
            process.StandardInput.Flush();
            return true;
        }
        catch (IOException)
        {
            return false;   // the standby died; the run notices and starts another
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
                case WorkerJson.Prepared:
                    run.Prepared = true;
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
