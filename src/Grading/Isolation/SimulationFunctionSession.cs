using System.Text;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Reports;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Pricing;

namespace Course.Grading.Isolation;

/// <summary>
/// Runs one check's scenario in the engine: a fresh <see cref="Course.Sandbox.Simulation"/> seeded with the
/// grading seed, the learner's compiled assembly deployed as the exercise's function (one collectible load
/// context per execution environment, so statics behave as on AWS).
/// </summary>
internal sealed class SimulationFunctionSession : IFunctionSession
{
    public SimulationFunctionSession(ExerciseDefinition exercise, byte[] image, byte[] symbols, int seed)
        : this(exercise, HandlerFactory.FromAssembly(image, symbols, exercise.Handler.Type, exercise.Handler.Method), seed)
    {
        _image = image;
        _symbols = symbols;
        _handlerType = exercise.Handler.Type;
    }

    private readonly byte[]? _image;
    private readonly byte[]? _symbols;
    private readonly string? _handlerType;
    private IReadOnlyDictionary<string, object?>? _constants;

    public IReadOnlyDictionary<string, object?> HandlerConstants => _constants ??= _image is null
        ? new Dictionary<string, object?>(StringComparer.Ordinal)
        : HandlerConstantReader.Read(_image, _handlerType!);

    /// <summary>A session over any handler factory (in-process runs, e.g. <see cref="InProcessChecks"/>).</summary>
    public SimulationFunctionSession(ExerciseDefinition exercise, HandlerFactory handler, int seed)
    {
        Simulation = new Simulation(new SimulationOptions { Seed = seed });
        var spec = exercise.Function;
        var options = new FunctionOptions
        {
            FunctionName = spec.Name,
            MemorySize = spec.MemorySize,
            Timeout = TimeSpan.FromSeconds(spec.TimeoutSeconds),
            Environment = new Dictionary<string, string>(spec.Environment, StringComparer.Ordinal),
            ReservedConcurrentExecutions = spec.ReservedConcurrency,
        };
        // The engine sets the function's environment variables around INIT and every invocation, as Lambda does
        // (SimulationOptions.ApplyEnvironmentVariables), so Environment.GetEnvironmentVariable("TABLE_NAME") works as on AWS.
        Function = Simulation.Lambda.Deploy(options, handler);
    }

    public Simulation Simulation { get; }

    public LambdaFunction Function { get; }

    public IReadOnlyList<TimeSpan> Durations => Records().Select(r => r.Duration).ToList();

    public Task<FunctionInvocation> InvokeAsync(string payloadJson)
    {
        var pending = Simulation.Lambda.InvokeAsync(Function.Name, payloadJson);
        Simulation.RunUntilComplete(pending);
        if (!pending.IsCompleted)
        {
            throw new InvalidOperationException("The invocation did not complete: the simulation's queue emptied first.");
        }

        var r = pending.Result;
        return Task.FromResult(new FunctionInvocation(r.RequestId, r.Payload ?? "", r.FunctionError, r.ErrorType, r.ErrorMessage, r.Duration, r.InitDuration is not null)
        {
            StatusCode = r.StatusCode,
            TimedOut = r.TimedOut,
            Throttled = r.Throttled,
        });
    }

    public HandlerFactory HandlerFor(string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        return _image is null
            ? throw new InvalidOperationException($"this session's handler ({Function.Handler.Description}) is not a compiled assembly; HandlerFor needs the learner's compiled file")
            : HandlerFactory.FromAssembly(_image, _symbols, _handlerType!, method);
    }

    public RunSummary Summarize()
    {
        var records = Records();
        var cost = new CostModel(PriceSheet.UsEast1).Summarize(records).Total;
        return new RunSummary(
            records.Count,
            records.Count(r => r.ColdStart),
            records.Count(r => r.ErrorType is not null),
            records.Count(r => r.Attempt > 1),
            Simulation.Trace.OfKind(TraceKind.DeadLetter).Count(),
            RunSummary.Percentile(records.Select(r => r.Duration).ToList(), 50),
            RunSummary.Percentile(records.Select(r => r.Duration).ToList(), 99),
            records.Sum(r => r.BilledDurationMs),
            cost);
    }

    public string Logs()
    {
        var text = new StringBuilder();
        foreach (var environment in Function.Environments)
        {
            foreach (var line in environment.Log.Events)
            {
                text.Append(line.Message).Append('\n');
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Simulation.RunFor(Simulation.Options.EnvironmentIdleTimeout);
    }

    /// <summary>
    /// Every invocation of the learner's code in this session's simulation: the exercise's function and any other
    /// function a check deployed with the same handler (e.g. exercise 11 deploys it again with the configuration the
    /// learner declares). Functions a check deploys with its own handlers, and simulations of its own, are not the
    /// learner's and are not counted.
    /// </summary>
    private List<Course.Sandbox.Invocation.InvocationRecord> Records()
    {
        var names = LearnerFunctions().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return Simulation.Lambda.Invocations.Where(r => names.Contains(r.FunctionName) && !r.Throttled).ToList();
    }

    private IEnumerable<LambdaFunction> LearnerFunctions() =>
        Simulation.Lambda.Functions.Values.Where(f => f == Function || ReferenceEquals(f.Handler, Function.Handler)).OrderBy(f => f == Function ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal);
}
