using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Isolation;

/// <summary>How a worker process is started: its command line, its sealed environment and its scratch folder.</summary>
internal sealed partial class WorkerLauncher
{
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
}
