namespace Course.Sandbox.Iam;

/// <summary>The execution role attached to a deployed function: its name and the statements of all its policies.</summary>
/// <param name="RoleName">The role's name (the assumed-role ARN names it).</param>
/// <param name="Statements">Every statement of its inline and managed policies.</param>
public sealed record FunctionRole(string RoleName, IReadOnlyList<PolicyStatement> Statements);
