using System.Diagnostics;
using System.Security.Cryptography;
using Course.Grading.Compilation;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
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
public sealed partial class Grader : IDisposable
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

        var handlerPath = Path.GetFullPath(options.HandlerFile ?? Path.Combine(directory, exercise.Handler.File));
        if (!File.Exists(handlerPath))
        {
            return Error(exercise, $"{Display(handlerPath, root)}: error: handler file not found. exercise.yaml names handler.file '{exercise.Handler.File}'; restore it or pass --file <handler.cs>.", options.Seed, watch);
        }

        try
        {
            (exercise, _) = LearnerSettings.Apply(exercise, handlerPath, p => Display(p, root));
            exercise = exercise with { LearnerFiles = exercise.LearnerFiles.Select(f => f.Resolve(handlerPath, p => Display(p, root))).ToArray() };
        }
        catch (ExerciseFormatException e)
        {
            return Error(exercise, e.Message, options.Seed, watch);
        }

        var learnerSource = SourceFile.Read(handlerPath, Display(handlerPath, root));
        Phase(watch, "exercise loaded");
        var cache = CacheFor(options);
        Phase(watch, "cache opened");

        // The exercise's checks: when they are compiled already, the standby worker loads and warms them while
        // Roslyn compiles the learner's file.
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
        if (checks is not null && PrepareWorkers)
        {
            _launcher.Prestart(limits, WorkerLauncher.Preparation(exercise with { Limits = limits }, checks.Assembly, checks.Pdb));
        }

        // 1. The learner's handler.
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

        // 2. The exercise's checks, compiled on a cache miss.
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
        LastRunPrepared = run.Prepared;
        if (ShowTimings && run.Stderr.Length > 0)
        {
            Console.Error.Write(run.Stderr);
        }

        var reports = BuildCheckReports(exercise, run, limits, checkCode);
        var status = reports.All(r => r.Status == CheckStatus.Pass) ? GradeStatus.Pass : GradeStatus.Fail;
        return new GradeReport(exercise.Id, exercise.Title, status, null, Array.Empty<CompileDiagnostic>(), reports,
            run.Summary ?? RunSummary.Empty, options.Seed, watch.Elapsed.TotalMilliseconds) { ExerciseMaxScore = exercise.MaxScore };
    }

    /// <summary>Whether the last run's worker had loaded and warmed the checks ahead of the request (tests, timings).</summary>
    internal bool LastRunPrepared { get; private set; }

    /// <summary>COURSE_GRADE_PREPARE=0 turns the standby worker's preparation off (to measure what it saves).</summary>
    private static readonly bool PrepareWorkers = Environment.GetEnvironmentVariable("COURSE_GRADE_PREPARE") != "0";

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
            var directory = Path.GetFullPath(options.ExerciseDirectory);
            var exercise = ExerciseLoader.Load(directory);
            var limits = options.WallClockSeconds is { } seconds ? exercise.Limits with { WallClockSeconds = seconds } : exercise.Limits;
            var paths = exercise.ChecksFiles.Select(f => Path.Combine(directory, f)).ToList();
            var checks = paths.All(File.Exists)
                ? CacheFor(options).TryGet(CompileCache.Key("checks", paths.Select(p => SourceFile.Read(p, Display(p, options.DisplayRoot ?? Environment.CurrentDirectory))).ToList()))
                : null;
            _launcher.Prestart(limits, checks is null || !PrepareWorkers ? null : WorkerLauncher.Preparation(exercise with { Limits = limits }, checks.Assembly, checks.Pdb));
        }
        catch (Exception e) when (e is ExerciseFormatException or IOException or UnauthorizedAccessException)
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
