namespace Course.Cli.Commands.Export;

/// <summary>
/// The NuGet packages an exported function needs, by the namespaces its code uses, with the versions written into
/// its csproj. They are written, not restored here (the sandbox has no Amazon.Lambda.* packages): the AWSSDK
/// versions are the ones this repository builds against (Directory.Packages.props); the others are the releases
/// current when this table was written — update with <c>dotnet list package --outdated</c>.
/// </summary>
internal static class AwsPackages
{
    public static readonly IReadOnlyDictionary<string, (string Package, string Version)> ByNamespace = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["Amazon.Lambda.Core"] = ("Amazon.Lambda.Core", "2.5.0"),
        ["Amazon.Lambda.S3Events"] = ("Amazon.Lambda.S3Events", "3.1.0"),
        ["Amazon.Lambda.SQSEvents"] = ("Amazon.Lambda.SQSEvents", "2.2.0"),
        ["Amazon.Lambda.APIGatewayEvents"] = ("Amazon.Lambda.APIGatewayEvents", "2.7.1"),
        ["Amazon.Lambda.DynamoDBEvents"] = ("Amazon.Lambda.DynamoDBEvents", "3.1.1"),
        ["Amazon.Lambda.SNSEvents"] = ("Amazon.Lambda.SNSEvents", "2.1.0"),
        ["Amazon.Lambda.CloudWatchEvents"] = ("Amazon.Lambda.CloudWatchEvents", "4.4.0"),
        ["Amazon.S3"] = ("AWSSDK.S3", "4.1.0"),
        ["Amazon.DynamoDBv2"] = ("AWSSDK.DynamoDBv2", "4.1.0"),
        ["Amazon.SQS"] = ("AWSSDK.SQS", "4.0.100.25"),
        ["Amazon.SimpleNotificationService"] = ("AWSSDK.SimpleNotificationService", "4.*"),
        ["Amazon.EventBridge"] = ("AWSSDK.EventBridge", "4.*"),
        ["Amazon.BedrockRuntime"] = ("AWSSDK.BedrockRuntime", "4.*"),
    };

    /// <summary>The serializer every .NET function needs (named by the assembly attribute the export adds).</summary>
    public static readonly (string Package, string Version) Serializer = ("Amazon.Lambda.Serialization.SystemTextJson", "2.4.4");

    /// <summary>Sandbox namespaces and the AWS namespaces that replace them.</summary>
    public static readonly IReadOnlyList<(string From, string To)> Renames =
    [
        ("Course.Lambda.", "Amazon.Lambda."),
        ("Course.Sandbox.Clients.SimpleNotificationService", "Amazon.SimpleNotificationService"),
        ("Course.Sandbox.Clients.EventBridge", "Amazon.EventBridge"),
        ("Course.Sandbox.Clients.BedrockRuntime", "Amazon.BedrockRuntime"),
    ];
}
