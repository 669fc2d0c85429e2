using Course.Sandbox.Sources.ApiGateway;

namespace Course.Sandbox.Templates.Deploy;

/// <summary>A template deployed into one simulation: each resource's physical id and what the sandbox made of it.</summary>
public sealed class DeployedStack
{
    internal DeployedStack() { }

    /// <summary>Physical ids (bucket names, table names, queue URLs, function names…) by logical id.</summary>
    public Dictionary<string, string> PhysicalIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Resource types by logical id (of the translated template).</summary>
    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Function names by the logical id of the template's function.</summary>
    public Dictionary<string, string> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>HTTP APIs by logical id (<c>ServerlessHttpApi</c> for the implicit one).</summary>
    public Dictionary<string, HttpApi> HttpApis { get; } = new(StringComparer.Ordinal);

    /// <summary>The evaluated Outputs.</summary>
    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Resources the sandbox does not simulate (kept, not deployed) and other notes.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The deployed name of function <paramref name="logicalIdOrName"/> (a logical id or a function name).</summary>
    /// <exception cref="KeyNotFoundException">No such function.</exception>
    public string FunctionName(string logicalIdOrName) =>
        Functions.TryGetValue(logicalIdOrName, out var name) ? name
        : Functions.ContainsValue(logicalIdOrName) ? logicalIdOrName
        : throw new KeyNotFoundException($"The template has no function '{logicalIdOrName}' (functions: {string.Join(", ", Functions.Keys)}).");
}
