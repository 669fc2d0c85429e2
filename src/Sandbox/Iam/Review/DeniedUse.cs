namespace Course.Sandbox.Iam.Review;

/// <summary>Calls the role denied: the code needs this action on this resource.</summary>
/// <param name="Action">The action (<c>dynamodb:PutItem</c>).</param>
/// <param name="Resource">The resource ARN.</param>
/// <param name="Count">How many calls were denied.</param>
public sealed record DeniedUse(string Action, string Resource, int Count);
