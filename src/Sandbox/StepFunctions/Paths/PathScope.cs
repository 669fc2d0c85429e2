using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>The documents a path can start from while a state runs: its input (<c>$</c>), the context object (<c>$$</c>) and the variables in scope (<c>$name</c>).</summary>
internal sealed class PathScope(JsonNode? input, JsonNode? context, Func<string, (bool Found, JsonNode? Value)>? variables = null)
{
    /// <summary>The state's input (or the result, for ResultSelector).</summary>
    public JsonNode? Input { get; } = input;

    /// <summary>The context object.</summary>
    public JsonNode? Context { get; } = context;

    /// <summary>The same scope over another input (ResultSelector works on the task's result).</summary>
    public PathScope WithInput(JsonNode? input) => new(input, Context, variables);

    /// <summary>The document <paramref name="path"/> starts from.</summary>
    /// <exception cref="StatesException"><c>States.Runtime</c> for a variable not in scope.</exception>
    public JsonNode? Start(JsonPath path)
    {
        switch (path.Root)
        {
            case PathRoot.Context: return Context;
            case PathRoot.Variable:
                var (found, value) = variables?.Invoke(path.Variable!) ?? (false, null);
                if (!found)
                {
                    throw new StatesException(StatesErrors.Runtime, $"The variable '${path.Variable}' is not defined in this scope (set it with Assign in an earlier state).");
                }
                return value;
            default: return Input;
        }
    }
}
