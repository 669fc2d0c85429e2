using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// SAM's policy templates (samtranslator/policy_templates_data/policy_templates.json) that the course uses, with
/// the same actions, resources and parameters: each expands to <c>{"Statement": [...]}</c> whose resources are
/// <c>Fn::Sub</c>s over the template's parameters, as the translator writes them.
/// </summary>
internal static class PolicyTemplates
{
    private const string Region = "arn:${AWS::Partition}:SERVICE:${AWS::Region}:${AWS::AccountId}:";

    private sealed record Res(string Format, params (string Var, string Param)[] Vars);

    private sealed record Stmt(string[] Actions, bool ActionIsString, Res[] Resources, bool ResourceIsList);

    private sealed record Def(string[] Parameters, Stmt[] Statements);

    private static Res Svc(string service, string tail, params (string, string)[] vars) => new(Region.Replace("SERVICE", service, StringComparison.Ordinal) + tail, vars);

    private static readonly Res Star = new("*");

    private static Res[] TableAndIndexes() =>
    [
        Svc("dynamodb", "table/${tableName}", ("tableName", "TableName")),
        Svc("dynamodb", "table/${tableName}/index/*", ("tableName", "TableName")),
    ];

    private static Res[] BucketAndObjects() =>
    [
        new("arn:${AWS::Partition}:s3:::${bucketName}", ("bucketName", "BucketName")),
        new("arn:${AWS::Partition}:s3:::${bucketName}/*", ("bucketName", "BucketName")),
    ];

    private static Stmt One(string[] actions, Res resource) => new(actions, false, [resource], false);

    private static readonly Dictionary<string, Def> Templates = new(StringComparer.Ordinal)
    {
        ["SQSPollerPolicy"] = new(["QueueName"], [One(["sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"], Svc("sqs", "${queueName}", ("queueName", "QueueName")))]),
        ["SQSSendMessagePolicy"] = new(["QueueName"], [One(["sqs:SendMessage*"], Svc("sqs", "${queueName}", ("queueName", "QueueName")))]),
        ["LambdaInvokePolicy"] = new(["FunctionName"], [One(["lambda:InvokeFunction"], Svc("lambda", "function:${functionName}*", ("functionName", "FunctionName")))]),
        ["CloudWatchPutMetricPolicy"] = new([], [One(["cloudwatch:PutMetricData"], Star)]),
        ["DynamoDBCrudPolicy"] = new(["TableName"], [new(["dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"], false, TableAndIndexes(), true)]),
        ["DynamoDBReadPolicy"] = new(["TableName"], [new(["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"], false, TableAndIndexes(), true)]),
        ["DynamoDBWritePolicy"] = new(["TableName"], [new(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"], false, TableAndIndexes(), true)]),
        ["DynamoDBStreamReadPolicy"] = new(["StreamName", "TableName"],
        [
            One(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], Svc("dynamodb", "table/${tableName}/stream/${streamName}", ("streamName", "StreamName"), ("tableName", "TableName"))),
            One(["dynamodb:ListStreams"], Svc("dynamodb", "table/${tableName}/stream/*", ("tableName", "TableName"))),
        ]),
        ["S3ReadPolicy"] = new(["BucketName"], [new(["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"], false, BucketAndObjects(), true)]),
        ["S3CrudPolicy"] = new(["BucketName"], [new(["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"], false, BucketAndObjects(), true)]),
        ["S3WritePolicy"] = new(["BucketName"], [new(["s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"], false, BucketAndObjects(), true)]),
        ["S3FullAccessPolicy"] = new(["BucketName"],
        [
            new(["s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:DeleteObject", "s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"], false, [BucketAndObjects()[1]], true),
            new(["s3:ListBucket", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"], false, [BucketAndObjects()[0]], true),
        ]),
        ["SNSPublishMessagePolicy"] = new(["TopicName"], [One(["sns:Publish"], Svc("sns", "${topicName}", ("topicName", "TopicName")))]),
        ["SNSCrudPolicy"] = new(["TopicName"], [One(["sns:ListSubscriptionsByTopic", "sns:CreateTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Publish"], Svc("sns", "${topicName}*", ("topicName", "TopicName")))]),
        ["EventBridgePutEventsPolicy"] = new(["EventBusName"], [new(["events:PutEvents"], true, [Svc("events", "event-bus/${eventBusName}", ("eventBusName", "EventBusName"))], false)]),
        ["StepFunctionsExecutionPolicy"] = new(["StateMachineName"], [One(["states:StartExecution"], Svc("states", "stateMachine:${stateMachineName}", ("stateMachineName", "StateMachineName")))]),
        ["StepFunctionsExecutionPolicy_v2"] = new(["StateMachineName"], [One(["states:StartExecution", "states:StartSyncExecution"], Svc("states", "stateMachine:${stateMachineName}", ("stateMachineName", "StateMachineName")))]),
        ["StepFunctionsCallbackPolicy"] = new(["StateMachineName"], [One(["states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"], Svc("states", "stateMachine:${stateMachineName}", ("stateMachineName", "StateMachineName")))]),
        ["KinesisStreamReadPolicy"] = new(["StreamName"],
        [
            One(["kinesis:ListStreams", "kinesis:DescribeLimits"], Svc("kinesis", "stream/*")),
            One(["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator"], Svc("kinesis", "stream/${streamName}", ("streamName", "StreamName"))),
        ]),
        ["KMSDecryptPolicy"] = new(["KeyId"], [new(["kms:Decrypt"], true, [Svc("kms", "key/${keyId}", ("keyId", "KeyId"))], false)]),
        ["SSMParameterReadPolicy"] = new(["ParameterName"],
        [
            One(["ssm:DescribeParameters"], Star),
            One(["ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"], Svc("ssm", "parameter/${parameterName}", ("parameterName", "ParameterName"))),
        ]),
        ["AWSSecretsManagerGetSecretValuePolicy"] = new(["SecretArn"], [One(["secretsmanager:GetSecretValue"], new Res("${secretArn}", ("secretArn", "SecretArn")))]),
        ["VPCAccessPolicy"] = new([], [One(["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface"], Star)]),
    };

    /// <summary>The names the sandbox knows.</summary>
    public static IEnumerable<string> Names => Templates.Keys;

    /// <summary>True when <paramref name="name"/> is a known policy template.</summary>
    public static bool Has(string name) => Templates.ContainsKey(name);

    /// <summary>
    /// The policy document of template <paramref name="name"/> with <paramref name="values"/> substituted for its
    /// parameters (<c>{"Ref": "TableName"}</c> → the value given), or the parameters that have no value.
    /// </summary>
    public static (MappingNode? Document, IReadOnlyList<string> Missing) Expand(string name, MappingNode values)
    {
        var def = Templates[name];
        var missing = def.Parameters.Where(p => values[p] is null).ToList();
        if (missing.Count > 0)
        {
            return (null, missing);
        }
        var statements = def.Statements.Select(s =>
        {
            TemplateNode action = s.ActionIsString ? Nodes.Str(s.Actions[0]) : Nodes.List(s.Actions.Select(a => (TemplateNode)Nodes.Str(a)));
            var resources = s.Resources.Select(r => Resource(r, values)).ToList();
            var resource = s.ResourceIsList ? Nodes.List(resources) : resources[0];
            return (TemplateNode)Nodes.Map(("Action", action), ("Effect", Nodes.Str("Allow")), ("Resource", resource));
        });
        return (Nodes.Map(("Statement", Nodes.List(statements))), []);
    }

    private static TemplateNode Resource(Res r, MappingNode values)
    {
        if (r.Format == "*")
        {
            return Nodes.Str("*");
        }
        if (r.Vars.Length == 0)
        {
            return Nodes.Sub(r.Format);
        }
        var vars = Nodes.Map(r.Vars.OrderBy(v => v.Var, StringComparer.Ordinal).Select(v => (v.Var, (TemplateNode?)values[v.Param]!.Clone())).ToArray());
        return Nodes.Map(("Fn::Sub", Nodes.List(Nodes.Str(r.Format), vars)));
    }
}
