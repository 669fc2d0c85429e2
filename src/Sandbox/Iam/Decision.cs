namespace Course.Sandbox.Iam;

/// <summary>The outcome of evaluating a request against identity-based policies (IAM_01).</summary>
public enum Decision
{
    /// <summary>No statement allows it: denied by default.</summary>
    ImplicitDeny,

    /// <summary>A statement allows it and none denies it.</summary>
    Allow,

    /// <summary>A Deny statement matches: denied whatever else allows it.</summary>
    ExplicitDeny,
}
