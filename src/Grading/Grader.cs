using System.Diagnostics;
using System.Security.Cryptography;
using Course.Grading.Compilation;
using Course.Grading.Exercises;
using Course.Grading.Isolation;
using Course.Grading.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading;

/// <summary>
/// Grades one exercise: reads exercise.yaml, compiles the learner's handler (with the sandbox safety rules)
/// and the exercise's checks, runs the checks in an isolated worker process and builds the report.
/// Keep one instance per process: compiled checks and reference sets stay warm between runs (e.g. --watch).
/// </summary>
public sealed class Grader : IDisposable
{
    private readonly SourceCompiler _compiler = new();
    private readonly WorkerLauncher _launcher;
    private CompileCache? _cache;
    private string? _cacheDirectory;

    /// <summary>Creates a grader that starts workers from the default location (next to the grader).</summary>
    public Grader() : this(null)
    {
    }

    /// <summary>Creates a grader with an explicit worker assembly path.</summary>
    /// <param name="workerDll">The path to Course.Grading.Worker.dll, or null for the default.</param>
    public Grader(string? workerDll)
    {
        _launcher = new WorkerLauncher(workerDll);
    }

    /// <summary>Grades an exercise.</summary>
    /// <param name="options">What to grade.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report; never throws for bad learner code or a malformed exercise (those are reports with status Error).</returns>
    public async Task<GradeReport> GradeAsync(GradeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var root = options.DisplayRoot ?? Environment.CurrentDirectory;
        var directory = Path.GetFullPath(options.ExerciseDirectory);
        var folderName = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

        ExerciseDefinition exercise;
        try
        {
            if (!Directory.Exists(directory))
            {
                return Error(folderName, "", $"{Display(directory, root)}: error: exercise folder not found. Pass a folder that holds an {ExerciseLoader.FileName}, e.g. ./grade exercises/01-hello-api", options.Seed, watch);
            }

            exercise = ExerciseLoader.Load(directory, Display(Path.Combine(directory, ExerciseLoader.FileName), root));
        }
        catch (ExerciseFormatException e)
        {
            return Error(folderName, "", e.Message, options.Seed, watch);
        }

        // Start the worker process now: the runtime boots while Roslyn compiles.
        var limits = options.WallClockSeconds is { } seconds ? exercise.Limits with { WallClockSeconds = seconds } : exercise.Limits;
        _launcher.Prestart(limits);

        // 1. The learner's handler.
        var handlerPath = Path.GetFullPath(options.HandlerFile ?? Path.Combine(directory, exercise.Handler.File));
        if (!File.Exists(handlerPath))
        {
            return Error(exercise, $"{Display(handlerPath, root)}: error: handler file not found. exercise.yaml names handler.file '{exercise.Handler.File}'; restore it or pass --file <handler.cs>.", options.Seed, watch);
        }

        try
        {
            (exercise, _) = LearnerSettings.Apply(exercise, handlerPath, p => Display(p, root));
        }
        catch (ExerciseFormatException e)
        {
            return Error(exercise, e.Message, options.Seed, watch);
        }

        var learnerSource = SourceFile.Read(handlerPath, Display(handlerPath, root));
        Phase(watch, "exercise loaded");
        var cache = CacheFor(options);
        Phase(watch, "cache opened");
        var learnerKey = CompileCache.Key($"learner:{!options.SkipSafetyRules}:{exercise.Handler.Type}:{exercise.Handler.Method}", new[] { learnerSource });
        var learner = cache.TryGet(learnerKey);
        Phase(watch, learner is null ? "learner cache miss" : "learner cache hit");
        if (learner is null)
        {
            var compiled = _compiler.CompileLearner(new[] { learnerSource }, !options.SkipSafetyRules);
            if (!compiled.Success)
            {
                return Error(exercise, compiled.RenderDiagnostics(), options.Seed, watch, compiled.Diagnostics);
            }

            if (FindHandlerProblem(exercise, compiled, learnerSource.Path) is { } handlerProblem)
            {
                return Error(exercise, handlerProblem, options.Seed, watch);
            }

            learner = new CompiledUnit(compiled.Assembly!, compiled.Pdb!, new Dictionary<string, string>());
            cache.Put(learnerKey, learner);
        }

        Phase(watch, "learner compiled");

        // 2. The exercise's checks.
        var checksSources = new List<SourceFile>();
        foreach (var file in exercise.ChecksFiles)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                return Error(exercise, $"{Display(path, root)}: error: checks file not found (exercise.yaml checksFiles).", options.Seed, watch);
            }

            checksSources.Add(SourceFile.Read(path, Display(path, root)));
        }

        var checksKey = CompileCache.Key("checks", checksSources);
        var checks = cache.TryGet(checksKey);
        if (checks is null)
        {
            var compiled = _compiler.CompileChecks(checksSources);
            if (!compiled.Success)
            {
                return Error(exercise, "The exercise's checks do not compile (a problem in the exercise, not in your handler):\n\n" + compiled.RenderDiagnostics(), options.Seed, watch, compiled.Diagnostics);
            }

            checks = new CompiledUnit(compiled.Assembly!, compiled.Pdb!, FindCheckMethods(compiled));
            cache.Put(checksKey, checks);
        }

        Phase(watch, "checks compiled");
        var checkCode = checks.CheckCode;
        var yamlPath = Display(Path.Combine(directory, ExerciseLoader.FileName), root);
        foreach (var spec in exercise.Checks)
        {
            if (!checkCode.ContainsKey(spec.Id))
            {
                return Error(exercise, $"{yamlPath}:{spec.Line}:1: error: check '{spec.Id}' has no [Check(\"{spec.Id}\")] method in {string.Join(", ", exercise.ChecksFiles)}.", options.Seed, watch);
            }
        }

        // 3. Run in the worker.
        var runExercise = exercise with { Limits = limits };
        var request = new WorkerRequest(Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), runExercise,
            learner.Assembly, learner.Pdb, checks.Assembly, checks.Pdb, options.Seed);
        var run = await _launcher.RunAsync(request, limits, cancellationToken).ConfigureAwait(false);

        Phase(watch, "worker finished");
        if (ShowTimings && run.Stderr.Length > 0)
        {
            Console.Error.Write(run.Stderr);
        }

        var reports = BuildCheckReports(exercise, run, limits, checkCode);
        var status = reports.All(r => r.Status == CheckStatus.Pass) ? GradeStatus.Pass : GradeStatus.Fail;
        return new GradeReport(exercise.Id, exercise.Title, status, null, Array.Empty<CompileDiagnostic>(), reports,
            run.Summary ?? RunSummary.Empty, options.Seed, watch.Elapsed.TotalMilliseconds) { ExerciseMaxScore = exercise.MaxScore };
    }

    private static readonly bool ShowTimings = Environment.GetEnvironmentVariable("COURSE_GRADE_TIMINGS") == "1";

    private static void Phase(Stopwatch watch, string what)
    {
        if (ShowTimings)
        {
            Console.Error.WriteLine($"[timing] {watch.Elapsed.TotalMilliseconds,8:0.0} ms  {what} (JIT: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms)");
        }
    }

    /// <summary>Starts a worker for the next run ahead of time (--watch calls this after each grade).</summary>
    /// <param name="options">The options the next run will use.</param>
    public void PrepareNextRun(GradeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var exercise = ExerciseLoader.Load(Path.GetFullPath(options.ExerciseDirectory));
            _launcher.Prestart(options.WallClockSeconds is { } seconds ? exercise.Limits with { WallClockSeconds = seconds } : exercise.Limits);
        }
        catch (ExerciseFormatException)
        {
            // The next run reports it.
        }
    }

    /// <summary>Stops a worker started ahead of time and not used.</summary>
    public void Dispose() => _launcher.Dispose();

    private CompileCache CacheFor(GradeOptions options)
    {
        var directory = options.UseDiskCache ? options.CacheDirectory ?? CompileCache.DefaultDirectory : null;
        if (_cache is null || _cacheDirectory != directory)
        {
            _cache = new CompileCache(directory);
            _cacheDirectory = directory;
        }

        return _cache;
    }

    private static string? FindHandlerProblem(ExerciseDefinition exercise, CompileResult learner, string file)
    {
        var type = learner.Compilation.GetTypeByMetadataName(exercise.Handler.Type);
        if (type is null)
        {
            return $"{file}:1:1: error: exercise.yaml expects the handler class '{exercise.Handler.Type}', but {file} declares no such class. Keep the namespace and class name from the starter file.";
        }

        var methods = type.GetMembers(exercise.Handler.Method).OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public).ToList();
        if (methods.Count == 0)
        {
            var location = type.Locations.FirstOrDefault()?.GetLineSpan();
            var where = location is { } l ? $"{file}:{l.StartLinePosition.Line + 1}:{l.StartLinePosition.Character + 1}" : $"{file}:1:1";
            return $"{where}: error: exercise.yaml expects a public method '{exercise.Handler.Method}' on {type.Name}, but there is none. Keep the handler method's name from the starter file.";
        }

        if (methods.Count > 1)
        {
            return $"{file}:1:1: error: {type.Name} has {methods.Count} public methods named '{exercise.Handler.Method}'; Lambda needs exactly one handler method with that name.";
        }

        if (type.IsAbstract || (!methods[0].IsStatic && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)))
        {
            return $"{file}:1:1: error: {type.Name} needs a public parameterless constructor: Lambda creates the handler class itself during INIT.";
        }

        return null;
    }

    private static Dictionary<string, string> FindCheckMethods(CompileResult checks)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tree in checks.Compilation.SyntaxTrees)
        {
            var model = checks.Compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(method) is not { } symbol)
                {
                    continue;
                }

                foreach (var attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass?.ToDisplayString() == typeof(CheckAttribute).FullName
                        && attribute.ConstructorArguments is [{ Value: string id }])
                    {
                        result[id] = Dedent(method.ToString());
                    }
                }
            }
        }

        return result;
    }

    private static List<CheckReport> BuildCheckReports(ExerciseDefinition exercise, WorkerRun run, GradingLimits limits, IReadOnlyDictionary<string, string> code)
    {
        var reports = new List<CheckReport>();
        var stopReason = run.Ended ? null : DescribeStop(run, limits);
        foreach (var spec in exercise.Checks)
        {
            if (run.Outcomes.TryGetValue(spec.Id, out var outcome))
            {
                reports.Add(new CheckReport(spec, outcome.Status, outcome.Message, outcome.Output, code[spec.Id]));
            }
            else if (spec.Id == run.CurrentCheck)
            {
                reports.Add(new CheckReport(spec, CheckStatus.Fail, stopReason ?? "the worker stopped before this check finished", "", code[spec.Id]));
            }
            else
            {
                var reason = run.CurrentCheck is null && stopReason is not null
                    ? stopReason
                    : $"not run: the worker was stopped during check '{run.CurrentCheck}', before this check started; fix that one first";
                reports.Add(new CheckReport(spec, run.CurrentCheck is null && stopReason is not null ? CheckStatus.Fail : CheckStatus.NotRun, reason, "", code[spec.Id]));
            }
        }

        return reports;
    }

    /// <summary>Explains why a worker stopped without finishing, from what it left behind.</summary>
    internal static string DescribeStop(WorkerRun run, GradingLimits limits)
    {
        var seconds = limits.WallClockSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        if (run.TimedOut && run.CurrentCheck is null)
        {
            return $"the grading worker did not get to the first check within {seconds} s of real time (is the machine overloaded?); run grade again";
        }

        if (run.TimedOut)
        {
            return $"observed: the function was still running after {seconds} s of real time and was stopped (the whole worker process was killed)\n"
                   + "expected: every invocation to finish\n"
                   + "next step: look for a loop whose exit condition never becomes true, or a wait (.Result, .Wait(), a lock) that never ends";
        }

        if (run.Stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            var frame = run.Stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal) && !l.Contains("System.", StringComparison.Ordinal));
            return "observed: the process crashed with a stack overflow" + (frame is null ? "" : $" ({frame})") + "\n"
                   + "expected: the handler to return\n"
                   + "next step: look for recursion without a base case (a method or property that calls itself)";
        }

        if (run.Crash is { } crash && crash.Type.Contains("OutOfMemory", StringComparison.Ordinal)
            || run.Stderr.Contains("OutOfMemoryException", StringComparison.Ordinal) || run.Stderr.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return $"observed: the function ran out of memory (the worker's heap limit is {limits.MemoryMb} MB)\n"
                   + "expected: the function to stay within its memory\n"
                   + "next step: look for collections that grow without bound or very large allocations";
        }

        if (run.Crash is { } unhandled)
        {
            return $"observed: an unhandled {unhandled.Type} crashed the function's process: {unhandled.Message}{(unhandled.Location.Length > 0 ? " " + unhandled.Location : "")}\n"
                   + "expected: errors to surface as the invocation's result, not to crash the process\n"
                   + "next step: catch exceptions inside the threads and fire-and-forget work you start (an exception on a background thread ends the whole process)";
        }

        if (run.Fatal is { } fatal)
        {
            return $"the worker could not load the compiled code: {fatal}";
        }

        return $"observed: the function's process exited with code {run.ExitCode} in the middle of the check (Environment.Exit, or a fatal runtime error)\n"
               + "expected: the handler to return a response\n"
               + "next step: never end the process; return an error response or throw an exception instead"
               + (run.Stderr.Length > 0 ? $"\nprocess stderr: {FirstLines(run.Stderr, 3)}" : "");
    }

    private static string FirstLines(string text, int count) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(count).Select(l => l.Trim()));

    private static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select((l, i) => i == 0 || l.Length < indent ? l.TrimStart() : l[indent..])).Trim();
    }

    private static string Display(string fullPath, string root)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative).Replace('\\', '/');
    }

    private static GradeReport Error(ExerciseDefinition exercise, string message, int seed, Stopwatch watch, IReadOnlyList<CompileDiagnostic>? diagnostics = null) =>
        Error(exercise.Id, exercise.Title, message, seed, watch, diagnostics) with { ExerciseMaxScore = exercise.MaxScore };

    private static GradeReport Error(string id, string title, string message, int seed, Stopwatch watch, IReadOnlyList<CompileDiagnostic>? diagnostics = null) =>
        new(id, title, GradeStatus.Error, message, diagnostics ?? Array.Empty<CompileDiagnostic>(), Array.Empty<CheckReport>(), RunSummary.Empty, seed, watch.Elapsed.TotalMilliseconds);
}
