using System.Text.Json.Nodes;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Iam;
using Course.Sandbox.Templates.Intrinsics;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Deploy;

/// <summary>
/// Deploys a template into one simulation, as a CloudFormation stack would (after the SAM transform): buckets,
/// tables, queues, topics and buses first; then roles (attached to their functions in the <see cref="RoleRegistry"/>,
/// so every SDK call is authorised, IAM_01); functions (handlers from the caller's <c>handlers</c> delegate);
/// then the wiring: event source mappings, S3 notifications, SNS subscriptions, EventBridge rules and schedules,
/// HTTP API routes. Resources whose Condition is false are skipped; types the sandbox does not simulate are noted.
/// </summary>
public static partial class StackDeployer
{
    private static readonly string[] Storage = ["AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Events::EventBus"];

    private static readonly string[] Ignored = ["AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::ApiGatewayV2::Stage", "AWS::IAM::Role", "AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig"];

    /// <summary>Deploys <paramref name="template"/> into <paramref name="sim"/>.</summary>
    /// <exception cref="TemplateException">A resource cannot be deployed (the message names its place and a fix).</exception>
    /// <exception cref="SamTransformException">The SAM transform rejects the template.</exception>
    public static DeployedStack Deploy(Simulation sim, Template template, Func<FunctionCode, HandlerFactory> handlers)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handlers);
        var translated = template.IsSam ? SamTransform.Translate(template) : template.Root;
        var cfn = new Template(template.File, translated, template.Parameters, template.Pseudo);
        RejectCycles(template, (MappingNode)translated["Resources"]!);
        var values = new StackValues(sim, cfn.Resources, template.Pseudo.StackName);
        var eval = new IntrinsicEvaluator(cfn, values);
        var stack = new DeployedStack();
        var active = new List<(string Id, string Type, MappingNode Resource)>();
        foreach (var e in cfn.Resources.Entries)
        {
            var r = (MappingNode)e.Value;
            if (r["Condition"]?.AsString() is { } condition && !eval.IsTrue(condition, r["Condition"]!.Mark))
            {
                continue;
            }
            var type = r["Type"]!.AsString()!;
            active.Add((e.Key.Value, type, r));
            stack.Types[e.Key.Value] = type;
        }
        MappingNode Props(MappingNode r) => r["Properties"] is { } p ? (MappingNode)eval.Evaluate(p) : new MappingNode(r.Mark);

        foreach (var (id, type, r) in active.Where(a => Storage.Contains(a.Type)))
        {
            var raw = r["Properties"] as MappingNode;
            var nameProperty = type switch { "AWS::S3::Bucket" => "BucketName", "AWS::DynamoDB::Table" => "TableName", "AWS::SQS::Queue" => "QueueName", "AWS::SNS::Topic" => "TopicName", _ => "Name" };
            if (raw?[nameProperty] is { } n)
            {
                values.SetName(id, eval.Evaluate(n).AsString() ?? id);
            }
            else if (type == "AWS::SQS::Queue" && raw?["FifoQueue"]?.AsString() == "true")
            {
                values.SetName(id, values.Name(id) + ".fifo");
            }
            CreateStorage(sim, id, type, values.Name(id), Props(r), r);
            stack.PhysicalIds[id] = values.Ref(id)!;
        }

        var roles = new Dictionary<string, (string Name, List<PolicyStatement> Statements)>(StringComparer.Ordinal);
        foreach (var (id, _, r) in active.Where(a => a.Type == "AWS::IAM::Role"))
        {
            var props = Props(r);
            if (props["RoleName"]?.AsString() is { } roleName)
            {
                values.SetName(id, roleName);
            }
            var statements = new List<PolicyStatement>();
            foreach (var arn in (props["ManagedPolicyArns"] as SequenceNode)?.Items.Select(i => i.AsString() ?? "") ?? [])
            {
                if (!ManagedPolicyStatements.IsKnown(arn))
                {
                    stack.Notes.Add($"{id}: the sandbox does not know the statements of managed policy {arn}; it grants nothing here.");
                }
                statements.AddRange(ManagedPolicyStatements.For(arn));
            }
            foreach (var policy in (props["Policies"] as SequenceNode)?.Items.OfType<MappingNode>() ?? [])
            {
                statements.AddRange(PolicyDocument.Parse(policy["PolicyDocument"]!, policy["PolicyName"]?.AsString() ?? id));
            }
            roles[id] = (values.Name(id), statements);
            stack.PhysicalIds[id] = values.Name(id);
        }

        foreach (var (id, _, r) in active.Where(a => a.Type == "AWS::Lambda::Function"))
        {
            var raw = r["Properties"] as MappingNode ?? new MappingNode(r.Mark);
            if (raw["FunctionName"] is { } fnName)
            {
                values.SetName(id, eval.Evaluate(fnName).AsString() ?? id);
            }
            var name = values.Name(id);
            var props = Props(r);
            var code = Code(template, id, name, props, r);
            var options = Options(sim, name, props, active, id, eval, r);
            LambdaFunctionDeploy(sim, options, handlers(code), r, id);
            if (raw["Role"] is MappingNode { IntrinsicName: "Fn::GetAtt" } roleRef && roleRef["Fn::GetAtt"] is SequenceNode l && roles.TryGetValue(l.Items[0].AsString()!, out var role))
            {
                RoleRegistry.For(sim).Attach(name, role.Name, role.Statements);
            }
            else if (raw["Role"] is not null)
            {
                stack.Notes.Add($"{id}: its Role is not in the template, so the sandbox does not check its calls.");
            }
            stack.Functions[id] = name;
            stack.PhysicalIds[id] = name;
        }

        foreach (var (id, type, r) in active)
        {
            if (Storage.Contains(type) || Ignored.Contains(type) || type == "AWS::Lambda::Function")
            {
                continue;
            }
            switch (type)
            {
                case "AWS::Lambda::EventSourceMapping":
                    EventSourceMapping(sim, id, Props(r), r, stack);
                    break;
                case "AWS::SNS::Subscription":
                    Subscription(sim, Props(r), r);
                    break;
                case "AWS::Events::Rule":
                    Rule(sim, values.Name(id), Props(r), r);
                    break;
                case "AWS::Scheduler::Schedule":
                    Schedule(sim, values.Name(id), Props(r), r);
                    break;
                case "AWS::ApiGatewayV2::Api":
                    stack.HttpApis[id] = Api(sim, id, Props(r), r);
                    break;
                default:
                    stack.Notes.Add($"{id} ({type}) is not simulated; it is kept in the template for AWS.");
                    break;
            }
            stack.PhysicalIds.TryAdd(id, values.Ref(id) ?? id);
        }
        foreach (var (id, _, r) in active.Where(a => a.Type == "AWS::S3::Bucket"))
        {
            BucketNotifications(sim, values.Name(id), Props(r), r);
        }

        foreach (var o in cfn.Outputs?.Entries ?? [])
        {
            if (o.Value is MappingNode output && output["Value"] is { } v)
            {
                stack.Outputs[o.Key.Value] = eval.Evaluate(v) is ScalarNode s ? s.Value : CanonicalJson.Dumps(eval.Evaluate(v));
            }
        }
        return stack;
    }

    private static FunctionCode Code(Template template, string id, string name, MappingNode props, MappingNode resource)
    {
        var handler = props["Handler"]?.AsString() ?? throw new TemplateException(resource.Mark, $"function {id} has no Handler.", "add `Handler: Assembly::Namespace.Type::Method`.");
        var runtime = props["Runtime"]?.AsString() ?? "dotnet8";
        var directory = Path.GetDirectoryName(Path.GetFullPath(template.File)) ?? ".";
        var samProps = template.Resources[id] is MappingNode sam && sam["Type"]?.AsString() == FunctionTranslator.Type
            ? GlobalsMerger.Merge(template.Globals, FunctionTranslator.Type, sam["Properties"] as MappingNode) : null;
        if (samProps?["InlineCode"]?.AsString() is { } inline)
        {
            return new FunctionCode(id, name, handler, runtime, null, inline);
        }
        if (samProps?["CodeUri"]?.AsString() is { } uri && !uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            return new FunctionCode(id, name, handler, runtime, Path.GetFullPath(Path.Combine(directory, uri)), null);
        }
        if ((props["Code"] as MappingNode)?["ZipFile"]?.AsString() is { } zip)
        {
            return new FunctionCode(id, name, handler, runtime, null, zip);
        }
        throw new TemplateException(samProps?["CodeUri"]?.Mark ?? resource.Mark, $"function {id}'s code is in S3, which the sandbox cannot read.", "point CodeUri at the local folder holding the handler's .cs files.");
    }

    private static FunctionOptions Options(Simulation sim, string name, MappingNode props, List<(string Id, string Type, MappingNode Resource)> active, string id, IntrinsicEvaluator eval, MappingNode resource)
    {
        var options = new FunctionOptions
        {
            FunctionName = name,
            Runtime = props["Runtime"]?.AsString() ?? LambdaRuntime.DotNet8,
            MemorySize = (int)((props["MemorySize"] as ScalarNode)?.AsLong() ?? 128),
            Timeout = TimeSpan.FromSeconds((props["Timeout"] as ScalarNode)?.AsLong() ?? 3),
            Architecture = (props["Architectures"] as SequenceNode)?.Items.FirstOrDefault()?.AsString() == "arm64" ? Architecture.Arm64 : Architecture.X86_64,
            EphemeralStorageSize = (int)(((props["EphemeralStorage"] as MappingNode)?["Size"] as ScalarNode)?.AsLong() ?? 512),
            ReservedConcurrentExecutions = (int?)(props["ReservedConcurrentExecutions"] as ScalarNode)?.AsLong(),
            SnapStart = (props["SnapStart"] as MappingNode)?["ApplyOn"]?.AsString() == "PublishedVersions",
        };
        foreach (var v in ((props["Environment"] as MappingNode)?["Variables"] as MappingNode)?.Entries ?? [])
        {
            options.Environment[v.Key.Value] = v.Value.AsString() ?? "";
        }
        foreach (var (_, type, r) in active)
        {
            var p = r["Properties"] as MappingNode;
            if (p?["FunctionName"] is not MappingNode { IntrinsicName: "Ref" } fnRef || fnRef["Ref"]!.AsString() != id)
            {
                continue;
            }
            if (type == "AWS::Lambda::Alias" && (((MappingNode)eval.Evaluate(p))["ProvisionedConcurrencyConfig"] as MappingNode)?["ProvisionedConcurrentExecutions"] is ScalarNode pc)
            {
                options.ProvisionedConcurrentExecutions = (int)(pc.AsLong() ?? 0);
            }
            if (type == "AWS::Lambda::EventInvokeConfig")
            {
                var eic = (MappingNode)eval.Evaluate(p);
                if ((eic["MaximumRetryAttempts"] as ScalarNode)?.AsLong() is { } retries)
                {
                    options.Async.MaximumRetryAttempts = (int)retries;
                }
                if ((eic["MaximumEventAgeInSeconds"] as ScalarNode)?.AsLong() is { } age)
                {
                    options.Async.MaximumEventAge = TimeSpan.FromSeconds(age);
                }
                var destinations = eic["DestinationConfig"] as MappingNode;
                if ((destinations?["OnSuccess"] as MappingNode)?["Destination"]?.AsString() is { } onSuccess)
                {
                    options.Async.OnSuccess = Target(sim, onSuccess, resource);
                }
                if ((destinations?["OnFailure"] as MappingNode)?["Destination"]?.AsString() is { } onFailure)
                {
                    options.Async.OnFailure = Target(sim, onFailure, resource);
                }
            }
        }
        if ((props["DeadLetterConfig"] as MappingNode)?["TargetArn"]?.AsString() is { } dlq)
        {
            options.Async.DeadLetter = Target(sim, dlq, resource);
        }
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new TemplateException(resource.Mark, $"function {id} is not valid: {string.Join("; ", errors)}", "fix the function's properties (MemorySize 128–10240, Timeout 1–900 …).");
        }
        return options;
    }

    /// <summary>
    /// CloudFormation creates nothing of a stack whose resources depend on themselves through others (typically an S3
    /// event's bucket, the function's permission, the function, its role, and a policy that names the bucket with
    /// <c>!Ref</c>): the sandbox refuses it too, rather than run what <c>sam deploy</c> cannot create.
    /// </summary>
    private static void RejectCycles(Template template, MappingNode resources)
    {
        if (DependencyCycle.Find(resources) is not { } cycle)
        {
            return;
        }

        var types = cycle.ToDictionary(id => id, id => (resources[id] as MappingNode)?["Type"]?.AsString() ?? "");
        var bucket = cycle.FirstOrDefault(id => types[id] == "AWS::S3::Bucket");
        var mark = cycle.Select(id => template.Resources[id]?.Mark).FirstOrDefault(m => m is { IsKnown: true }) ?? template.Root.Mark;
        throw new TemplateException(mark,
            $"CloudFormation rejects this stack before creating anything: {DependencyCycle.Message(cycle)}",
            bucket is not null && cycle.Any(id => types[id] == "AWS::IAM::Role")
                ? $"a policy names {bucket} with !Ref or !GetAtt while {bucket}'s notification needs the function: name the bucket (BucketName: !Sub ${{AWS::StackName}}-documents-${{AWS::AccountId}}) and give the policy the same !Sub"
                : "remove the Ref, GetAtt, Sub or DependsOn that closes the loop");
    }
}
