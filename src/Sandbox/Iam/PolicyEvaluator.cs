namespace Course.Sandbox.Iam;

/// <summary>
/// IAM's evaluation logic for identity-based policies in one account (IAM_01): an explicit Deny wins, else an
/// Allow allows, else the request is implicitly denied. Conditions: StringEquals, StringNotEquals, StringLike,
/// StringNotLike, ArnEquals, ArnLike, ArnNotLike, Bool, NumericEquals (and <c>…IfExists</c>); a key missing from
/// the request context makes a condition false (IfExists: true).
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Evaluates <paramref name="action"/> on <paramref name="resource"/> against <paramref name="statements"/>.</summary>
    public static Decision Evaluate(IEnumerable<PolicyStatement> statements, string action, string resource, IReadOnlyDictionary<string, string>? context = null)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var allowed = false;
        foreach (var s in statements)
        {
            if (!s.Covers(action, resource) || !ConditionsHold(s, context))
            {
                continue;
            }
            if (!s.Allow)
            {
                return Decision.ExplicitDeny;
            }
            allowed = true;
        }
        return allowed ? Decision.Allow : Decision.ImplicitDeny;
    }

    private static bool ConditionsHold(PolicyStatement s, IReadOnlyDictionary<string, string>? context)
    {
        foreach (var (op, keys) in s.Conditions)
        {
            var ifExists = op.EndsWith("IfExists", StringComparison.Ordinal);
            var baseOp = ifExists ? op[..^"IfExists".Length] : op;
            foreach (var (key, values) in keys)
            {
                if (context is null || !context.TryGetValue(key, out var actual))
                {
                    if (ifExists)
                    {
                        continue;
                    }
                    return false;
                }
                var holds = baseOp switch
                {
                    "StringEquals" or "ArnEquals" => values.Any(v => v == actual),
                    "StringNotEquals" or "ArnNotEquals" => values.All(v => v != actual),
                    "StringEqualsIgnoreCase" => values.Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase)),
                    "StringLike" or "ArnLike" => values.Any(v => Wildcard.Matches(v, actual, ignoreCase: false)),
                    "StringNotLike" or "ArnNotLike" => values.All(v => !Wildcard.Matches(v, actual, ignoreCase: false)),
                    "Bool" => values.Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase)),
                    "NumericEquals" => values.Any(v => decimal.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var a) && decimal.TryParse(actual, System.Globalization.CultureInfo.InvariantCulture, out var b) && a == b),
                    _ => false,
                };
                if (!holds)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
