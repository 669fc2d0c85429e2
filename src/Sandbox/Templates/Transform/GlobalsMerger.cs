using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// SAM's <c>Globals</c> section (SAM_01): each resource's properties are merged over the globals of its type —
/// mappings merged key by key (the resource's value wins), lists appended (globals first), scalars and intrinsic
/// functions taken from the resource; a value of another shape replaces the global one.
/// </summary>
internal static class GlobalsMerger
{
    private static readonly Dictionary<string, (string Type, string[] Properties)> Sections = new(StringComparer.Ordinal)
    {
        ["Function"] = ("AWS::Serverless::Function",
        [
            "Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig", "Environment",
            "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias", "AutoPublishAliasAllProperties", "Layers",
            "DeploymentPreference", "RolePath", "PermissionsBoundary", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
            "AssumeRolePolicyDocument", "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn", "Architectures",
            "SnapStart", "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop",
            "SourceKMSKeyArn",
        ]),
        ["Api"] = ("AWS::Serverless::Api",
        [
            "Auth", "Name", "DefinitionUri", "CacheClusterEnabled", "CacheClusterSize", "MergeDefinitions", "Variables",
            "EndpointConfiguration", "MethodSettings", "BinaryMediaTypes", "MinimumCompressionSize", "Cors", "GatewayResponses",
            "AccessLogSetting", "CanarySetting", "TracingEnabled", "OpenApiVersion", "Domain", "AlwaysDeploy", "PropagateTags",
        ]),
        ["HttpApi"] = ("AWS::Serverless::HttpApi",
        [
            "Auth", "AccessLogSettings", "StageVariables", "Tags", "PropagateTags", "DefaultRouteSettings", "RouteSettings",
            "Domain", "CorsConfiguration", "DisableExecuteApiEndpoint",
        ]),
        ["SimpleTable"] = ("AWS::Serverless::SimpleTable", ["SSESpecification"]),
        ["StateMachine"] = ("AWS::Serverless::StateMachine", ["PropagateTags"]),
        ["LayerVersion"] = ("AWS::Serverless::LayerVersion", ["PropagateTags"]),
    };

    /// <summary>Checks the Globals section; returns SAM's error when a section or property is not supported.</summary>
    public static SamError? Validate(MappingNode? globals)
    {
        if (globals is null)
        {
            return null;
        }
        foreach (var section in globals.Entries)
        {
            if (!Sections.TryGetValue(section.Key.Value, out var known))
            {
                return new SamError(section.Key.Mark, $"'Globals' section is invalid. '{section.Key.Value}' is not supported. Must be one of the following values - {PyList(Sections.Keys)}",
                    $"Globals apply to {string.Join(", ", Sections.Keys)}.");
            }
            if (section.Value is not MappingNode props)
            {
                return new SamError(section.Value.Mark, $"'Globals' section is invalid. Value of {section.Key.Value} must be a dictionary", "indent its properties under it.");
            }
            foreach (var p in props.Entries)
            {
                if (!known.Properties.Contains(p.Key.Value))
                {
                    return new SamError(p.Key.Mark, $"'Globals' section is invalid. '{p.Key.Value}' is not a supported property of '{section.Key.Value}'. Must be one of the following values - {PyList(known.Properties)}",
                        $"move '{p.Key.Value}' into each resource's Properties.");
                }
            }
        }
        return null;
    }

    /// <summary>The properties of a resource of <paramref name="type"/> with the globals merged under them.</summary>
    public static MappingNode Merge(MappingNode? globals, string type, MappingNode? properties)
    {
        var section = Sections.FirstOrDefault(s => s.Value.Type == type).Key;
        var local = properties ?? new MappingNode(SourceMark.None);
        if (section is null || globals?[section] is not MappingNode global)
        {
            return (MappingNode)local.Clone();
        }
        return (MappingNode)DoMerge(global.Clone(), local.Clone());
    }

    private static TemplateNode DoMerge(TemplateNode global, TemplateNode local) => (Token(global), Token(local)) switch
    {
        ("dict", "dict") => MergeDict((MappingNode)global, (MappingNode)local),
        ("list", "list") => new SequenceNode(((SequenceNode)global).Items.Concat(((SequenceNode)local).Items), local.Mark),
        _ => local,
    };

    private static MappingNode MergeDict(MappingNode global, MappingNode local)
    {
        foreach (var e in local.Entries)
        {
            global.Set(e.Key.Value, global[e.Key.Value] is { } g ? DoMerge(g, e.Value) : e.Value, e.Key.Mark);
        }
        return global;
    }

    private static string Token(TemplateNode node) => node switch
    {
        MappingNode { IntrinsicName: not null } => "primitive",
        MappingNode => "dict",
        SequenceNode => "list",
        _ => "primitive",
    };

    /// <summary>A Python list literal, as SAM prints lists in its messages: <c>['A', 'B']</c>.</summary>
    internal static string PyList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"'{i}'")) + "]";
}
