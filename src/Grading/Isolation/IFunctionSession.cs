using Course.Grading.Exercises;
using Course.Grading.Reports;

namespace Course.Grading.Isolation;

/// <summary>
/// The seam between the grader and whatever runs the learner's function for one check: a fresh deployment
/// of the exercise's function (new execution environments, fresh services) driven by the check.
/// </summary>
internal interface IFunctionSession : IDisposable
{
    /// <summary>The deployed function's name.</summary>
    string FunctionName { get; }

    /// <summary>The virtual time now, used for event timestamps.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Invokes the function synchronously (RequestResponse) with a JSON payload.</summary>
    Task<FunctionInvocation> InvokeAsync(string payloadJson);

    /// <summary>What the platform recorded for this session so far: invocations, cold starts, durations, cost.</summary>
    RunSummary Summarize();

    /// <summary>Per-invocation virtual durations (for percentiles over all sessions).</summary>
    IReadOnlyList<TimeSpan> Durations { get; }
}
