namespace Course.Sandbox.Iam;

/// <summary>One authorised (or denied) call: who, what, on which resource, and the decision.</summary>
/// <param name="FunctionName">The calling function.</param>
/// <param name="Action">The IAM action.</param>
/// <param name="Resource">The resource ARN.</param>
/// <param name="Decision">The outcome.</param>
public sealed record AuthorizationRecord(string FunctionName, string Action, string Resource, Decision Decision);
