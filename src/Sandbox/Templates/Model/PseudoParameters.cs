namespace Course.Sandbox.Templates.Model;

/// <summary>
/// CloudFormation's pseudo parameters for one load: <c>AWS::Region</c> (from <c>AWS_REGION</c>, default us-east-1,
/// as the engine's <see cref="SimulationOptions.Region"/>), <c>AWS::AccountId</c> (the engine's 123456789012),
/// <c>AWS::Partition</c> (aws, aws-cn or aws-us-gov by region), <c>AWS::URLSuffix</c>, <c>AWS::StackName</c>,
/// <c>AWS::StackId</c>, <c>AWS::NotificationARNs</c> and <c>AWS::NoValue</c> (handled by the evaluator).
/// </summary>
public sealed class PseudoParameters
{
    /// <summary>The region. <value>The default is <c>AWS_REGION</c>, else us-east-1.</value></summary>
    public string Region { get; init; } = System.Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } r ? r : "us-east-1";

    /// <summary>The account id. <value>The default is 123456789012 (the engine's account).</value></summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The stack name. <value>The default is <c>sam-app</c> (SAM CLI's default stack name).</value></summary>
    public string StackName { get; init; } = "sam-app";

    /// <summary>The partition of <see cref="Region"/>.</summary>
    public string Partition => Region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn" : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";

    /// <summary>The domain suffix of <see cref="Region"/>.</summary>
    public string UrlSuffix => Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary>The value of pseudo parameter <paramref name="name"/> (without <c>AWS::NoValue</c>), or null.</summary>
    public string? Get(string name) => name switch
    {
        "AWS::Region" => Region,
        "AWS::AccountId" => AccountId,
        "AWS::Partition" => Partition,
        "AWS::URLSuffix" => UrlSuffix,
        "AWS::StackName" => StackName,
        "AWS::StackId" => $"arn:{Partition}:cloudformation:{Region}:{AccountId}:stack/{StackName}/00000000-0000-4000-8000-000000000000",
        "AWS::NotificationARNs" => "",
        _ => null,
    };

    /// <summary>True when <paramref name="name"/> is a pseudo parameter.</summary>
    public static bool IsPseudo(string name) => name is "AWS::Region" or "AWS::AccountId" or "AWS::Partition" or "AWS::URLSuffix"
        or "AWS::StackName" or "AWS::StackId" or "AWS::NotificationARNs" or "AWS::NoValue";
}
