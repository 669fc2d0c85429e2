namespace Course.Lambda.Core;

/// <summary>Writes to the function's CloudWatch log stream. Mirrors <c>Amazon.Lambda.Core.ILambdaLogger</c>.</summary>
public interface ILambdaLogger
{
    /// <summary>Writes <paramref name="message"/> as it is.</summary>
    void Log(string message);

    /// <summary>Writes <paramref name="message"/> followed by a line break.</summary>
    void LogLine(string message);

    /// <summary>Writes <paramref name="message"/> at the given level (<c>Trace</c>, <c>Debug</c>, <c>Information</c>, <c>Warning</c>, <c>Error</c>, <c>Critical</c>).</summary>
    void Log(string level, string message) => LogLine(message);

    /// <summary>Writes an informational message.</summary>
    void LogInformation(string message) => Log("Information", message);

    /// <summary>Writes a warning.</summary>
    void LogWarning(string message) => Log("Warning", message);

    /// <summary>Writes an error.</summary>
    void LogError(string message) => Log("Error", message);

    /// <summary>Writes a debug message.</summary>
    void LogDebug(string message) => Log("Debug", message);
}
