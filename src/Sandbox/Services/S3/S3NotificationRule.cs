namespace Course.Sandbox.Services.S3;

/// <summary>
/// One entry of a bucket's notification configuration: which events, under which key filter, go to which target.
/// </summary>
/// <param name="Id">The configuration id (appears as <c>s3.configurationId</c> in event records).</param>
/// <param name="TargetArn">The Lambda function, SQS queue or SNS topic ARN to notify.</param>
/// <param name="Events">Event types, e.g. <c>s3:ObjectCreated:*</c>, <c>s3:ObjectCreated:Put</c>, <c>s3:ObjectRemoved:Delete</c>
/// (the <c>s3:</c> prefix is optional here).</param>
/// <param name="Prefix">Only keys starting with this; null for any.</param>
/// <param name="Suffix">Only keys ending with this; null for any.</param>
public sealed record S3NotificationRule(string Id, string TargetArn, IReadOnlyList<string> Events, string? Prefix = null, string? Suffix = null)
{
    /// <summary>Whether the rule selects an event of <paramref name="eventName"/> (e.g. <c>ObjectCreated:Put</c>) on <paramref name="key"/>.</summary>
    /// <param name="eventName">The event name without the <c>s3:</c> prefix.</param>
    /// <param name="key">The object key.</param>
    /// <returns>True when the rule matches.</returns>
    public bool Matches(string eventName, string key)
    {
        if ((Prefix is not null && !key.StartsWith(Prefix, StringComparison.Ordinal))
            || (Suffix is not null && !key.EndsWith(Suffix, StringComparison.Ordinal)))
        {
            return false;
        }

        return Events.Any(e =>
        {
            var pattern = e.StartsWith("s3:", StringComparison.Ordinal) ? e[3..] : e;
            return pattern == eventName
                || (pattern.EndsWith(":*", StringComparison.Ordinal) && eventName.StartsWith(pattern[..^1], StringComparison.Ordinal));
        });
    }

    /// <summary>The kind of target, from the ARN: <c>lambda</c>, <c>sqs</c> or <c>sns</c>.</summary>
    public string TargetKind => TargetArn.Split(':') is { Length: > 2 } parts ? parts[2] : string.Empty;
}
