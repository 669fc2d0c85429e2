namespace Course.Sandbox.Iam.Review;

/// <summary>
/// The least-privilege review of a function's role (what <c>course sam policy-check</c> prints and exercise checks
/// judge): each Allow statement beside the calls the function's code made, with a <c>*</c> in an action, a wildcard in
/// a resource's name and a grant never used flagged, and every denied call listed. The policies SAM attaches for the
/// Lambda service itself (logs, pollers) are reviewed apart and never flagged.
/// </summary>
public static class LeastPrivilege
{
    /// <summary>The managed policies that serve the Lambda service (logs, event source pollers), not the function's code.</summary>
    public static IReadOnlyList<string> ServicePolicies { get; } = ["AWSLambdaBasicExecutionRole", "AWSLambdaSQSQueueExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaKinesisExecutionRole"];

    /// <summary>Reviews <paramref name="role"/> against <paramref name="calls"/> (the function's authorisation records; others are ignored).</summary>
    /// <param name="functionName">The function the role belongs to.</param>
    /// <param name="role">Its role.</param>
    /// <param name="calls">Authorisation decisions, e.g. <see cref="RoleRegistry.Calls"/>.</param>
    /// <returns>The review.</returns>
    public static LeastPrivilegeReview Review(string functionName, FunctionRole role, IEnumerable<AuthorizationRecord> calls)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(calls);
        var own = calls.Where(c => c.FunctionName == functionName).ToList();
        var grants = new List<GrantReview>();
        foreach (var s in role.Statements.Where(s => s.Allow))
        {
            var service = ServicePolicies.Contains(s.Source);
            var actions = new List<ActionReview>();
            foreach (var action in s.Actions.Count > 0 ? s.Actions : ["NotAction: " + string.Join(", ", s.NotActions)])
            {
                var used = own.Count(c => c.Decision == Decision.Allow && (s.Actions.Count == 0 || Wildcard.Matches(action, c.Action, ignoreCase: true)) && s.Covers(c.Action, c.Resource));
                actions.Add(new ActionReview(action, used, !service && action.Contains('*', StringComparison.Ordinal), !service && used == 0));
            }
            grants.Add(new GrantReview(s, service, !service && s.Resources.Any(IsWildcardResource), actions));
        }
        var denied = own.Where(c => c.Decision != Decision.Allow).GroupBy(c => (c.Action, c.Resource))
            .Select(g => new DeniedUse(g.Key.Action, g.Key.Resource, g.Count())).ToList();
        return new LeastPrivilegeReview(grants, denied);
    }

    /// <summary>
    /// True when <paramref name="resource"/> has a wildcard where a resource's name goes, so it grants on resources the
    /// template does not own: <c>*</c>, <c>arn:aws:dynamodb:…:*</c>, <c>…:table/*</c>, <c>arn:aws:s3:::*</c>,
    /// <c>arn:aws:s3:::my-*</c>. A wildcard after the name is scoped (<c>arn:aws:s3:::docs/*</c>: the bucket's objects;
    /// <c>…:table/Docs/index/*</c>: the table's indexes).
    /// </summary>
    /// <param name="resource">A Resource of a statement.</param>
    /// <returns>True when the name is a wildcard.</returns>
    public static bool IsWildcardResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource == "*" || resource.EndsWith(":*", StringComparison.Ordinal))
        {
            return true;
        }
        var parts = resource.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn")
        {
            return resource.Contains('*', StringComparison.Ordinal);
        }
        var name = parts[5];
        // S3 names the bucket first (bucket/key); other services name the type first (table/Name/…, function:Name).
        var segments = name.Split('/');
        var resourceName = parts[2] == "s3" || segments.Length == 1 ? segments[0] : segments[1];
        return resourceName.Contains('*', StringComparison.Ordinal) || resourceName.Contains('?', StringComparison.Ordinal);
    }
}
