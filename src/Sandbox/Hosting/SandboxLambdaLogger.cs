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

    public void Log(string message)
    {
        if (!scope.IsActive)
        {
            Console.Write(message);
            return;
        }
        (_partial ??= new StringBuilder()).Append(message);
        var text = _partial.ToString();
        var newline = text.LastIndexOf('\n');
        if (newline < 0) return;
        foreach (var line in text[..newline].Split('\n')) stream.Append(scope.Now, line.TrimEnd('\r'));
        _partial.Clear().Append(text[(newline + 1)..]);
    }

    public void LogLine(string message) => Log(message + "\n");

    public void Log(string level, string message)
    {
        if (!scope.IsActive) Console.WriteLine(message);
        else stream.Append(scope.Now, $"{Observability.LogStream.Timestamp(scope.Now)}\t{scope.RequestId}\t{ShortLevel(level)}\t{message}");
    }

    public void Flush()
    {
        if (_partial is null || _partial.Length == 0) return;
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
