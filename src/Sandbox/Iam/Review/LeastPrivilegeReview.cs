namespace Course.Sandbox.Iam.Review;

/// <summary>A role reviewed for least privilege (<see cref="LeastPrivilege.Review"/>).</summary>
/// <param name="Grants">Each Allow statement, in the role's order.</param>
/// <param name="Denied">Each denied (action, resource), in first-seen order.</param>
public sealed record LeastPrivilegeReview(IReadOnlyList<GrantReview> Grants, IReadOnlyList<DeniedUse> Denied)
{
    /// <summary>Every finding: wildcard resources, wildcard or unused actions, denied calls.</summary>
    public int Findings => Grants.Sum(g => g.Findings) + Denied.Count;

    /// <summary>The grants of the function's own policies that have a <c>*</c> in an action or a wildcard resource name.</summary>
    public IEnumerable<GrantReview> WildcardGrants => Grants.Where(g => g.WildcardResource || g.Actions.Any(a => a.Wildcard));
}
