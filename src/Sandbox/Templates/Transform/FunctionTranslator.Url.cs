using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// <c>FunctionUrlConfig</c> (SAM_02): <c>&lt;Function&gt;Url</c> (<c>AWS::Lambda::Url</c>: AuthType, Cors, InvokeMode,
/// TargetFunctionArn the alias when AutoPublishAlias is set, else the function) and, for <c>AuthType: NONE</c>, the two
/// public permissions AWS's generated-resources page lists: <c>&lt;Function&gt;UrlPublicPermissions</c>
/// (<c>lambda:InvokeFunctionUrl</c> with FunctionUrlAuthType NONE) and <c>&lt;Function&gt;URLInvokeAllowPublicAccess</c>
/// (<c>lambda:InvokeFunction</c> with InvokedViaFunctionUrl, which Lambda requires for public URLs since October 2025).
/// </summary>
internal static partial class FunctionTranslator
{
    private static readonly Dictionary<string, ScalarKind?> CorsTypes = new(StringComparer.Ordinal)
    {
        ["AllowOrigins"] = null, ["AllowMethods"] = null, ["AllowCredentials"] = ScalarKind.Boolean,
        ["AllowHeaders"] = null, ["ExposeHeaders"] = null, ["MaxAge"] = ScalarKind.Integer,
    };

    private static void FunctionUrl(TransformContext ctx, string id, string? aliasId, TemplateNode config, MappingNode passThrough)
    {
        var target = aliasId is null ? Nodes.Ref(id) : Nodes.Ref(aliasId);
        if (config is MappingNode { IntrinsicName: not null })
        {
            ctx.Add(id + "Url", TransformContext.Resource("AWS::Lambda::Url", Nodes.Map(("TargetFunctionArn", target)), (MappingNode)passThrough.Clone()));
            return;
        }

        if (config is not MappingNode map)
        {
            throw new InvalidResource(config.Mark, id, "Property 'FunctionUrlConfig' should be a map.", "write FunctionUrlConfig as a map, e.g. `FunctionUrlConfig: {AuthType: AWS_IAM}`.");
        }

        var auth = map["AuthType"];
        if (auth is not MappingNode { IntrinsicName: not null } && auth?.AsString() is not ("AWS_IAM" or "NONE"))
        {
            throw new InvalidResource(auth?.Mark ?? map.Mark, id, "AuthType is required to configure function property `FunctionUrlConfig`. Please provide either AWS_IAM or NONE.",
                "set `AuthType: AWS_IAM` (callers sign with SigV4) or `AuthType: NONE` (public).");
        }

        if (map["Cors"] is MappingNode { IntrinsicName: null } cors)
        {
            foreach (var (key, value) in cors.Entries.Select(e => (e.Key, e.Value)))
            {
                if (!CorsTypes.TryGetValue(key.Value, out var kind))
                {
                    throw new InvalidResource(key.Mark, id, $"{key.Value} is not a valid property for configuring Cors.", $"use {string.Join(", ", CorsTypes.Keys)}.");
                }

                var ok = value is MappingNode { IntrinsicName: not null } || (kind is null ? value is SequenceNode : value is ScalarNode s && s.Kind == kind);
                if (!ok)
                {
                    var type = kind switch { ScalarKind.Boolean => "bool", ScalarKind.Integer => "int", _ => "list" };
                    throw new InvalidResource(value.Mark, id, $"{key.Value} must be of type {type}.", $"give {key.Value} as a {type}.");
                }
            }
        }

        var url = Nodes.Map(("Cors", map["Cors"]?.Clone()), ("AuthType", auth!.Clone()), ("TargetFunctionArn", target), ("InvokeMode", map["InvokeMode"]?.Clone()));
        ctx.Add(id + "Url", TransformContext.Resource("AWS::Lambda::Url", url, (MappingNode)passThrough.Clone()));
        if (auth.AsString() != "NONE")
        {
            return;
        }

        ctx.Add(id + "UrlPublicPermissions", TransformContext.Resource("AWS::Lambda::Permission", Nodes.Map(
            ("Action", Nodes.Str("lambda:InvokeFunctionUrl")), ("FunctionName", target.Clone()), ("Principal", Nodes.Str("*")),
            ("FunctionUrlAuthType", Nodes.Str("NONE"))), (MappingNode)passThrough.Clone()));
        ctx.Add(id + "URLInvokeAllowPublicAccess", TransformContext.Resource("AWS::Lambda::Permission", Nodes.Map(
            ("Action", Nodes.Str("lambda:InvokeFunction")), ("FunctionName", target.Clone()), ("Principal", Nodes.Str("*")),
            ("InvokedViaFunctionUrl", Nodes.Bool(true))), (MappingNode)passThrough.Clone()));
    }
}
