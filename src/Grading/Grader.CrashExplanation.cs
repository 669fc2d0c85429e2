using System.Diagnostics;
using System.Security.Cryptography;
using Course.Grading.Compilation;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Isolation;
using Course.Grading.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading;

public sealed partial class Grader
{
    /// <summary>Explains why a worker stopped without finishing, from what it left behind.</summary>
    internal static string DescribeStop(WorkerRun run, GradingLimits limits)
    {
        var seconds = limits.WallClockSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        if (run.TimedOut && run.CurrentCheck is null)
        {
            return $"the grading worker did not get to the first check within {seconds} s of real time (is the machine overloaded?); run grade again";
        }

        if (run.TimedOut)
        {
            return $"observed: the function was still running after {seconds} s of real time and was stopped (the whole worker process was killed)\n"
                   + "expected: every invocation to finish\n"
                   + "next step: look for a loop whose exit condition never becomes true, or a wait (.Result, .Wait(), a lock) that never ends";
        }

        if (run.Stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            var frame = run.Stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal) && !l.Contains("System.", StringComparison.Ordinal));
            return "observed: the process crashed with a stack overflow" + (frame is null ? "" : $" ({frame})") + "\n"
                   + "expected: the handler to return\n"
                   + "next step: look for recursion without a base case (a method or property that calls itself)";
        }

        if (run.Crash is { } crash && crash.Type.Contains("OutOfMemory", StringComparison.Ordinal)
            || run.Stderr.Contains("OutOfMemoryException", StringComparison.Ordinal) || run.Stderr.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return $"observed: the function ran out of memory (the worker's heap limit is {limits.MemoryMb} MB)\n"
                   + "expected: the function to stay within its memory\n"
                   + "next step: look for collections that grow without bound or very large allocations";
        }

        if (run.Crash is { } unhandled)
        {
            return $"observed: an unhandled {unhandled.Type} crashed the function's process: {unhandled.Message}{(unhandled.Location.Length > 0 ? " " + unhandled.Location : "")}\n"
                   + "expected: errors to surface as the invocation's result, not to crash the process\n"
                   + "next step: catch exceptions inside the threads and fire-and-forget work you start (an exception on a background thread ends the whole process)";
        }

        if (run.Fatal is { } fatal)
        {
            return $"the worker could not load the compiled code: {fatal}";
        }

        return $"observed: the function's process exited with code {run.ExitCode} in the middle of the check (Environment.Exit, or a fatal runtime error)\n"
               + "expected: the handler to return a response\n"
               + "next step: never end the process; return an error response or throw an exception instead"
               + (run.Stderr.Length > 0 ? $"\nprocess stderr: {FirstLines(run.Stderr, 3)}" : "");
    }

    private static string FirstLines(string text, int count) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(count).Select(l => l.Trim()));
}
