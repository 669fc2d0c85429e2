namespace Course.Grading.Reports;

/// <summary>A check's outcome.</summary>
public enum CheckStatus
{
    /// <summary>The check passed.</summary>
    Pass,

    /// <summary>The check failed (the learner's code did the wrong thing, or the worker was stopped).</summary>
    Fail,

    /// <summary>The check itself broke (a bug in the exercise's checks, not in the learner's code).</summary>
    Error,

    /// <summary>The check never ran (the worker stopped during an earlier check); its message says why, it shows no hint and scores 0.</summary>
    NotRun,
}
