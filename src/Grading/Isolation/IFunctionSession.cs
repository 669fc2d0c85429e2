using Course.Grading.Exercises;
using Course.Grading.Reports;
using Course.Sandbox;
using Course.Sandbox.Functions;

namespace Course.Grading.Isolation;

/// <summary>
/// The seam between the grader and whatever runs the learner's function for one check: a fresh deployment
/// of the exercise's function (new execution environments, fresh services) driven by the check.
/// </summary>
internal interface IFunctionSession : IDisposable
{
    /// <summary>The simulation the function is deployed in.</summary>
    Simulation Simulation { get; }

    /// <summary>The deployed function.</summary>
    LambdaFunction Function { get; }

    /// <summary>Invokes the function synchronously (RequestResponse) with a JSON payload and runs the simulation until it completes.</summary>
    Task<FunctionInvocation> InvokeAsync(string payloadJson);

    /// <summary>What the platform recorded for this session so far: invocations, cold starts, durations, cost.</summary>
    RunSummary Summarize();

    /// <summary>Per-invocation virtual durations (for percentiles over all sessions).</summary>
    IReadOnlyList<TimeSpan> Durations { get; }

    /// <summary>The public constants the handler class declares (read from metadata; empty for handlers given as types or delegates).</summary>
    IReadOnlyDictionary<string, object?> HandlerConstants { get; }

    /// <summary>The function's CloudWatch-style log lines, environment by environment.</summary>
    string Logs();

    /// <summary>
    /// Another public method of the learner's handler class, as a handler from the same compiled assembly (nothing is
    /// recompiled): how an exercise whose file holds several functions deploys each one.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session's handler is not a compiled assembly.</exception>
    Course.Sandbox.Hosting.HandlerFactory HandlerFor(string method);
}
