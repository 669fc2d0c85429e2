using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// Workflow variables (Assign) visible to a chain of states: its own, then those of the enclosing scopes (a Map
/// iteration or Parallel branch reads the outer variables; what it assigns stays inside it).
/// </summary>
internal sealed class VariableScope(VariableScope? parent = null)
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    /// <summary>A variable's value, looked up through the enclosing scopes.</summary>
    public (bool Found, JsonNode? Value) Get(string name)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s._values.TryGetValue(name, out var v))
            {
                return (true, v);
            }
        }
        return (false, null);
    }

    /// <summary>Sets variables in this scope.</summary>
    public void Set(JsonObject values)
    {
        foreach (var (k, v) in values)
        {
            _values[k] = v?.DeepClone();
        }
    }

    /// <summary>The scope this one is nested in.</summary>
    public VariableScope? Parent { get; } = parent;
}
