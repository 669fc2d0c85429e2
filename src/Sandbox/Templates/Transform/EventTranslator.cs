using System.Text.RegularExpressions;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// A function's <c>Events</c> (SAM_02): pull sources (SQS, DynamoDB, Kinesis) become
/// <c>AWS::Lambda::EventSourceMapping</c> <c>&lt;Function&gt;&lt;Event&gt;</c> with the properties given (Lambda's
/// own defaults apply) and their poller's managed policy on the role; push sources get a
/// <c>&lt;Function&gt;&lt;Event&gt;Permission</c> plus a notification (S3, into the bucket), subscription (SNS),
/// rule (Schedule, CloudWatchEvent, EventBridgeRule), schedule and role (ScheduleV2) or route (HttpApi).
/// </summary>
internal static partial class EventTranslator
{
    private static readonly string[] SqsProperties = ["BatchSize", "Enabled", "MaximumBatchingWindowInSeconds", "FunctionResponseTypes", "FilterCriteria", "ScalingConfig", "MetricsConfig", "KmsKeyArn", "ProvisionedPollerConfig"];

    private static readonly string[] StreamProperties = ["StartingPosition", "StartingPositionTimestamp", "BatchSize", "Enabled", "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts", "BisectBatchOnFunctionError", "MaximumRecordAgeInSeconds", "DestinationConfig", "ParallelizationFactor", "TumblingWindowInSeconds", "FunctionResponseTypes", "FilterCriteria", "MetricsConfig", "KmsKeyArn", "ProvisionedPollerConfig"];

    private static readonly string[] Types = ["S3", "SNS", "SQS", "DynamoDB", "Kinesis", "Schedule", "ScheduleV2", "CloudWatchEvent", "EventBridgeRule", "HttpApi"];

    public static void Translate(TransformContext ctx, FunctionRefs fn, string name, TemplateNode node)
    {
        var id = fn.LogicalId + name;
        if (node is not MappingNode ev || ev["Type"]?.AsString() is not { } type || !Types.Contains(type))
        {
            var given = (node as MappingNode)?["Type"]?.AsString() ?? "None";
            throw InvalidResource.Event(node.Mark, fn.LogicalId, name, $"Resource dict has missing or invalid value for key Type. Event Type is: {given}.",
                $"set Type to one of {string.Join(", ", Types)} (the sandbox's subset of SAM's event types).");
        }
        var props = ev["Properties"] as MappingNode ?? new MappingNode(ev.Mark);
        switch (type)
        {
            case "SQS":
                Pull(ctx, fn, name, id, props, "Queue", SqsProperties, "AWSLambdaSQSQueueExecutionRole");
                break;
            case "DynamoDB":
                Pull(ctx, fn, name, id, props, "Stream", StreamProperties, "AWSLambdaDynamoDBExecutionRole");
                break;
            case "Kinesis":
                Pull(ctx, fn, name, id, props, "Stream", StreamProperties, "AWSLambdaKinesisExecutionRole");
                break;
            case "S3":
                S3(ctx, fn, name, id, props);
                break;
            case "SNS":
                Sns(ctx, fn, name, id, props);
                break;
            case "Schedule":
                Schedule(ctx, fn, name, id, props);
                break;
            case "CloudWatchEvent":
            case "EventBridgeRule":
                Rule(ctx, fn, id, props);
                break;
            case "ScheduleV2":
                ScheduleV2(ctx, fn, name, id, props);
                break;
            case "HttpApi":
                HttpApi(ctx, fn, name, id, props);
                break;
        }
    }

    private static void Pull(TransformContext ctx, FunctionRefs fn, string name, string id, MappingNode props, string source, string[] allowed, string policy)
    {
        var arn = props[source] ?? throw InvalidResource.Event(props.Mark, fn.LogicalId, name,
            "No Queue (for SQS) or Stream (for Kinesis, DynamoDB or MSK) or Broker (for Amazon MQ) provided.", $"add `{source}: !GetAtt MyResource.{(source == "Queue" ? "Arn" : "StreamArn")}`.");
        if (source == "Stream" && props["StartingPosition"] is null)
        {
            throw InvalidResource.Event(props.Mark, fn.LogicalId, name, "StartingPosition is required for Kinesis, DynamoDB and MSK.", "add `StartingPosition: LATEST` (or TRIM_HORIZON).");
        }
        foreach (var e in props.Entries)
        {
            if (e.Key.Value != source && !allowed.Contains(e.Key.Value))
            {
                throw InvalidResource.Event(e.Key.Mark, fn.LogicalId, name, $"property {e.Key.Value} not defined for resource of type {(source == "Queue" ? "SQS" : "DynamoDB/Kinesis")}", $"the properties are {source}, {string.Join(", ", allowed)}.");
            }
        }
        var mapping = Nodes.Map(("FunctionName", fn.NameOrArn), ("EventSourceArn", arn.Clone()));
        MappingNode? destinationPolicy = null;
        foreach (var p in allowed)
        {
            if (props[p] is not { } v)
            {
                continue;
            }
            if (p == "DestinationConfig" && v is MappingNode dc)
            {
                dc = (MappingNode)dc.Clone();
                if (dc["OnFailure"] is not MappingNode onFailure)
                {
                    throw InvalidResource.Event(v.Mark, fn.LogicalId, name, "'OnFailure' is a required field for 'DestinationConfig'", "add `OnFailure: { Type: SQS, Destination: !GetAtt Dlq.Arn }`.");
                }
                if (onFailure["Type"]?.AsString() is { } t)
                {
                    onFailure.Remove("Type");
                    if (t is not ("SQS" or "SNS"))
                    {
                        throw InvalidResource.Event(v.Mark, fn.LogicalId, name, "The only valid values for 'Type' are 'SQS' and 'SNS'", "use SQS or SNS (S3 destinations need no Type).");
                    }
                    var dest = onFailure["Destination"]?.Clone() ?? Nodes.Str("");
                    destinationPolicy = Nodes.Map(("PolicyName", Nodes.Str(id + (t == "SQS" ? "SQSPolicy" : "SNSPolicy"))), ("PolicyDocument", Nodes.Map(("Statement", Nodes.List(Nodes.Map(
                        ("Action", Nodes.Str(t == "SQS" ? "sqs:SendMessage" : "sns:publish")), ("Effect", Nodes.Str("Allow")), ("Resource", dest)))))));
                }
                mapping.Set(p, dc);
                continue;
            }
            mapping.Set(p, v.Clone());
        }
        ctx.Add(id, TransformContext.Resource("AWS::Lambda::EventSourceMapping", mapping, fn.Attributes));
        if (fn.Role?["Properties"] is MappingNode role)
        {
            var managed = (SequenceNode)role["ManagedPolicyArns"]!;
            var policyArn = Nodes.Str(Arns.ManagedPolicy(ctx.Partition, "service-role/" + policy));
            if (!managed.Items.Any(m => m.DataEquals(policyArn)))
            {
                managed.Items.Add(policyArn);
            }
            if (destinationPolicy is not null)
            {
                AddPolicy(role, destinationPolicy);
            }
        }
    }

    private static void AddPolicy(MappingNode roleProperties, MappingNode policy)
    {
        if (roleProperties["Policies"] is not SequenceNode policies)
        {
            policies = Nodes.List();
            // Policies sits before PermissionsBoundary/Path/Tags, as SAM's IAMRole orders its properties.
            var tags = roleProperties["Tags"];
            roleProperties.Remove("Tags");
            roleProperties.Set("Policies", policies);
            if (tags is not null)
            {
                roleProperties.Set("Tags", tags);
            }
        }
        if (!policies.Items.Any(p => (p as MappingNode)?["PolicyDocument"]?.DataEquals(policy["PolicyDocument"]) == true))
        {
            policies.Items.Add(policy);
        }
    }

    private static MappingNode Permission(FunctionRefs fn, string principal, TemplateNode? sourceArn = null, TemplateNode? sourceAccount = null) =>
        TransformContext.Resource("AWS::Lambda::Permission", Nodes.Map(
            ("Action", Nodes.Str("lambda:InvokeFunction")),
            ("FunctionName", fn.NameOrArn),
            ("Principal", Nodes.Str(principal)),
            ("SourceAccount", sourceAccount),
            ("SourceArn", sourceArn)), fn.Attributes);

    private static TemplateNode Required(MappingNode props, string property, FunctionRefs fn, string name, string fix) =>
        props[property] ?? throw InvalidResource.Event(props.Mark, fn.LogicalId, name, $"Missing required property '{property}'.", fix);

    private static void Sns(TransformContext ctx, FunctionRefs fn, string name, string id, MappingNode props)
    {
        var topic = Required(props, "Topic", fn, name, "add `Topic: !Ref MyTopic`.");
        ctx.Add(id + "Permission", Permission(fn, "sns.amazonaws.com", sourceArn: topic.Clone()));
        ctx.Add(id, TransformContext.Resource("AWS::SNS::Subscription", Nodes.Map(
            ("Endpoint", fn.Arn), ("Protocol", Nodes.Str("lambda")), ("TopicArn", topic.Clone()),
            ("Region", props["Region"]?.Clone()), ("FilterPolicy", props["FilterPolicy"]?.Clone()), ("FilterPolicyScope", props["FilterPolicyScope"]?.Clone())), fn.Attributes));
    }

    private static void Schedule(TransformContext ctx, FunctionRefs fn, string name, string id, MappingNode props)
    {
        var schedule = Required(props, "Schedule", fn, name, "add e.g. `Schedule: rate(5 minutes)`.");
        var target = Nodes.Map(("Arn", fn.Arn), ("Id", Nodes.Str(id + "LambdaTarget")), ("Input", props["Input"]?.Clone()), ("RetryPolicy", props["RetryPolicy"]?.Clone()));
        ctx.Add(id, TransformContext.Resource("AWS::Events::Rule", Nodes.Map(
            ("ScheduleExpression", schedule.Clone()), ("Name", props["Name"]?.Clone()), ("Description", props["Description"]?.Clone()),
            ("State", RuleState(props)), ("Targets", Nodes.List(target))), fn.Attributes));
        ctx.Add(id + "Permission", Permission(fn, "events.amazonaws.com", sourceArn: Nodes.GetAtt(id, "Arn")));
    }

    private static void Rule(TransformContext ctx, FunctionRefs fn, string id, MappingNode props)
    {
        var targetId = (props["Target"] as MappingNode)?["Id"]?.Clone() ?? Nodes.Str(id + "LambdaTarget");
        var target = Nodes.Map(("Arn", fn.Arn), ("Id", targetId), ("Input", props["Input"]?.Clone()), ("InputPath", props["InputPath"]?.Clone()),
            ("InputTransformer", props["InputTransformer"]?.Clone()), ("RetryPolicy", props["RetryPolicy"]?.Clone()));
        var rule = PatternRule(props);
        rule.Set("Targets", Nodes.List(target));
        ctx.Add(id, TransformContext.Resource("AWS::Events::Rule", rule, fn.Attributes));
        ctx.Add(id + "Permission", Permission(fn, "events.amazonaws.com", sourceArn: Nodes.GetAtt(id, "Arn")));
    }

    /// <summary>A Schedule event's rule State: State as given, else ENABLED/DISABLED from Enabled, else none.</summary>
    internal static TemplateNode? RuleState(MappingNode props) =>
        props["State"]?.Clone() ?? (props["Enabled"] is ScalarNode enabled ? Nodes.Str(enabled.AsBool() == false ? "DISABLED" : "ENABLED") : null);

    /// <summary>A CloudWatchEvent/EventBridgeRule event's rule properties (EventBusName, EventPattern from Pattern, Name from RuleName, State), before its Targets.</summary>
    internal static MappingNode PatternRule(MappingNode props) => Nodes.Map(
        ("EventBusName", props["EventBusName"]?.Clone()), ("EventPattern", props["Pattern"]?.Clone()), ("Name", props["RuleName"]?.Clone()), ("State", props["State"]?.Clone()));

    private static void ScheduleV2(TransformContext ctx, FunctionRefs fn, string name, string id, MappingNode props)
    {
        var expression = Required(props, "ScheduleExpression", fn, name, "add e.g. `ScheduleExpression: rate(5 minutes)`.");
        var roleArn = props["RoleArn"]?.Clone();
        var schedule = Nodes.Map(("ScheduleExpression", expression.Clone()), ("State", props["State"]?.Clone()),
            ("Name", props["OmitName"]?.AsString() == "true" ? null : props["Name"]?.Clone() ?? Nodes.Str(id)),
            ("Description", props["Description"]?.Clone()),
            ("FlexibleTimeWindow", props["FlexibleTimeWindow"]?.Clone() ?? Nodes.Map(("Mode", Nodes.Str("OFF")))),
            ("StartDate", props["StartDate"]?.Clone()), ("EndDate", props["EndDate"]?.Clone()),
            ("ScheduleExpressionTimezone", props["ScheduleExpressionTimezone"]?.Clone()), ("GroupName", props["GroupName"]?.Clone()), ("KmsKeyArn", props["KmsKeyArn"]?.Clone()));
        ctx.Add(id, TransformContext.Resource("AWS::Scheduler::Schedule", schedule, fn.Attributes));
        if (roleArn is null)
        {
            var role = Nodes.Map(("AssumeRolePolicyDocument", FunctionTranslator.AssumeRole("scheduler.amazonaws.com")),
                ("Policies", Nodes.List(Nodes.Map(("PolicyName", Nodes.Str(id + "LambdaPolicy")), ("PolicyDocument", Nodes.Map(("Statement", Nodes.List(Nodes.Map(
                    ("Action", Nodes.Str("lambda:InvokeFunction")), ("Effect", Nodes.Str("Allow")), ("Resource", fn.Arn))))))))),
                ("PermissionsBoundary", props["PermissionsBoundary"]?.Clone()));
            ctx.Add(id + "Role", TransformContext.Resource("AWS::IAM::Role", role, fn.Attributes));
            roleArn = Nodes.GetAtt(id + "Role", "Arn");
        }
        schedule.Set("Target", Nodes.Map(("Arn", fn.Arn), ("RoleArn", roleArn), ("Input", props["Input"]?.Clone()), ("RetryPolicy", props["RetryPolicy"]?.Clone())));
    }

    [GeneratedRegex(@"\{([a-zA-Z0-9._-]+|proxy\+)\}")]
    internal static partial Regex PathParameter();
}
