using Course.Sandbox.Templates.Intrinsics;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Deploy;

/// <summary>
/// What <c>Ref</c> and <c>Fn::GetAtt</c> return for each resource of a stack being deployed, as CloudFormation
/// documents per type (bucket name and ARN, table name, ARN and StreamArn, queue URL, ARN and name, topic ARN,
/// function name and ARN, role name and ARN, rule name and ARN, HTTP API id). Physical names are the ones given
/// in the template or CloudFormation-style generated ones (<c>&lt;stack&gt;-&lt;LogicalId&gt;-&lt;suffix&gt;</c>),
/// with the suffix drawn from the simulation's seed.
/// </summary>
internal sealed class StackValues(Simulation sim, MappingNode resources, string stackName) : IResourceValues
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private string Region => sim.Options.Region;
    private string Account => sim.Options.AccountId;

    /// <summary>Sets the physical name of <paramref name="logicalId"/>.</summary>
    public void SetName(string logicalId, string name) => _names[logicalId] = name;

    /// <summary>The physical name (given or generated) of <paramref name="logicalId"/>.</summary>
    public string Name(string logicalId)
    {
        if (_names.TryGetValue(logicalId, out var known))
        {
            return known;
        }
        var type = Type(logicalId);
        var suffix = sim.NewHexId(12).ToUpperInvariant();
        var name = type switch
        {
            "AWS::S3::Bucket" => $"{stackName}-{logicalId.ToLowerInvariant()}-{suffix.ToLowerInvariant()}",
            "AWS::Lambda::Function" or "AWS::IAM::Role" => Trim($"{stackName}-{logicalId}", 64 - 13) + "-" + suffix,
            "AWS::ApiGatewayV2::Api" => sim.NewHexId(10),
            "AWS::SQS::Queue" => Trim($"{stackName}-{logicalId}", 80 - 13) + "-" + suffix,
            _ => $"{stackName}-{logicalId}-{suffix}",
        };
        return _names[logicalId] = name;
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];

    public string? Type(string logicalId) => (resources[logicalId] as MappingNode)?["Type"]?.AsString();

    public string? Ref(string logicalId) => Type(logicalId) switch
    {
        "AWS::SQS::Queue" => $"https://sqs.{Region}.amazonaws.com/{Account}/{Name(logicalId)}",
        "AWS::SNS::Topic" => $"arn:aws:sns:{Region}:{Account}:{Name(logicalId)}",
        "AWS::Lambda::Alias" => AliasArn(logicalId),
        "AWS::Lambda::Version" => VersionFunctionArn(logicalId) + ":1",
        null => null,
        _ => Name(logicalId),
    };

    public string? GetAtt(string logicalId, string attribute) => (Type(logicalId), attribute) switch
    {
        ("AWS::S3::Bucket", "Arn") => $"arn:aws:s3:::{Name(logicalId)}",
        ("AWS::S3::Bucket", "DomainName") => $"{Name(logicalId)}.s3.amazonaws.com",
        ("AWS::DynamoDB::Table", "Arn") => $"arn:aws:dynamodb:{Region}:{Account}:table/{Name(logicalId)}",
        ("AWS::DynamoDB::Table", "StreamArn") => sim.Services.DynamoDb.GetStream(Name(logicalId))?.StreamArn,
        ("AWS::SQS::Queue", "Arn") => $"arn:aws:sqs:{Region}:{Account}:{Name(logicalId)}",
        ("AWS::SQS::Queue", "QueueName") => Name(logicalId),
        ("AWS::SQS::Queue", "QueueUrl") => Ref(logicalId),
        ("AWS::SNS::Topic", "TopicName") => Name(logicalId),
        ("AWS::SNS::Topic", "TopicArn") => Ref(logicalId),
        ("AWS::Lambda::Function", "Arn") => FunctionArn(Name(logicalId)),
        ("AWS::Lambda::Version", "Version") => "1",
        ("AWS::IAM::Role", "Arn") => $"arn:aws:iam::{Account}:role/{Name(logicalId)}",
        ("AWS::Events::Rule", "Arn") => $"arn:aws:events:{Region}:{Account}:rule/{Name(logicalId)}",
        ("AWS::Scheduler::Schedule", "Arn") => $"arn:aws:scheduler:{Region}:{Account}:schedule/default/{Name(logicalId)}",
        ("AWS::ApiGatewayV2::Api", "ApiEndpoint") => $"https://{Name(logicalId)}.execute-api.{Region}.amazonaws.com",
        ("AWS::ApiGatewayV2::Api", "ApiId") => Name(logicalId),
        _ => null,
    };

    public string FunctionArn(string functionName) => $"arn:aws:lambda:{Region}:{Account}:function:{functionName}";

    private string? FunctionOf(string logicalId) =>
        ((resources[logicalId] as MappingNode)?["Properties"] as MappingNode)?["FunctionName"] is MappingNode { IntrinsicName: "Ref" } r ? r["Ref"]!.AsString() : null;

    private string VersionFunctionArn(string logicalId) => FunctionOf(logicalId) is { } fn ? FunctionArn(Name(fn)) : logicalId;

    private string AliasArn(string logicalId)
    {
        var props = (resources[logicalId] as MappingNode)?["Properties"] as MappingNode;
        return VersionFunctionArn(logicalId) + ":" + (props?["Name"]?.AsString() ?? "live");
    }
}
