namespace Course.Sandbox.StepFunctions;

/// <summary>
/// The predefined error names of the Amazon States Language (catalogue row SFN_07). <c>States.ALL</c> matches any of
/// them except <c>States.DataLimitExceeded</c> and <c>States.Runtime</c>, which are terminal.
/// </summary>
public static class StatesErrors
{
    /// <summary>A wildcard matching any error name (in ErrorEquals only, and only alone, last).</summary>
    public const string All = "States.ALL";

    /// <summary>A wildcard matching any error except States.Timeout.</summary>
    public const string TaskFailed = "States.TaskFailed";

    /// <summary>A task ran longer than TimeoutSeconds, or the execution ran longer than its TimeoutSeconds.</summary>
    public const string Timeout = "States.Timeout";

    /// <summary>A task sent no heartbeat for longer than HeartbeatSeconds.</summary>
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";

    /// <summary>A runtime error, such as a path that selects nothing; never retried.</summary>
    public const string Runtime = "States.Runtime";

    /// <summary>Input or output larger than the payload quota (256 KiB).</summary>
    public const string DataLimitExceeded = "States.DataLimitExceeded";

    /// <summary>ResultPath cannot be applied to the state's input.</summary>
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";

    /// <summary>A <c>.$</c> field of Parameters could not be resolved.</summary>
    public const string ParameterPathFailure = "States.ParameterPathFailure";

    /// <summary>A branch of a Parallel state failed.</summary>
    public const string BranchFailed = "States.BranchFailed";

    /// <summary>No Choice rule matched and there is no Default.</summary>
    public const string NoChoiceMatched = "States.NoChoiceMatched";

    /// <summary>An intrinsic function call failed.</summary>
    public const string IntrinsicFailure = "States.IntrinsicFailure";

    /// <summary>A Map state's ItemReader could not read its source.</summary>
    public const string ItemReaderFailed = "States.ItemReaderFailed";

    /// <summary>A distributed Map's ResultWriter could not write the results to Amazon S3.</summary>
    public const string ResultWriterFailed = "States.ResultWriterFailed";

    /// <summary>A Map state had more failed items than it tolerates.</summary>
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";

    /// <summary>The task was denied by IAM.</summary>
    public const string Permissions = "States.Permissions";

    /// <summary>
    /// True when the error name <paramref name="error"/> is matched by <paramref name="pattern"/> of an ErrorEquals list:
    /// equal names, <c>States.ALL</c> (anything but the terminal errors), or <c>States.TaskFailed</c> (anything but a timeout).
    /// </summary>
    public static bool Matches(string pattern, string error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(error);
        if (string.Equals(pattern, error, StringComparison.Ordinal))
        {
            return true;
        }
        if (error is DataLimitExceeded or Runtime)
        {
            return false;
        }
        return pattern switch
        {
            All => true,
            TaskFailed => error is not Timeout,
            _ => false,
        };
    }
}
