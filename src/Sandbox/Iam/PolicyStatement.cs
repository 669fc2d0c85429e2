namespace Course.Sandbox.Iam;

/// <summary>One statement of an identity-based policy: Effect, Action or NotAction, Resource or NotResource, Condition.</summary>
public sealed record PolicyStatement
{
    /// <summary>True for <c>"Effect": "Allow"</c>, false for Deny.</summary>
    public required bool Allow { get; init; }

    /// <summary>The actions (<c>service:Action</c>, wildcards allowed); empty when <see cref="NotActions"/> is used.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>NotAction: the statement applies to every action except these.</summary>
    public IReadOnlyList<string> NotActions { get; init; } = [];

    /// <summary>The resource ARNs (wildcards allowed).</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>NotResource: the statement applies to every resource except these.</summary>
    public IReadOnlyList<string> NotResources { get; init; } = [];

    /// <summary>Conditions: operator → (context key → values).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Conditions { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    /// <summary>The policy (e.g. <c>FunctionRolePolicy0</c> or a managed policy name) the statement belongs to.</summary>
    public string Source { get; init; } = "";

    /// <summary>True when the statement covers <paramref name="action"/> on <paramref name="resource"/> (conditions not checked).</summary>
    public bool Covers(string action, string resource) =>
        (NotActions.Count > 0 ? !NotActions.Any(a => Wildcard.Matches(a, action, ignoreCase: true)) : Actions.Any(a => Wildcard.Matches(a, action, ignoreCase: true)))
        && (NotResources.Count > 0 ? !NotResources.Any(r => Wildcard.Matches(r, resource, ignoreCase: false)) : Resources.Any(r => Wildcard.Matches(r, resource, ignoreCase: false)));
}
