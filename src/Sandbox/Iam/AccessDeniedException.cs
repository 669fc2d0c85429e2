namespace Course.Sandbox.Iam;

/// <summary>
/// A call the caller's role does not permit (IAM_01), with AWS's message: <c>User: arn:aws:sts::123456789012:assumed-role/&lt;role&gt;/&lt;function&gt;
/// is not authorized to perform: dynamodb:PutItem on resource: arn:… because no identity-based policy allows the
/// dynamodb:PutItem action</c> (or <c>… with an explicit deny in an identity-based policy</c>).
/// </summary>
public sealed class AccessDeniedException : Exception
{
    /// <summary>Creates the error for <paramref name="principalArn"/> denied <paramref name="action"/> on <paramref name="resource"/>.</summary>
    public AccessDeniedException(string principalArn, string action, string resource, Decision decision)
        : base(Text(principalArn, action, resource, decision, quoteResource: false))
    {
        PrincipalArn = principalArn;
        Action = action;
        Resource = resource;
        Decision = decision;
    }

    /// <summary>The assumed-role session ARN of the caller.</summary>
    public string PrincipalArn { get; }

    /// <summary>The action denied (<c>dynamodb:PutItem</c>).</summary>
    public string Action { get; }

    /// <summary>The resource ARN.</summary>
    public string Resource { get; }

    /// <summary>Implicit or explicit deny.</summary>
    public Decision Decision { get; }

    /// <summary>The message as S3 writes it (the resource in double quotes).</summary>
    public string S3Message => Text(PrincipalArn, Action, Resource, Decision, quoteResource: true);

    private static string Text(string principal, string action, string resource, Decision decision, bool quoteResource) =>
        $"User: {principal} is not authorized to perform: {action} on resource: {(quoteResource ? $"\"{resource}\"" : resource)} " +
        (decision == Decision.ExplicitDeny ? "with an explicit deny in an identity-based policy" : $"because no identity-based policy allows the {action} action");
}
