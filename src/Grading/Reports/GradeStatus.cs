namespace Course.Grading.Reports;

/// <summary>A grading run's overall outcome; also decides the exit code.</summary>
public enum GradeStatus
{
    /// <summary>Every check passed (exit code 0).</summary>
    Pass,

    /// <summary>At least one check failed (exit code 1).</summary>
    Fail,

    /// <summary>Nothing could be graded: compile errors, banned APIs or a malformed exercise (exit code 2).</summary>
    Error,
}
