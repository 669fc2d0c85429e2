using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// <c>AWS::Serverless::HttpApi</c> (basic: StageName, Tags, StageVariables, FailOnWarnings,
/// DisableExecuteApiEndpoint) and the implicit <c>ServerlessHttpApi</c> that HttpApi events without ApiId create:
/// an <c>AWS::ApiGatewayV2::Api</c> whose OpenAPI 3.0.1 Body holds one <c>aws_proxy</c> route per event, and its
/// <c>…ApiGatewayDefaultStage</c> (<c>$default</c>, AutoDeploy). CorsConfiguration becomes the Body's
/// <c>x-amazon-apigateway-cors</c> as aws-sam-translator's OpenApiEditor.add_cors writes it.
/// </summary>
internal static class HttpApiTranslator
{
    public const string Type = "AWS::Serverless::HttpApi";

    private static readonly string[] Supported = ["StageName", "Tags", "StageVariables", "FailOnWarnings", "DisableExecuteApiEndpoint", "Description", "CorsConfiguration"];

    /// <summary>Builds API <paramref name="id"/> from its routes (called after every function is translated).</summary>
    public static void Build(TransformContext ctx, string id, MappingNode? resource, MappingNode props)
    {
        foreach (var e in props.Entries)
        {
            if (!Supported.Contains(e.Key.Value))
            {
                throw new InvalidResource(e.Key.Mark, id, $"the sandbox's transform does not translate the HttpApi property {e.Key.Value} yet.", $"remove it to run here (supported: {string.Join(", ", Supported)}).");
            }
        }
        var attributes = resource is null ? new MappingNode(SourceMark.None) : FunctionTranslator.PassThroughAttributes(resource);
        var tags = props["Tags"] as MappingNode;
        var paths = new MappingNode(SourceMark.None);
        foreach (var route in ctx.Routes.GetValueOrDefault(id) ?? [])
        {
            var method = route.Method.Equals("any", StringComparison.OrdinalIgnoreCase) ? "x-amazon-apigateway-any-method" : route.Method.ToLowerInvariant();
            if (paths[route.Path] is not MappingNode path)
            {
                paths.Set(route.Path, path = new MappingNode(SourceMark.None));
            }
            if (path.Contains(method))
            {
                throw new InvalidResource(route.Mark, id, $"Duplicate route '{route.Method.ToUpperInvariant()} {route.Path}' in HttpApi events.", "give each function event its own path and method.");
            }
            var op = Nodes.Map(("x-amazon-apigateway-integration", Nodes.Map(
                ("httpMethod", Nodes.Str("POST")),
                ("type", Nodes.Str("aws_proxy")),
                ("uri", Nodes.Sub($"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/{route.FunctionArnSub}/invocations")),
                ("payloadFormatVersion", route.PayloadFormatVersion?.Clone() ?? Nodes.Str("2.0")),
                ("timeoutInMillis", route.TimeoutInMillis?.Clone()))));
            if (route.Path == "$default")
            {
                op.Set("isDefaultRoute", Nodes.Bool(true));
            }
            op.Set("responses", new MappingNode(SourceMark.None));
            var parameters = EventTranslator.PathParameter().Matches(route.Path).Select(m => (TemplateNode)Nodes.Map(
                ("required", Nodes.Bool(true)), ("name", Nodes.Str(m.Groups[1].Value)), ("in", Nodes.Str("path")))).ToList();
            if (parameters.Count > 0)
            {
                op.Set("parameters", Nodes.List(parameters));
            }
            path.Set(method, op);
        }
        var bodyTags = Nodes.List(Nodes.Map(("name", Nodes.Str("httpapi:createdBy")), ("x-amazon-apigateway-tag-value", Nodes.Str("SAM"))));
        var stageTags = Nodes.Map(("httpapi:createdBy", Nodes.Str("SAM")));
        if (tags is not null)
        {
            foreach (var t in tags.Entries)
            {
                bodyTags.Items.Add(Nodes.Map(("name", Nodes.Str(t.Key.Value)), ("x-amazon-apigateway-tag-value", t.Value.Clone())));
                stageTags.Set(t.Key.Value, t.Value.Clone());
            }
        }
        var info = Nodes.Map(("version", Nodes.Str("1.0")), ("title", Nodes.Ref("AWS::StackName")), ("description", props["Description"]?.Clone()));
        var body = Nodes.Map(("info", info), ("paths", paths), ("openapi", Nodes.Str("3.0.1")), ("tags", bodyTags), ("x-amazon-apigateway-cors", Cors(id, props["CorsConfiguration"])));
        ctx.Add(id, TransformContext.Resource("AWS::ApiGatewayV2::Api", Nodes.Map(
            ("Body", body), ("FailOnWarnings", props["FailOnWarnings"]?.Clone()), ("DisableExecuteApiEndpoint", props["DisableExecuteApiEndpoint"]?.Clone())), attributes));
        var stageName = props["StageName"]?.AsString() ?? "$default";
        var stageId = id + (stageName == "$default" ? "ApiGatewayDefault" : new string(stageName.Where(char.IsAsciiLetterOrDigit).ToArray())) + "Stage";
        ctx.Add(stageId, TransformContext.Resource("AWS::ApiGatewayV2::Stage", Nodes.Map(
            ("ApiId", Nodes.Ref(id)), ("StageName", Nodes.Str(stageName)), ("Tags", stageTags), ("StageVariables", props["StageVariables"]?.Clone()),
            ("AutoDeploy", Nodes.Bool(true))), (MappingNode)attributes.Clone()));
    }

    private static readonly (string Sam, string OpenApi)[] CorsFields =
    [
        ("AllowOrigins", "allowOrigins"), ("AllowHeaders", "allowHeaders"), ("AllowMethods", "allowMethods"),
        ("ExposeHeaders", "exposeHeaders"), ("MaxAge", "maxAge"), ("AllowCredentials", "allowCredentials"),
    ];

    /// <summary>CorsConfiguration: <c>true</c> allows every origin; a map sets the six fields (AllowCredentials only when true).</summary>
    private static MappingNode? Cors(string id, TemplateNode? config)
    {
        switch (config)
        {
            case null:
                return null;
            case ScalarNode { Kind: ScalarKind.Boolean } flag:
                return flag.AsBool() == true ? Nodes.Map(("allowOrigins", Nodes.List(Nodes.Str("*")))) : null;
            case MappingNode { IntrinsicName: null } map:
                foreach (var e in map.Entries)
                {
                    if (!CorsFields.Any(f => f.Sam == e.Key.Value))
                    {
                        throw new InvalidResource(e.Key.Mark, id, "Invalid value for 'Cors' property.", $"use {string.Join(", ", CorsFields.Select(f => f.Sam))}.");
                    }
                }

                var origins = map["AllowOrigins"] as SequenceNode;
                if (map["AllowCredentials"]?.AsString() == "true" && origins is { Items: [ScalarNode { Value: "*" }] })
                {
                    throw new InvalidResource(map.Mark, id, "Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set.",
                        "list the origins allowed to send credentials instead of '*'.");
                }

                var cors = new MappingNode(SourceMark.None);
                foreach (var (sam, openApi) in CorsFields)
                {
                    var value = map[sam];
                    var keep = sam switch
                    {
                        "MaxAge" => value is not null,
                        "AllowCredentials" => value?.AsString() == "true",
                        _ => value is not null and not SequenceNode { Items.Count: 0 } and not ScalarNode { Value: "" },
                    };
                    if (keep)
                    {
                        cors.Set(openApi, value!.Clone());
                    }
                }

                return cors;
            default:
                throw new InvalidResource(config.Mark, id, "Invalid value for 'Cors' property.",
                    "set CorsConfiguration to true (every origin) or a map of AllowOrigins, AllowHeaders, AllowMethods, ExposeHeaders, MaxAge, AllowCredentials.");
        }
    }
}
