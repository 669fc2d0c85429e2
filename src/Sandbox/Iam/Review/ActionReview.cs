namespace Course.Sandbox.Iam.Review;

/// <summary>One granted action and what the code did with it.</summary>
/// <param name="Action">The action as granted (<c>dynamodb:PutItem</c>, <c>s3:Get*</c>), or <c>NotAction: …</c>.</param>
/// <param name="Used">How many allowed calls it covered.</param>
/// <param name="Wildcard">A <c>*</c> in the action (flagged; not for the Lambda service's own policies).</param>
/// <param name="NeverUsed">No call used it (flagged; not for the Lambda service's own policies).</param>
public sealed record ActionReview(string Action, int Used, bool Wildcard, bool NeverUsed)
{
    /// <summary>The flags as <c>policy-check</c> prints them (<c>'*' in action</c>, <c>never used</c>).</summary>
    public IReadOnlyList<string> Flags => [.. new[] { Wildcard ? "'*' in action" : null, NeverUsed ? "never used" : null }.OfType<string>()];
}
