using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Reports;

namespace Course.Grading.Isolation;

/// <summary>
/// The worker side of isolation: reads a <see cref="WorkerRequest"/> from stdin, loads the learner's and the
/// checks' assemblies, runs every check in its own fresh session and writes one protocol line per event
/// (<c>nonce kind json</c>) to stdout. Learner console output is captured per check, never mixed into the protocol.
/// </summary>
public static class WorkerHost
{
    /// <summary>Runs the worker loop over the process's standard streams.</summary>
    /// <returns>The process exit code (0 after the end line; 3 when the request itself is unusable).</returns>
    /// <remarks>
    /// Standard input carries one request per line: optionally first a preparation (the request's exercise and checks,
    /// no learner assembly, no nonce) that a standby worker uses to load and JIT-compile the checks and warm the
    /// exercise's trigger path, then the request itself. End of input before a request: a standby that was not used.
    /// </remarks>
    public static async Task<int> RunAsync()
    {
        Phase("main entered");
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        var reading = stdin.ReadLineAsync();
        WarmUp();
        Phase("warmed up");
        var input = await reading.ConfigureAwait(false);
        if (input is not null && WorkerPreparation.TryParse(input) is { } preparation)
        {
            Phase("preparation read");
            reading = stdin.ReadLineAsync();
            Prepared = WorkerPreparation.Prepare(preparation);
            Phase("prepared");
            input = await reading.ConfigureAwait(false);
        }

        Phase("request read");
        if (string.IsNullOrEmpty(input))
        {
            return 0;   // a standby worker whose grader went away
        }

        return await RunAsync(input, stdout).ConfigureAwait(false);
    }

    /// <summary>What a preparation line loaded, if one came before the request.</summary>
    private static WorkerPreparation? Prepared { get; set; }

    /// <summary>
    /// While the grader is still compiling, run the code path of a real check once so the engine, the check API,
    /// the payload serializer and the protocol are loaded and compiled before the request arrives: a session with
    /// a tiny delegate handler taking a record (like learners' events), two invocations through a
    /// <see cref="CheckContext"/> (cold, then warm), the summary, and one of each protocol message.
    /// </summary>
    private static void WarmUp()
    {
        try
        {
            var exercise = new ExerciseDefinition("warm-up", "warm-up", "", new HandlerSpec("", "", ""),
                new FunctionSpec("warm-up", 128, 3, new Dictionary<string, string>(), null),
                new TriggerSpec(TriggerKind.Direct, new Dictionary<string, string>()),
                Array.Empty<string>(), new[] { new CheckSpec("warm-up", "warm-up", 1, 1, "", 1) }, new GradingLimits());
            var handler = Course.Sandbox.Hosting.HandlerFactory.FromDelegate<WarmUpEvent, string>((e, context) =>
            {
                context.Logger.LogLine(e.Name ?? "");
                return e.Name ?? "";
            });
            using (var session = new SimulationFunctionSession(exercise, handler, seed: 1))
            {
                var context = new CheckContext(session, exercise, exercise.Checks[0], 1);
                _ = context.InvokeAsync("{\"name\":\"a\"}").GetAwaiter().GetResult();
                _ = context.InvokeAsync("{\"name\":\"b\"}").GetAwaiter().GetResult();
                _ = session.Summarize();
                _ = session.Logs();
                _ = RunSummary.Percentile(session.Durations, 50);
            }

            _ = JsonSerializer.Deserialize("{}", WorkerJson.Context.WorkerRequest);
            _ = JsonSerializer.Serialize(new CheckOutcome("warm-up", CheckStatus.Pass, null, ""), WorkerJson.Context.CheckOutcome);
            _ = JsonSerializer.Serialize(new WorkerSummary(RunSummary.Empty), WorkerJson.Context.WorkerSummary);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Warming up is only an optimisation; the real run reports real problems.
        }
    }

    /// <summary>The warm-up handler's event: a record deserialized like a learner's event type.</summary>
    /// <param name="Name">A name.</param>
    internal sealed record WarmUpEvent(string? Name);

    private static readonly bool ShowTimings = Environment.GetEnvironmentVariable("COURSE_GRADE_TIMINGS") == "1";

    private static readonly Lazy<TextWriter> TimingWriter = new(() => new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true });

    /// <summary>With COURSE_GRADE_TIMINGS=1, writes the time since the process started to stderr (the grader shows it).</summary>
    internal static void Phase(string what)
    {
        if (ShowTimings)
        {
            var since = DateTime.Now - Process.GetCurrentProcess().StartTime;
            TimingWriter.Value.WriteLine($"[worker]  {since.TotalMilliseconds,8:0.0} ms  {what} (since the worker process started; JIT: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms)");
        }
    }

    internal static async Task<int> RunAsync(string input, TextWriter protocol)
    {
        WorkerRequest request;
        try
        {
            request = JsonSerializer.Deserialize(input, WorkerJson.Context.WorkerRequest) ?? throw new JsonException("empty request");
            Phase("request parsed");
        }
        catch (JsonException e)
        {
            await protocol.WriteLineAsync($"fatal {JsonSerializer.Serialize(e.Message, WorkerJson.Context.String)}").ConfigureAwait(false);
            return 3;
        }

        var writeLock = new object();
        void Write(string kind, object payload)
        {
            var json = JsonSerializer.Serialize(payload, payload.GetType(), WorkerJson.Context);
            lock (writeLock)
            {
                protocol.WriteLine($"{request.Nonce} {kind} {json}");
                protocol.Flush();
            }
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception ex)
            {
                Write(WorkerJson.Crash, new WorkerCrash(ex.GetType().FullName ?? ex.GetType().Name, ex.Message, FirstFrame(ex)));
            }
        };

        var capture = new CaptureWriter();
        Console.SetOut(capture);
        Console.SetError(capture);

        Dictionary<string, MethodInfo> checks;
        try
        {
            if (Prepared?.ChecksFor(request) is { } prepared)
            {
                checks = prepared;
                Write(WorkerJson.Prepared, "");
            }
            else
            {
                checks = FindChecks(WorkerPreparation.LoadChecks(request));
            }
            Phase("checks assembly loaded");
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or ReflectionTypeLoadException or InvalidOperationException)
        {
            Write(WorkerJson.Fatal, e.Message);
            return 3;
        }

        var summary = RunSummary.Empty;
        var durations = new List<TimeSpan>();
        foreach (var spec in request.Exercise.Checks)
        {
            Write(WorkerJson.Start, spec.Id);
            var logs = new StringBuilder();
            capture.Target = logs;
            CheckOutcome outcome;
            if (!checks.TryGetValue(spec.Id, out var method))
            {
                outcome = new CheckOutcome(spec.Id, CheckStatus.Error, $"the checks have no [Check(\"{spec.Id}\")] method", "");
            }
            else
            {
                IFunctionSession? session = null;
                CheckContext? context = null;
                try
                {
                    session = FunctionSessionFactory.Create(request.Exercise, request);
                    context = new CheckContext(session, request.Exercise, spec, request.Seed);
                    await InvokeCheckAsync(method, context).ConfigureAwait(false);
                    outcome = new CheckOutcome(spec.Id, CheckStatus.Pass, null, "");
                }
                catch (CheckFailedException failed)
                {
                    outcome = new CheckOutcome(spec.Id, CheckStatus.Fail, failed.Message, "");
                }
                catch (OutOfMemoryException)
                {
                    outcome = new CheckOutcome(spec.Id, CheckStatus.Fail,
                        $"observed: the function ran out of memory (the worker's heap limit is {request.Exercise.Limits.MemoryMb} MB)\nexpected: the function to stay within its memory\nnext step: look for collections that grow without bound or very large allocations",
                        "");
                }
                catch (Exception e)
                {
                    outcome = new CheckOutcome(spec.Id, CheckStatus.Error,
                        $"the check itself failed with {e.GetType().Name}: {e.Message} {FirstFrame(e)}".TrimEnd()
                        + "\nThis is a problem in the exercise's checks, not necessarily in your handler; report it to the course authors.", "");
                }

                if (outcome.Status != CheckStatus.Pass && context?.Invocations.FirstOrDefault(i => i.ErrorType?.Contains("OutOfMemoryException", StringComparison.Ordinal) == true) is { } oom)
                {
                    outcome = outcome with
                    {
                        Status = CheckStatus.Fail,
                        Message = $"observed: invocation {oom.RequestId} ran out of memory (the worker's heap limit is {request.Exercise.Limits.MemoryMb} MB)\nexpected: the function to stay within its memory\nnext step: look for collections that grow without bound or very large allocations",
                    };
                }

                if (session is not null)
                {
                    logs.Append(session.Logs());
                    summary = summary.Add(session.Summarize());
                    durations.AddRange(session.Durations);
                    session.Dispose();
                }

                capture.Target = null;
                if (context is not null && context.Notes.Length > 0)
                {
                    logs.Append(context.Notes);
                }
            }

            Write(WorkerJson.Result, outcome with { Output = Cap(logs.ToString()) });
            Phase($"check {spec.Id} done");
        }

        summary = summary with { P50Ms = RunSummary.Percentile(durations, 50), P99Ms = RunSummary.Percentile(durations, 99) };
        Write(WorkerJson.Summary, new WorkerSummary(summary));
        Phase("checks run");
        Write(WorkerJson.End, "");
        return 0;
    }

    /// <summary>The most output kept per check; a handler that logs in a loop cannot flood the grader.</summary>
    internal const int MaxOutputChars = 65_536;

    private static string Cap(string output) =>
        output.Length <= MaxOutputChars ? output : output[..MaxOutputChars] + $"\n… output cut: {output.Length - MaxOutputChars} more characters";

    /// <summary>The methods marked <see cref="CheckAttribute"/> in the checks assembly, by check id.</summary>
    /// <param name="assembly">The loaded checks.</param>
    /// <returns>The check methods.</returns>
    internal static Dictionary<string, MethodInfo> FindChecks(Assembly assembly)
    {
        var result = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<CheckAttribute>() is { } attribute)
                {
                    result[attribute.Id] = method;
                }
            }
        }

        return result;
    }

    private static async Task InvokeCheckAsync(MethodInfo method, CheckContext context)
    {
        var target = method.IsStatic ? null : Activator.CreateInstance(method.DeclaringType!);
        object? result;
        try
        {
            result = method.Invoke(target, new object[] { context });
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        if (result is Task task)
        {
            await task.ConfigureAwait(false);
        }
    }

    private static string FirstFrame(Exception exception)
    {
        var trace = new StackTrace(exception, fNeedFileInfo: true);
        foreach (var frame in trace.GetFrames())
        {
            if (frame.GetFileName() is { } file && frame.GetMethod() is { } method)
            {
                return $"at {method.DeclaringType?.Name}.{method.Name} in {file}:{frame.GetFileLineNumber()}";
            }
        }

        return "";
    }

    private sealed class CaptureWriter : TextWriter
    {
        public StringBuilder? Target { get; set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (Target is { } target)
            {
                lock (target)
                {
                    target.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            if (Target is { } target)
            {
                lock (target)
                {
                    target.Append(value);
                }
            }
        }

        public override void WriteLine(string? value)
        {
            if (Target is { } target)
            {
                lock (target)
                {
                    target.Append(value).Append('\n');
                }
            }
        }
    }
}
