using System.Text;
using Course.Grading.Isolation;

namespace Course.Grading.Exercises;

/// <summary>
/// What a check receives: a fresh deployment of the learner's function in the simulation, ways to invoke it
/// (directly or through the exercise's trigger), and the platform's record of what happened.
/// Checks judge that record, never what the handler says about itself.
/// </summary>
public sealed class CheckContext
{
    private readonly IFunctionSession _session;
    private readonly StringBuilder _notes = new();
    private int _sequence;

    internal CheckContext(IFunctionSession session, ExerciseDefinition exercise, CheckSpec check, int seed)
    {
        _session = session;
        Exercise = exercise;
        Check = check;
        Seed = seed;
        Random = new Random(HashCode(check.Id, seed));
    }

    /// <summary>The exercise being graded.</summary>
    public ExerciseDefinition Exercise { get; }

    /// <summary>The check being run.</summary>
    public CheckSpec Check { get; }

    /// <summary>The grading seed (from <c>--seed</c>; default 1).</summary>
    public int Seed { get; }

    /// <summary>A random source seeded from the grading seed and the check id: use it for generated inputs.</summary>
    public Random Random { get; }

    /// <summary>The deployed function's name.</summary>
    public string FunctionName => _session.Function.Name;

    /// <summary>The simulation this check runs in (fresh for every check, seeded with the grading seed).</summary>
    public Course.Sandbox.Simulation Sim => _session.Simulation;

    /// <summary>The simulation's trace: the platform's record of every happening. Judge this, not the handler's claims.</summary>
    public Course.Sandbox.Observability.Trace Trace => _session.Simulation.Trace;

    /// <summary>The deployed function (its options, environments and their logs).</summary>
    public Course.Sandbox.Functions.LambdaFunction Function => _session.Function;

    /// <summary>Every invocation made so far in this check, in order.</summary>
    public IReadOnlyList<FunctionInvocation> Invocations => _invocations;

    private readonly List<FunctionInvocation> _invocations = new();

    /// <summary>Invokes the function synchronously (RequestResponse) with a raw JSON payload.</summary>
    /// <param name="payloadJson">The event JSON.</param>
    /// <returns>The invocation as the platform recorded it.</returns>
    public async Task<FunctionInvocation> InvokeAsync(string payloadJson)
    {
        var invocation = await _session.InvokeAsync(payloadJson).ConfigureAwait(false);
        _invocations.Add(invocation);
        return invocation;
    }

    /// <summary>Sends an HTTP request through an API Gateway HTTP API (payload format 2.0) to the function.</summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="path">The path with an optional query string, e.g. <c>/users?x=1</c>.</param>
    /// <param name="body">The request body, or null for none.</param>
    /// <param name="headers">Extra request headers (names are lower-cased as API Gateway does).</param>
    /// <param name="base64">True to send <paramref name="body"/> as already base64-encoded (isBase64Encoded = true).</param>
    /// <returns>What the HTTP client sees; 502 when the function failed.</returns>
    public async Task<HttpResult> HttpAsync(string method, string path, string? body = null, IReadOnlyDictionary<string, string>? headers = null, bool base64 = false)
    {
        var evt = ApiGatewayHttp.BuildEvent(method, path, body, headers, base64, _session.Simulation.Now, ++_sequence);
        var invocation = await InvokeAsync(evt).ConfigureAwait(false);
        return ApiGatewayHttp.ToHttp(invocation);
    }

    /// <summary>Adds a line to the check's output (shown with <c>--logs</c> and in results.json).</summary>
    /// <param name="line">The line.</param>
    public void Note(string line) => _notes.AppendLine(line);

    /// <summary>Fails the check unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="observed">What was observed.</param>
    /// <param name="expected">What was expected.</param>
    /// <param name="nextStep">What to change next.</param>
    /// <exception cref="CheckFailedException">The condition is false.</exception>
    public static void Require(bool condition, string observed, string expected, string nextStep)
    {
        if (!condition)
        {
            throw new CheckFailedException(observed, expected, nextStep);
        }
    }

    internal string Notes => _notes.ToString();

    private static int HashCode(string id, int seed)
    {
        unchecked
        {
            var hash = (int)2166136261 ^ seed;
            foreach (var c in id)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
