namespace Course.Grading.Isolation;

/// <summary>The JSON settings of the grader ↔ worker protocol, and its line kinds.</summary>
internal static class WorkerJson
{
    public const string Start = "start";
    public const string Result = "result";
    public const string Summary = "summary";
    public const string Crash = "crash";
    public const string Fatal = "fatal";
    public const string End = "end";

    /// <summary>The run used checks a preparation line had loaded and warmed (a standby prepared ahead of time).</summary>
    public const string Prepared = "prepared";

    /// <summary>The source-generated metadata for every protocol type (see <see cref="WorkerJsonContext"/>).</summary>
    public static WorkerJsonContext Context => WorkerJsonContext.Default;
}
