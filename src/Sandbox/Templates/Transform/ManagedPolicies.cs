namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// AWS managed policy names SAM resolves to ARNs (its bundled managed_policies.json holds them; these are the ones
/// a serverless course meets). A name not listed is passed through as written, as SAM passes an ARN.
/// </summary>
internal static class ManagedPolicies
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["AWSLambdaBasicExecutionRole"] = "service-role/AWSLambdaBasicExecutionRole",
        ["AWSLambdaExecute"] = "AWSLambdaExecute",
        ["AWSLambdaRole"] = "service-role/AWSLambdaRole",
        ["AWSLambdaVPCAccessExecutionRole"] = "service-role/AWSLambdaVPCAccessExecutionRole",
        ["AWSLambdaSQSQueueExecutionRole"] = "service-role/AWSLambdaSQSQueueExecutionRole",
        ["AWSLambdaDynamoDBExecutionRole"] = "service-role/AWSLambdaDynamoDBExecutionRole",
        ["AWSLambdaKinesisExecutionRole"] = "service-role/AWSLambdaKinesisExecutionRole",
        ["AWSLambda_FullAccess"] = "AWSLambda_FullAccess",
        ["AWSLambda_ReadOnlyAccess"] = "AWSLambda_ReadOnlyAccess",
        ["AmazonDynamoDBFullAccess"] = "AmazonDynamoDBFullAccess",
        ["AmazonDynamoDBReadOnlyAccess"] = "AmazonDynamoDBReadOnlyAccess",
        ["AmazonS3FullAccess"] = "AmazonS3FullAccess",
        ["AmazonS3ReadOnlyAccess"] = "AmazonS3ReadOnlyAccess",
        ["AmazonSQSFullAccess"] = "AmazonSQSFullAccess",
        ["AmazonSQSReadOnlyAccess"] = "AmazonSQSReadOnlyAccess",
        ["AmazonSNSFullAccess"] = "AmazonSNSFullAccess",
        ["AmazonKinesisFullAccess"] = "AmazonKinesisFullAccess",
        ["AmazonEventBridgeFullAccess"] = "AmazonEventBridgeFullAccess",
        ["AWSStepFunctionsFullAccess"] = "AWSStepFunctionsFullAccess",
        ["AmazonBedrockFullAccess"] = "AmazonBedrockFullAccess",
        ["CloudWatchLogsFullAccess"] = "CloudWatchLogsFullAccess",
        ["AWSXrayWriteOnlyAccess"] = "AWSXrayWriteOnlyAccess",
        ["AWSXRayDaemonWriteAccess"] = "AWSXRayDaemonWriteAccess",
        ["AdministratorAccess"] = "AdministratorAccess",
    };

    /// <summary>The ARN of managed policy <paramref name="name"/> in <paramref name="partition"/>, or null when not a known name.</summary>
    public static string? Arn(string name, string partition) => Paths.TryGetValue(name, out var path) ? Arns.ManagedPolicy(partition, path) : null;
}
