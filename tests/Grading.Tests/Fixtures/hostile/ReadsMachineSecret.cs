using System.Collections;
using Course.Lambda.Core;

namespace Hello;

public sealed record Request(string? Name);

public class Function
{
    // Tries to leak the grading machine's environment into its own feedback.
    public string FunctionHandler(Request request, ILambdaContext context)
    {
        var all = string.Join(";", Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}"));
        Console.WriteLine(all);
        throw new InvalidOperationException(all);
    }
}
