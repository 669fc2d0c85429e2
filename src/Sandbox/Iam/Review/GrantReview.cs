namespace Course.Sandbox.Iam.Review;

/// <summary>One Allow statement of a role, reviewed.</summary>
/// <param name="Statement">The statement (its <see cref="PolicyStatement.Source"/> names the policy).</param>
/// <param name="ForLambdaService">True for the policies Lambda itself uses (logs, pollers): listed, never flagged.</param>
/// <param name="WildcardResource">True when a resource's name is a wildcard (<see cref="LeastPrivilege.IsWildcardResource"/>).</param>
/// <param name="Actions">Each action (or the NotAction list) with how often the code used it.</param>
public sealed record GrantReview(PolicyStatement Statement, bool ForLambdaService, bool WildcardResource, IReadOnlyList<ActionReview> Actions)
{
    /// <summary>The statement's resources as a reader sees them (<c>every resource but …</c> for NotResource).</summary>
    public string ResourceText => Statement.Resources.Count > 0 ? string.Join(", ", Statement.Resources) : "every resource but " + string.Join(", ", Statement.NotResources);

    /// <summary>How many findings this grant adds (a wildcard resource, each flagged action).</summary>
    public int Findings => (WildcardResource ? 1 : 0) + Actions.Sum(a => a.Flags.Count);
}
