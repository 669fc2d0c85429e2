namespace Course.Sandbox.Iam;

/// <summary>
/// The statements of the AWS managed policies SAM attaches or templates name, as AWS publishes them (the logs and
/// poller actions of the Lambda execution roles; the service-wide grants of the FullAccess/ReadOnly policies).
/// Policies not listed here grant nothing in the sandbox; <see cref="IsKnown"/> tells which.
/// </summary>
public static class ManagedPolicyStatements
{
    private static readonly string[] Logs = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];

    private static readonly Dictionary<string, (string[] Actions, string Resource)[]> Policies = new(StringComparer.Ordinal)
    {
        ["AWSLambdaBasicExecutionRole"] = [(Logs, "*")],
        ["AWSLambdaSQSQueueExecutionRole"] = [(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", .. Logs], "*")],
        ["AWSLambdaDynamoDBExecutionRole"] = [(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams", .. Logs], "*")],
        ["AWSLambdaKinesisExecutionRole"] = [(["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard", .. Logs], "*")],
        ["AWSLambdaExecute"] = [(["logs:*"], "arn:aws:logs:*:*:*"), (["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::*")],
        ["AWSXrayWriteOnlyAccess"] = [(["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"], "*")],
        ["AmazonDynamoDBFullAccess"] = [(["dynamodb:*"], "*")],
        ["AmazonDynamoDBReadOnlyAccess"] = [(["dynamodb:BatchGetItem", "dynamodb:Describe*", "dynamodb:List*", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect"], "*")],
        ["AmazonS3FullAccess"] = [(["s3:*", "s3-object-lambda:*"], "*")],
        ["AmazonS3ReadOnlyAccess"] = [(["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"], "*")],
        ["AmazonSQSFullAccess"] = [(["sqs:*"], "*")],
        ["AmazonSQSReadOnlyAccess"] = [(["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListDeadLetterSourceQueues", "sqs:ListQueues", "sqs:ListMessageMoveTasks", "sqs:ListQueueTags"], "*")],
        ["AmazonSNSFullAccess"] = [(["sns:*"], "*")],
        ["AmazonEventBridgeFullAccess"] = [(["events:*", "schemas:*", "scheduler:*", "pipes:*"], "*")],
        ["AmazonBedrockFullAccess"] = [(["bedrock:*"], "*")],
        ["AWSLambda_FullAccess"] = [(["lambda:*"], "*")],
        ["AdministratorAccess"] = [(["*"], "*")],
    };

    /// <summary>True when the sandbox knows the statements of the managed policy named by <paramref name="arnOrName"/>.</summary>
    public static bool IsKnown(string arnOrName) => Policies.ContainsKey(Name(arnOrName));

    /// <summary>The statements of the managed policy <paramref name="arnOrName"/> (empty when unknown).</summary>
    public static IReadOnlyList<PolicyStatement> For(string arnOrName)
    {
        var name = Name(arnOrName);
        return Policies.TryGetValue(name, out var statements)
            ? [.. statements.Select(s => new PolicyStatement { Allow = true, Actions = s.Actions, Resources = [s.Resource], Source = name })]
            : [];
    }

    private static string Name(string arnOrName) => arnOrName[(arnOrName.LastIndexOf('/') + 1)..];
}
