using System.Text.Json.Nodes;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Invocation;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.EventBridge.Scheduler;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Sources.ApiGateway;
using Course.Sandbox.Sources.DynamoDb;
using Course.Sandbox.Sources.Sqs;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Deploy;

public static partial class StackDeployer
{
    private static void CreateStorage(Simulation sim, string id, string type, string name, MappingNode props, MappingNode resource)
    {
        try
        {
            switch (type)
            {
                case "AWS::S3::Bucket":
                    sim.Services.S3.CreateBucket(name);
                    break;
                case "AWS::SQS::Queue":
                {
                    var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var a in new[] { "VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "FifoQueue", "ContentBasedDeduplication" })
                        {
                            if (props[a]?.AsString() is { } v)
                            {
                                attributes[a] = v;
                            }
                        }
                        if (props["RedrivePolicy"] is MappingNode redrive)
                        {
                            attributes["RedrivePolicy"] = TemplateWriter.ToJson(redrive);
                        }
                        sim.Services.Sqs.CreateQueue(name, attributes);
                    break;
                }
                case "AWS::SNS::Topic":
                    sim.Services.Sns.CreateTopic(name);
                    break;
                case "AWS::Events::EventBus":
                    sim.Services.EventBridge.CreateEventBus(name);
                    break;
                case "AWS::DynamoDB::Table":
                {
                    var request = JsonNode.Parse(TemplateWriter.ToJson(props))!.AsObject();
                    request["TableName"] = name;
                    if (request["StreamSpecification"] is JsonObject spec)
                        {
                            spec["StreamEnabled"] = true;
                        }
                        foreach (var unsupported in new[] { "Tags", "PointInTimeRecoverySpecification", "SSESpecification", "TimeToLiveSpecification" })
                        {
                            request.Remove(unsupported);
                        }
                        sim.Services.DynamoDb.Invoke("CreateTable", request.ToJsonString());
                    break;
                }
            }
        }
        catch (Exception e) when (IsInputError(e))
        {
            throw new TemplateException(resource.Mark, $"{type} {id} cannot be created: {e.Message}", "fix its Properties.");
        }
    }

    /// <summary>The errors a service raises for a bad resource definition (as CloudFormation would report a failed create).</summary>
    private static bool IsInputError(Exception e) => e is ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException
        or Services.S3.S3Exception or Services.Sqs.SqsException or Services.Sns.SnsException or Services.DynamoDb.DynamoDbException
        or Services.EventBridge.EventBridgeException or LambdaException;

    private static void LambdaFunctionDeploy(Simulation sim, FunctionOptions options, HandlerFactory handler, MappingNode resource, string id)
    {
        try
        {
            sim.Lambda.Deploy(options, handler);
        }
        catch (LambdaException e)
        {
            throw new TemplateException(resource.Mark, $"function {id}: {e.ErrorCode}: {e.Message}", "fix the function's properties.");
        }
    }

    /// <summary>The async destination an ARN names: an SQS queue, SNS topic, EventBridge bus or Lambda function.</summary>
    private static IAsyncTarget Target(Simulation sim, string arn, MappingNode resource)
    {
        var service = arn.Split(':') is { Length: > 2 } parts ? parts[2] : "";
        try
        {
            return service switch
            {
                "sqs" => Invocation.Destinations.Destinations.Queue(sim, sim.Services.Sqs.GetQueueByName(arn.Split(':')[^1])),
                "sns" => Invocation.Destinations.Destinations.Topic(sim, sim.Services.Sns.GetTopic(arn)),
                "events" => Invocation.Destinations.Destinations.Bus(sim, sim.Services.EventBridge.GetEventBus(arn)),
                "lambda" => Invocation.Destinations.Destinations.Function(sim, FunctionName(arn)),
                _ => throw new TemplateException(resource.Mark, $"the destination {arn} is not an SQS queue, SNS topic, EventBridge bus or Lambda function.", "point it at one of those (e.g. !GetAtt MyQueue.Arn)."),
            };
        }
        catch (Exception e) when (IsInputError(e))
        {
            throw new TemplateException(resource.Mark, $"the destination {arn} does not exist in this stack: {e.Message}", "declare the queue, topic or bus in the template.");
        }
    }

    private static string FunctionName(string arnOrName)
    {
        var parts = arnOrName.Split(':');
        return parts.Length >= 7 && parts[0] == "arn" ? parts[6] : arnOrName;
    }

    private static void EventSourceMapping(Simulation sim, string id, MappingNode props, MappingNode resource, DeployedStack stack)
    {
        var arn = props["EventSourceArn"]?.AsString() ?? "";
        var function = FunctionName(props["FunctionName"]?.AsString() ?? "");
        int? Int(string name) => (int?)(props[name] as ScalarNode)?.AsLong();
        var responseTypes = (props["FunctionResponseTypes"] as SequenceNode)?.Items.Select(i => i.AsString() ?? "").ToList() ?? [];
        var enabled = (props["Enabled"] as ScalarNode)?.AsBool() ?? true;
        try
        {
            if (arn.StartsWith("arn:aws:sqs:", StringComparison.Ordinal))
            {
                var queue = sim.Services.Sqs.GetQueueByName(arn.Split(':')[^1]);
                SqsEventSourceMapping.Create(sim, queue, function, new SqsEventSourceOptions
                {
                    BatchSize = Int("BatchSize") ?? 10,
                    MaximumBatchingWindowInSeconds = Int("MaximumBatchingWindowInSeconds") ?? 0,
                    FunctionResponseTypes = responseTypes,
                    MaximumConcurrency = (int?)((props["ScalingConfig"] as MappingNode)?["MaximumConcurrency"] as ScalarNode)?.AsLong(),
                    Enabled = enabled,
                });
            }
            else if (arn.StartsWith("arn:aws:dynamodb:", StringComparison.Ordinal) && arn.Contains("/stream/", StringComparison.Ordinal))
            {
                var table = arn.Split('/')[1];
                var stream = sim.Services.DynamoDb.GetStream(table)
                    ?? throw new TemplateException(resource.Mark, $"table {table} has no stream.", "add `StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }` to the table.");
                DynamoDbEventSourceMapping.Create(sim, stream, function, new DynamoDbEventSourceOptions
                {
                    StartingPosition = props["StartingPosition"]?.AsString(),
                    BatchSize = Int("BatchSize") ?? 100,
                    MaximumBatchingWindowInSeconds = Int("MaximumBatchingWindowInSeconds") ?? 0,
                    ParallelizationFactor = Int("ParallelizationFactor") ?? 1,
                    MaximumRetryAttempts = Int("MaximumRetryAttempts") ?? -1,
                    MaximumRecordAgeInSeconds = Int("MaximumRecordAgeInSeconds") ?? -1,
                    BisectBatchOnFunctionError = (props["BisectBatchOnFunctionError"] as ScalarNode)?.AsBool() ?? false,
                    FunctionResponseTypes = responseTypes,
                    Enabled = enabled,
                });
            }
            else
            {
                stack.Notes.Add($"{id}: the sandbox does not simulate the event source {arn} (SQS queues and DynamoDB streams only).");
            }
        }
        catch (Exception e) when (IsInputError(e))
        {
            throw new TemplateException(resource.Mark, $"event source mapping {id} cannot be created: {e.Message}", "check the queue or stream and the function (SQS_05: the queue's visibility timeout must be at least the function's timeout).");
        }
    }

    private static void Subscription(Simulation sim, MappingNode props, MappingNode resource)
    {
        if (props["Protocol"]?.AsString() != "lambda")
        {
            return;
        }
        try
        {
            sim.Services.Sns.Subscribe(props["TopicArn"]?.AsString() ?? "", "lambda", props["Endpoint"]?.AsString() ?? "");
        }
        catch (Exception e) when (IsInputError(e))
        {
            throw new TemplateException(resource.Mark, $"SNS subscription cannot be created: {e.Message}", "point TopicArn at a topic of this template.");
        }
    }

    private static RuleTarget Target(MappingNode t) => new()
    {
        Id = t["Id"]?.AsString() ?? "",
        Arn = t["Arn"]?.AsString() ?? "",
        Input = t["Input"]?.AsString(),
    };

    private static void Rule(Simulation sim, string name, MappingNode props, MappingNode resource)
    {
        try
        {
            var bus = props["EventBusName"]?.AsString();
            var pattern = props["EventPattern"] is MappingNode p ? TemplateWriter.ToJson(p) : props["EventPattern"]?.AsString();
            sim.Services.EventBridge.PutRule(name, pattern, props["ScheduleExpression"]?.AsString(), bus, props["State"]?.AsString() != "DISABLED");
            var targets = (props["Targets"] as SequenceNode)?.Items.OfType<MappingNode>().Select(Target).ToList() ?? [];
            if (targets.Count > 0)
            {
                sim.Services.EventBridge.PutTargets(name, targets, bus);
            }
        }
        catch (Exception e) when (IsInputError(e))
        {
            throw new TemplateException(resource.Mark, $"EventBridge rule {name} cannot be created: {e.Message}", "check its EventPattern / ScheduleExpression and targets.");
        }
    }

    private static void Schedule(Simulation sim, string name, MappingNode props, MappingNode resource)
    {
        try
        {
            sim.Services.EventBridge.Scheduler.CreateSchedule(new ScheduleOptions
            {
                Name = props["Name"]?.AsString() ?? name,
                ScheduleExpression = props["ScheduleExpression"]?.AsString() ?? "",
                ScheduleExpressionTimezone = props["ScheduleExpressionTimezone"]?.AsString() ?? "UTC",
                Target = props["Target"] is MappingNode t ? Target(t) : new RuleTarget(),
            });
        }
        catch (Exception e) when (IsInputError(e))
        {
            throw new TemplateException(resource.Mark, $"schedule {name} cannot be created: {e.Message}", "check ScheduleExpression (cron(…), rate(…) or at(…)).");
        }
    }

    private static HttpApi Api(Simulation sim, string id, MappingNode props, MappingNode resource)
    {
        var api = new HttpApi(sim);
        foreach (var path in ((props["Body"] as MappingNode)?["paths"] as MappingNode)?.Entries ?? [])
        {
            foreach (var op in (path.Value as MappingNode)?.Entries ?? [])
            {
                var uri = ((op.Value as MappingNode)?["x-amazon-apigateway-integration"] as MappingNode)?["uri"]?.AsString() ?? "";
                var marker = uri.IndexOf("/functions/", StringComparison.Ordinal);
                if (marker < 0)
                {
                    continue;
                }
                var functionArn = uri[(marker + "/functions/".Length)..].Replace("/invocations", "", StringComparison.Ordinal);
                var method = op.Key.Value == "x-amazon-apigateway-any-method" ? "ANY" : op.Key.Value.ToUpperInvariant();
                var routeKey = path.Key.Value == "$default" ? "$default" : $"{method} {path.Key.Value}";
                try
                {
                    api.AddRoute(routeKey, FunctionName(functionArn));
                }
                catch (Exception e) when (IsInputError(e))
                {
                    throw new TemplateException(resource.Mark, $"HTTP API {id}: route {routeKey} cannot be added: {e.Message}", "check the event's Path and Method.");
                }
            }
        }
        return api;
    }

    private static void BucketNotifications(Simulation sim, string bucket, MappingNode props, MappingNode resource)
    {
        var lambdas = ((props["NotificationConfiguration"] as MappingNode)?["LambdaConfigurations"] as SequenceNode)?.Items.OfType<MappingNode>().ToList();
        if (lambdas is null || lambdas.Count == 0)
        {
            return;
        }
        var rules = new List<S3NotificationRule>();
        for (var i = 0; i < lambdas.Count; i++)
        {
            var c = lambdas[i];
            string? prefix = null, suffix = null;
            foreach (var rule in (((c["Filter"] as MappingNode)?["S3Key"] as MappingNode)?["Rules"] as SequenceNode)?.Items.OfType<MappingNode>() ?? [])
            {
                var value = rule["Value"]?.AsString();
                switch (rule["Name"]?.AsString()?.ToLowerInvariant())
                {
                    case "prefix": prefix = value; break;
                    case "suffix": suffix = value; break;
                }
            }
            rules.Add(new S3NotificationRule($"lambda-{i + 1}", c["Function"]?.AsString() ?? "", [c["Event"]?.AsString() ?? ""], prefix, suffix));
        }
        try
        {
            sim.Services.S3.PutBucketNotificationConfiguration(bucket, rules);
        }
        catch (Exception e) when (IsInputError(e))
        {
            throw new TemplateException(resource.Mark, $"bucket {bucket}'s notifications cannot be set: {e.Message}", "check NotificationConfiguration.");
        }
    }
}
