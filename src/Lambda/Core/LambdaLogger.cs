namespace Course.Lambda.Core;

/// <summary>
/// Static logger, as <c>Amazon.Lambda.Core.LambdaLogger</c>: writes to the log stream of the invocation
/// running on the current thread.
/// </summary>
public static class LambdaLogger
{
    private static readonly AsyncLocal<ILambdaLogger?> Current = new();

    /// <summary>Writes <paramref name="message"/> to the current invocation's log stream (or standard output outside an invocation).</summary>
    public static void Log(string message)
    {
        if (Current.Value is { } logger)
        {
            logger.Log(message);
        }
        else
        {
            Console.Write(message);
        }
    }

    /// <summary>Sets the logger for the invocation flowing on this async context (no change when it is already set). Used by the sandbox host.</summary>
    public static void Bind(ILambdaLogger? logger)
    {
        if (!ReferenceEquals(Current.Value, logger))
        {
            Current.Value = logger;
        }
    }
}
