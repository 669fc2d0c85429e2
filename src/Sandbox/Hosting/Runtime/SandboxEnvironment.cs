using System.Collections;

namespace Course.Sandbox.Hosting.Runtime;

/// <summary>
/// Environment variables as handler code sees them (the grader's compiler rewrites the learner's
/// <c>Environment.GetEnvironmentVariable</c>, <c>SetEnvironmentVariable</c> and <c>GetEnvironmentVariables</c> to
/// these): the variables of the execution environment running the code — Lambda's own (AWS_REGION,
/// AWS_LAMBDA_FUNCTION_NAME, …) and the function's configuration — never the grading machine's, and never another
/// environment's. A variable set by handler code lives as long as its environment. Outside an invocation they are
/// the process's.
/// </summary>
public static class SandboxEnvironment
{
    private static Dictionary<string, string>? Variables => InvocationScope.Current?.Environment?.Variables;

    /// <summary>Replaces <c>Environment.GetEnvironmentVariable(string)</c>.</summary>
    public static string? GetEnvironmentVariable(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (Variables is not { } variables)
        {
            return System.Environment.GetEnvironmentVariable(variable);
        }
        return variables.TryGetValue(variable, out var value) ? value : null;
    }

    /// <summary>Replaces <c>Environment.GetEnvironmentVariable(string, EnvironmentVariableTarget)</c> (every target reads the environment's).</summary>
    public static string? GetEnvironmentVariable(string variable, EnvironmentVariableTarget target) => GetEnvironmentVariable(variable);

    /// <summary>Replaces <c>Environment.SetEnvironmentVariable(string, string?)</c>.</summary>
    public static void SetEnvironmentVariable(string variable, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        if (Variables is not { } variables)
        {
            System.Environment.SetEnvironmentVariable(variable, value);
            return;
        }
        if (value is null)
        {
            variables.Remove(variable);
        }
        else
        {
            variables[variable] = value;
        }
    }

    /// <summary>Replaces <c>Environment.SetEnvironmentVariable(string, string?, EnvironmentVariableTarget)</c>.</summary>
    public static void SetEnvironmentVariable(string variable, string? value, EnvironmentVariableTarget target) => SetEnvironmentVariable(variable, value);

    /// <summary>Replaces <c>Environment.GetEnvironmentVariables()</c>.</summary>
    public static IDictionary GetEnvironmentVariables()
    {
        if (Variables is not { } variables)
        {
            return System.Environment.GetEnvironmentVariables();
        }
        var copy = new Hashtable(StringComparer.Ordinal);
        foreach (var (key, value) in variables)
        {
            copy[key] = value;
        }
        return copy;
    }

    /// <summary>Replaces <c>Environment.GetEnvironmentVariables(EnvironmentVariableTarget)</c>.</summary>
    public static IDictionary GetEnvironmentVariables(EnvironmentVariableTarget target) => GetEnvironmentVariables();
}
