using System.Reflection;
using System.Text;
using Course.Grading.Exercises;
using Course.Grading.Reports;
using Course.Lambda.Core;
using Course.Lambda.Serialization.SystemTextJson;

namespace Course.Grading.Isolation;

/// <summary>
/// Runs the learner's handler in-process by reflection, one instance per session (the constructor is INIT).
/// A minimal host used where no engine simulation is wired; durations are not measured (zero) so reports
/// stay deterministic.
/// </summary>
internal sealed class DirectFunctionSession : IFunctionSession
{
    private const decimal PricePerRequest = 0.0000002m;
    private const decimal PricePerGbSecond = 0.0000166667m;

    private readonly ExerciseDefinition _exercise;
    private readonly Type _type;
    private readonly MethodInfo _method;
    private readonly ILambdaSerializer _serializer;
    private readonly StringBuilder _logs;
    private readonly List<TimeSpan> _durations = new();
    private readonly DateTimeOffset _start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private object? _instance;
    private int _invocations;
    private int _coldStarts;
    private int _errors;

    public DirectFunctionSession(ExerciseDefinition exercise, Assembly learner, StringBuilder logs)
    {
        _exercise = exercise;
        _logs = logs;
        _type = learner.GetType(exercise.Handler.Type, throwOnError: false)
                ?? throw new InvalidOperationException($"handler type '{exercise.Handler.Type}' was not found in the compiled handler");
        _method = _type.GetMethod(exercise.Handler.Method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                  ?? throw new InvalidOperationException($"handler method '{exercise.Handler.Method}' was not found on {exercise.Handler.Type}");
        var serializerType = _method.GetCustomAttribute<LambdaSerializerAttribute>()?.SerializerType
                             ?? learner.GetCustomAttribute<LambdaSerializerAttribute>()?.SerializerType;
        _serializer = serializerType is null ? new DefaultLambdaJsonSerializer() : (ILambdaSerializer)Activator.CreateInstance(serializerType)!;
    }

    public string FunctionName => _exercise.Function.Name;

    public DateTimeOffset Now => _start;

    public IReadOnlyList<TimeSpan> Durations => _durations;

    public async Task<FunctionInvocation> InvokeAsync(string payloadJson)
    {
        _invocations++;
        var requestId = $"00000000-0000-4000-8000-{_invocations:D12}";
        var cold = false;
        _durations.Add(TimeSpan.Zero);
        try
        {
            if (_instance is null && !_method.IsStatic)
            {
                cold = true;
                _coldStarts++;
                _instance = Activator.CreateInstance(_type);
            }

            var context = new Context(requestId, _exercise.Function, _logs);
            var parameters = _method.GetParameters();
            var args = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var type = parameters[i].ParameterType;
                if (type == typeof(ILambdaContext))
                {
                    args[i] = context;
                }
                else if (type == typeof(Stream))
                {
                    args[i] = new MemoryStream(Encoding.UTF8.GetBytes(payloadJson));
                }
                else
                {
                    using var input = new MemoryStream(Encoding.UTF8.GetBytes(payloadJson));
                    args[i] = Deserialize(type, input);
                }
            }

            var result = _method.Invoke(_instance, args);
            var (value, valueType) = await Unwrap(result, _method.ReturnType).ConfigureAwait(false);
            var payload = valueType is null ? "" : Serialize(value, valueType);
            return new FunctionInvocation(requestId, payload, null, null, null, TimeSpan.Zero, cold);
        }
        catch (Exception e)
        {
            var error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            _errors++;
            var errorType = error.GetType().FullName ?? error.GetType().Name;
            var payload = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["errorType"] = error.GetType().Name, ["errorMessage"] = error.Message });
            _logs.AppendLine($"{requestId}\tERROR\t{errorType}: {error.Message}");
            return new FunctionInvocation(requestId, payload, "Unhandled", errorType, error.Message, TimeSpan.Zero, cold);
        }
    }

    public RunSummary Summarize()
    {
        var gbSeconds = _exercise.Function.MemorySize / 1024m * 0.001m * _invocations;
        var cost = _invocations * PricePerRequest + gbSeconds * PricePerGbSecond;
        return new RunSummary(_invocations, _coldStarts, _errors, 0, 0, 0, 0, _invocations, cost);
    }

    public void Dispose()
    {
        (_instance as IDisposable)?.Dispose();
    }

    private object? Deserialize(Type type, Stream input) =>
        typeof(ILambdaSerializer).GetMethod(nameof(ILambdaSerializer.Deserialize))!.MakeGenericMethod(type).Invoke(_serializer, new object[] { input });

    private string Serialize(object? value, Type type)
    {
        using var output = new MemoryStream();
        typeof(ILambdaSerializer).GetMethod(nameof(ILambdaSerializer.Serialize))!.MakeGenericMethod(type).Invoke(_serializer, new[] { value, output });
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static async Task<(object? Value, Type? Type)> Unwrap(object? result, Type declared)
    {
        if (result is Task task)
        {
            await task.ConfigureAwait(false);
            if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(Task<>))
            {
                return (declared.GetProperty("Result")!.GetValue(task), declared.GetGenericArguments()[0]);
            }

            return (null, null);
        }

        return declared == typeof(void) ? (null, null) : (result, declared);
    }

    private sealed class Context(string requestId, FunctionSpec function, StringBuilder logs) : ILambdaContext, ILambdaLogger
    {
        public string AwsRequestId => requestId;

        public IClientContext? ClientContext => null;

        public string FunctionName => function.Name;

        public string FunctionVersion => "$LATEST";

        public ICognitoIdentity? Identity => null;

        public string InvokedFunctionArn => $"arn:aws:lambda:us-east-1:123456789012:function:{function.Name}";

        public ILambdaLogger Logger => this;

        public string LogGroupName => $"/aws/lambda/{function.Name}";

        public string LogStreamName => "2026/01/01/[$LATEST]00000000000000000000000000000000";

        public int MemoryLimitInMB => function.MemorySize;

        public TimeSpan RemainingTime => TimeSpan.FromSeconds(function.TimeoutSeconds);

        public void Log(string message)
        {
            lock (logs)
            {
                logs.Append(message);
            }
        }

        public void LogLine(string message)
        {
            lock (logs)
            {
                logs.AppendLine(message);
            }
        }
    }
}
