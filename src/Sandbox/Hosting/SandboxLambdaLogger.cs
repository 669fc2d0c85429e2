using System.Text;
using Course.Lambda.Core;

namespace Course.Sandbox.Hosting;

/// <summary>
/// Writes handler log output to the environment's log stream in the .NET runtime's text format
/// (<c>timestamp	requestId	level	message</c>), stamped with the invocation's modelled time. One logger per
/// environment; outside a phase (code running after its invocation ended) it writes to standard output.
/// </summary>
internal sealed class SandboxLambdaLogger(Observability.LogStream stream, InvocationScope scope) : ILambdaLogger
{
    private StringBuilder? _partial;
    private StringBuilder? _console;
    private string _consoleLevel = "Information";

    /// <summary>Text the handler wrote to standard output or error: each complete line becomes a log line of <paramref name="level"/>.</summary>
    internal void Console(string level, string text)
    {
        if (_console is { Length: > 0 } && _consoleLevel != level)
        {
            FlushConsole();
        }
        _consoleLevel = level;
        foreach (var line in CompleteLines(_console ??= new StringBuilder(), text))
        {
            Log(level, line);
        }
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="buffer"/> and takes out the lines it completes (an unfinished one stays).</summary>
    private static string[] CompleteLines(StringBuilder buffer, string text)
    {
        buffer.Append(text);
        var buffered = buffer.ToString();
        var newline = buffered.LastIndexOf('\n');
        if (newline < 0)
        {
            return [];
        }
        buffer.Clear().Append(buffered[(newline + 1)..]);
        return [.. buffered[..newline].Split('\n').Select(line => line.TrimEnd('\r'))];
    }

    private void FlushConsole()
    {
        if (_console is not { Length: > 0 })
        {
            return;
        }
        Log(_consoleLevel, _console.ToString());
        _console.Clear();
    }

    public void Log(string message)
    {
        if (!scope.IsActive)
        {
            System.Console.Write(message);
            return;
        }
        foreach (var line in CompleteLines(_partial ??= new StringBuilder(), message))
        {
            stream.Append(scope.Now, line);
        }
    }

    public void LogLine(string message) => Log(message + "\n");

    public void Log(string level, string message)
    {
        if (!scope.IsActive)
        {
            System.Console.WriteLine(message);
        }
        else
        {
            stream.Append(scope.Now, $"{Observability.LogStream.Timestamp(scope.Now)}\t{scope.RequestId}\t{ShortLevel(level)}\t{message}");
        }
    }

    public void Flush()
    {
        FlushConsole();
        if (_partial is null || _partial.Length == 0)
        {
            return;
        }
        stream.Append(scope.Now, _partial.ToString());
        _partial.Clear();
    }

    private static string ShortLevel(string level) => level switch
    {
        "Information" => "info",
        "Warning" => "warn",
        "Error" => "fail",
        "Critical" => "crit",
        "Debug" => "dbug",
        "Trace" => "trce",
        _ => level.ToLowerInvariant(),
    };
}
