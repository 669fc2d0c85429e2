using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.S3Events;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Hosting;

namespace Course.Grading.Isolation;

/// <summary>
/// What a standby worker does with a preparation line (the next request's exercise and checks, no learner assembly,
/// no nonce) while the grader compiles the learner's file: loads the checks, JIT-compiles every method in them, and
/// sends a couple of events through the exercise's trigger to a stand-in handler taking the trigger's event type, so
/// the engine's trigger path and the Lambda serializer for that event type are compiled too. Nothing of the learner's
/// runs here; the request that follows still runs every check in a fresh session, in this fresh process.
/// </summary>
internal sealed class WorkerPreparation
{
    private static int s_contexts;

    private readonly byte[] _checksAssembly;
    private readonly Dictionary<string, MethodInfo> _checks;

    private WorkerPreparation(byte[] checksAssembly, Dictionary<string, MethodInfo> checks)
    {
        _checksAssembly = checksAssembly;
        _checks = checks;
    }

    /// <summary>The preparation in a stdin line, or null when the line is a request (it has a learner assembly).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The preparation request, or null.</returns>
    public static WorkerRequest? TryParse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, WorkerJson.Context.WorkerRequest) is { LearnerAssembly.Length: 0, Nonce.Length: 0 } preparation ? preparation : null;
        }
        catch (JsonException)
        {
            return null;   // the run reports the unusable request
        }
    }

    /// <summary>Loads the prepared checks and warms their path; never throws (the run reports real problems).</summary>
    /// <param name="preparation">The preparation request.</param>
    /// <returns>The loaded checks, or null when they could not be loaded.</returns>
    public static WorkerPreparation? Prepare(WorkerRequest preparation)
    {
        try
        {
            var assembly = LoadChecks(preparation);
            var prepared = new WorkerPreparation(preparation.ChecksAssembly, WorkerHost.FindChecks(assembly));
            CompileAll(assembly);
            WarmTrigger(preparation.Exercise);
            return prepared;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            WorkerHost.Phase($"preparation failed: {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>The prepared checks when the request carries the same checks assembly, else null (load them afresh).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The check methods by id, or null.</returns>
    public Dictionary<string, MethodInfo>? ChecksFor(WorkerRequest request) =>
        request.ChecksAssembly.AsSpan().SequenceEqual(_checksAssembly) ? _checks : null;

    /// <summary>Loads a request's checks assembly into a load context of its own (its dependencies come from the worker's).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The loaded assembly.</returns>
    public static Assembly LoadChecks(WorkerRequest request)
    {
        var context = new AssemblyLoadContext($"checks-{Interlocked.Increment(ref s_contexts)}");
        return context.LoadFromStream(new MemoryStream(request.ChecksAssembly), new MemoryStream(request.ChecksPdb));
    }

    private static void CompileAll(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type.ContainsGenericParameters)
            {
                continue;
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (!method.IsAbstract && !method.ContainsGenericParameters)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }
        }
    }

    /// <summary>Two events (a cold and a warm invocation) through the exercise's trigger to a stand-in handler.</summary>
    private static void WarmTrigger(ExerciseDefinition exercise)
    {
        var handler = exercise.Trigger.Kind switch
        {
            TriggerKind.ApiGateway => HandlerFactory.FromDelegate<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>((request, _) =>
                new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = request.Body, Headers = new Dictionary<string, string> { ["content-type"] = "application/json" } }),
            TriggerKind.Sqs => HandlerFactory.FromDelegate<SQSEvent, SQSBatchResponse>((e, _) => new SQSBatchResponse()),
            TriggerKind.S3 => HandlerFactory.FromDelegate<S3Event, string>((e, _) => e.Records?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            _ => null,
        };
        if (handler is null)
        {
            return;
        }

        using var session = new SimulationFunctionSession(exercise, handler, seed: 1);
        var context = new CheckContext(session, exercise, exercise.Checks[0], 1);
        for (var i = 0; i < 2; i++)
        {
            switch (exercise.Trigger.Kind)
            {
                case TriggerKind.ApiGateway:
                    var (method, path) = RouteRequest(exercise);
                    _ = context.HttpAsync(method, path, "{\"id\":\"a\"}", new Dictionary<string, string> { ["content-type"] = "application/json" }).GetAwaiter().GetResult();
                    break;
                case TriggerKind.Sqs:
                    context.Sqs.Send("{\"id\":\"a\"}");
                    context.Sqs.Run();
                    break;
                case TriggerKind.S3:
                    context.S3.Upload($"warm-up/{i}.csv", "a,b\n");
                    context.S3.Run();
                    break;
            }
        }

        _ = session.Summarize();
        _ = session.Logs();
    }

    /// <summary>A request the exercise's route matches: <c>POST /users</c> for <c>POST /users</c>, <c>{id}</c> filled in.</summary>
    internal static (string Method, string Path) RouteRequest(ExerciseDefinition exercise)
    {
        if (!exercise.Trigger.Settings.TryGetValue("route", out var route) || !route.Contains(' ', StringComparison.Ordinal))
        {
            return ("POST", "/warm-up");   // $default: any request
        }

        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var path = System.Text.RegularExpressions.Regex.Replace(route[(method.Length + 1)..], @"\{[^}]*\}", "x");
        return (method == "ANY" ? "POST" : method, path);
    }
}
