using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

internal static partial class EventTranslator
{
    private static void S3(TransformContext ctx, FunctionRefs fn, string name, string id, MappingNode props)
    {
        var bucketRef = (props["Bucket"] as MappingNode) is { IntrinsicName: "Ref" } r ? r["Ref"]!.AsString() : null;
        if (bucketRef is null || ctx.InputType(bucketRef) is null)
        {
            throw InvalidResource.Event(props["Bucket"]?.Mark ?? props.Mark, fn.LogicalId, name, "S3 events must reference an S3 bucket in the same template.",
                "declare the bucket as a resource (Type: AWS::S3::Bucket) and write `Bucket: !Ref MyBucket`.");
        }
        var events = Required(props, "Events", fn, name, "add e.g. `Events: s3:ObjectCreated:*`.");
        var eventTypes = events switch
        {
            SequenceNode l => l.Items,
            var single => [single],
        };
        var permissionId = id + "Permission";
        ctx.Add(permissionId, Permission(fn, "s3.amazonaws.com", sourceAccount: Nodes.Ref("AWS::AccountId")));
        var filter = props["Filter"]?.Clone();
        var functionArn = fn.Arn;
        ctx.LatePasses.Add(() =>
        {
            var bucket = (MappingNode)ctx.Output[bucketRef]!;
            var dependsOn = bucket["DependsOn"] switch
            {
                SequenceNode l => l,
                ScalarNode s => Nodes.List(s),
                _ => Nodes.List(),
            };
            if (!dependsOn.Items.Any(d => d.AsString() == permissionId))
            {
                dependsOn.Items.Add(Nodes.Str(permissionId));
            }
            bucket.Set("DependsOn", dependsOn);
            if (bucket["Properties"] is not MappingNode properties)
            {
                bucket.Set("Properties", properties = new MappingNode(SourceMark.None));
            }
            if (properties["NotificationConfiguration"] is not MappingNode notification)
            {
                properties.Set("NotificationConfiguration", notification = new MappingNode(SourceMark.None));
            }
            if (notification["LambdaConfigurations"] is not SequenceNode lambdas)
            {
                notification.Set("LambdaConfigurations", lambdas = Nodes.List());
            }
            foreach (var type in eventTypes)
            {
                var mapping = Nodes.Map(("Function", functionArn.Clone()), ("Filter", filter?.Clone()), ("Event", type.Clone()));
                if (!lambdas.Items.Any(l => l.DataEquals(mapping)))
                {
                    lambdas.Items.Add(mapping);
                }
            }
        });
    }

    private static void HttpApi(TransformContext ctx, FunctionRefs fn, string name, string id, MappingNode props)
    {
        var apiId = "ServerlessHttpApi";
        if (props["ApiId"] is { } api)
        {
            var target = (api as MappingNode) is { IntrinsicName: "Ref" } r ? r["Ref"]!.AsString() : null;
            if (target is null || ctx.InputType(target) != HttpApiTranslator.Type)
            {
                throw InvalidResource.Event(api.Mark, fn.LogicalId, name, "ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same template.",
                    "write `ApiId: !Ref MyHttpApi`, or leave ApiId out to use the implicit API.");
            }
            apiId = target;
        }
        var path = props["Path"]?.AsString();
        var method = props["Method"]?.AsString();
        if ((path is null) != (method is null))
        {
            throw InvalidResource.Event(props.Mark, fn.LogicalId, name, "Event source with Path or Method must have both Path and Method.", "give both Path (e.g. /orders) and Method (e.g. post), or neither for the $default route.");
        }
        path ??= "$default";
        method ??= "ANY";
        if (!ctx.Routes.TryGetValue(apiId, out var routes))
        {
            ctx.Routes[apiId] = routes = [];
        }
        routes.Add(new HttpApiRoute(path, method, fn.ArnInSub, props["PayloadFormatVersion"], props["TimeoutInMillis"], props.Mark));

        var permissionPath = path == "$default" ? "" : PathParameter().Replace(System.Text.RegularExpressions.Regex.Replace(path, "^(.+)/$", "$1"), "*");
        var permissionMethod = method.Equals("any", StringComparison.OrdinalIgnoreCase) || method == "x-amazon-apigateway-any-method" ? "*" : method.ToUpperInvariant();
        var sourceArn = Nodes.Map(("Fn::Sub", Nodes.List(
            Nodes.Str("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/" + permissionMethod + permissionPath),
            Nodes.Map(("__ApiId__", Nodes.Ref(apiId)), ("__Stage__", Nodes.Str("*"))))));
        ctx.Add(id + "Permission", Permission(fn, "apigateway.amazonaws.com", sourceArn: sourceArn));
    }
}
