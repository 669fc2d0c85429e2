using System.Security.Cryptography;
using System.Text;
using Course.Sandbox.Templates.Intrinsics;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// <c>AWS::Serverless::Function</c> → <c>AWS::Lambda::Function</c>, its <c>&lt;Function&gt;Role</c> (SAM_03), a
/// <c>Version</c>/<c>Alias</c> pair for AutoPublishAlias, an <c>EventInvokeConfig</c>, and each event's resources
/// (SAM_02), with the logical ids, properties and attributes aws-sam-translator writes.
/// </summary>
internal static partial class FunctionTranslator
{
    public const string Type = "AWS::Serverless::Function";

    private static readonly HashSet<string> Known =
    [
        "FunctionName", "Handler", "Runtime", "CodeUri", "ImageUri", "PackageType", "InlineCode", "DeadLetterQueue", "Description",
        "MemorySize", "Timeout", "VpcConfig", "Role", "AssumeRolePolicyDocument", "Policies", "RolePath", "PermissionsBoundary",
        "Environment", "Events", "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "DeploymentPreference", "ReservedConcurrentExecutions",
        "Layers", "EventInvokeConfig", "AutoPublishAlias", "AutoPublishCodeSha256", "AutoPublishAliasAllProperties", "VersionDescription",
        "ProvisionedConcurrencyConfig", "FileSystemConfigs", "ImageConfig", "CodeSigningConfigArn", "Architectures", "SnapStart",
        "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn",
    ];

    private static readonly string[] NotTranslated = ["DeploymentPreference", "ImageUri", "ImageConfig", "AutoPublishAliasAllProperties"];

    /// <summary>Translates function <paramref name="id"/> (whose properties already carry the globals).</summary>
    public static void Translate(TransformContext ctx, string id, MappingNode resource, MappingNode props)
    {
        foreach (var e in props.Entries)
        {
            if (!Known.Contains(e.Key.Value))
            {
                throw new InvalidResource(e.Key.Mark, id, $"property {e.Key.Value} not defined for resource of type {Type}", $"remove '{e.Key.Value}' or check its spelling (properties: Handler, Runtime, CodeUri, MemorySize, Timeout, Environment, Policies, Events…).");
            }
            if (NotTranslated.Contains(e.Key.Value))
            {
                throw new InvalidResource(e.Key.Mark, id, $"the sandbox's transform does not translate {e.Key.Value} yet.", $"remove '{e.Key.Value}' to run it here; sam deploy translates it on AWS.");
            }
        }
        RequireInt(props, "MemorySize", id);
        RequireInt(props, "Timeout", id);
        RequireKind<MappingNode>(props, "Events", id);
        RequireKind<MappingNode>(props, "Environment", id);
        RequireKind<MappingNode>(props, "Tags", id);

        var passThrough = PassThroughAttributes(resource);
        var fn = new MappingNode(SourceMark.None);
        Copy(props, fn, "FunctionName");
        var code = CodeDict(props, id);
        var zip = props["PackageType"]?.AsString() is null or "Zip";
        if (zip && (props["Handler"] is null || props["Runtime"] is null))
        {
            throw new InvalidResource(props.Mark, id, "Runtime and Handler needs to be present when PackageType is of type `Zip`",
                "add e.g. `Runtime: dotnet8` and `Handler: MyAssembly::MyNamespace.Function::FunctionHandler` (or set them under Globals: Function).");
        }
        Copy(props, fn, "Handler");
        Copy(props, fn, "Runtime");
        fn.Set("Code", code);
        foreach (var p in new[] { "Description", "MemorySize", "Timeout" })
        {
            Copy(props, fn, p);
        }
        fn.Set("Role", props["Role"]?.Clone() ?? Nodes.GetAtt(id + "Role", "Arn"));
        Copy(props, fn, "Environment");
        if (props["DeadLetterQueue"] is { } dlq)
        {
            fn.Set("DeadLetterConfig", Nodes.Map(("TargetArn", Dlq(dlq, id).TargetArn.Clone())));
        }
        if (props["Tracing"] is { } tracing)
        {
            fn.Set("TracingConfig", Nodes.Map(("Mode", tracing.Clone())));
        }
        Copy(props, fn, "KmsKeyArn");
        Copy(props, fn, "Layers");
        fn.Set("Tags", TagList(props["Tags"] as MappingNode));
        foreach (var p in new[] { "ReservedConcurrentExecutions", "VpcConfig", "FileSystemConfigs", "CodeSigningConfigArn", "PackageType", "Architectures", "EphemeralStorage", "SnapStart", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn" })
        {
            Copy(props, fn, p);
        }

        var attributes = (MappingNode)passThrough.Clone();
        if (resource["DependsOn"] is { } dependsOn)
        {
            attributes.Set("DependsOn", dependsOn.Clone());
        }
        if (resource["Metadata"] is { } metadata)
        {
            attributes.Set("Metadata", metadata.Clone());
        }
        ctx.Add(id, TransformContext.Resource("AWS::Lambda::Function", fn, attributes));

        string? aliasId = null;
        if (props["ProvisionedConcurrencyConfig"] is { } pcc && props["AutoPublishAlias"] is null)
        {
            throw new InvalidResource(pcc.Mark, id, "To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function", "add `AutoPublishAlias: live` (provisioned concurrency applies to a version or alias).");
        }
        if (props["AutoPublishAlias"] is { } aliasNode)
        {
            var alias = new IntrinsicEvaluator(ctx.Template).Evaluate(aliasNode).AsString() ?? "";
            if (alias.Length == 0 || !alias.All(char.IsAsciiLetterOrDigit))
            {
                throw new InvalidResource(aliasNode.Mark, id, "AutoPublishAlias must contain only alphanumeric characters", "name the alias with letters and digits, e.g. `live`.");
            }
            var versionId = VersionLogicalId(ctx, id, code, fn, props);
            var versionAttributes = (MappingNode)passThrough.Clone();
            if (!versionAttributes.Contains("DeletionPolicy"))
            {
                versionAttributes.Set("DeletionPolicy", Nodes.Str("Retain"));
            }
            ctx.Add(versionId, TransformContext.Resource("AWS::Lambda::Version",
                Nodes.Map(("Description", props["VersionDescription"]?.Clone()), ("FunctionName", Nodes.Ref(id))), versionAttributes));
            aliasId = id + "Alias" + alias;
            ctx.Add(aliasId, TransformContext.Resource("AWS::Lambda::Alias", Nodes.Map(
                ("Name", Nodes.Str(alias)), ("FunctionName", Nodes.Ref(id)), ("FunctionVersion", Nodes.GetAtt(versionId, "Version")),
                ("ProvisionedConcurrencyConfig", props["ProvisionedConcurrencyConfig"]?.Clone())), (MappingNode)passThrough.Clone()));
        }

        if (props["FunctionUrlConfig"] is { } urlConfig)
        {
            FunctionUrl(ctx, id, aliasId, urlConfig, passThrough);
        }

        var invokePolicies = props["EventInvokeConfig"] is MappingNode eic ? EventInvokeConfig(ctx, id, aliasId, props["AutoPublishAlias"], eic, passThrough) : [];
        MappingNode? role = null;
        if (props["Role"] is null)
        {
            role = Role(ctx, id, props, passThrough, invokePolicies);
            ctx.Add(id + "Role", role);
        }

        var refs = new FunctionRefs(id, aliasId, passThrough, role);
        if (props["Events"] is MappingNode events)
        {
            foreach (var e in events.Entries)
            {
                EventTranslator.Translate(ctx, refs, e.Key.Value, e.Value);
            }
        }
    }

    private static TemplateNode CodeDict(MappingNode props, string id)
    {
        var inline = props["InlineCode"];
        var uri = props["CodeUri"];
        if ((inline is null) == (uri is null))
        {
            throw new InvalidResource(props.Mark, id, "Only one of 'InlineCode' or 'CodeUri' can be set.", "give the handler's code with CodeUri (a folder or s3:// URI) or InlineCode, not both and not neither.");
        }
        if (inline is not null)
        {
            return Nodes.Map(("ZipFile", inline.Clone()));
        }
        switch (uri)
        {
            case MappingNode { IntrinsicName: null } m:
                return Nodes.Map(("S3Bucket", m["Bucket"]?.Clone()), ("S3Key", m["Key"]?.Clone()), ("S3ObjectVersion", m["Version"]?.Clone()));
            case ScalarNode s when s.Value.StartsWith("s3://", StringComparison.Ordinal):
            {
                var rest = s.Value["s3://".Length..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || slash == rest.Length - 1)
                    {
                        throw new InvalidResource(s.Mark, id, $"'CodeUri' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.", "write s3://bucket/key.zip, or a local folder.");
                    }
                    var key = rest[(slash + 1)..];
                string? version = null;
                var q = key.IndexOf("?versionId=", StringComparison.Ordinal);
                if (q >= 0)
                {
                    version = key[(q + "?versionId=".Length)..];
                    key = key[..q];
                }
                return Nodes.Map(("S3Bucket", Nodes.Str(rest[..slash])), ("S3Key", Nodes.Str(key)), ("S3ObjectVersion", version is null ? null : Nodes.Str(version)));
            }
            case ScalarNode:
                // A local folder: `sam package` uploads it and writes its S3 location; `sam validate` stands in s3://bucket/value.
                return Nodes.Map(("S3Bucket", Nodes.Str("bucket")), ("S3Key", Nodes.Str("value")));
            default:
                return Nodes.Map(("S3Bucket", uri!.Clone()));
        }
    }

    private static string VersionLogicalId(TransformContext ctx, string id, TemplateNode code, MappingNode fn, MappingNode props)
    {
        var logical = (MappingNode)ResolveParameterRefs(ctx, code.Clone());
        if (fn["Environment"] is MappingNode env)
        {
            foreach (var e in env.Entries)
            {
                logical.Set(e.Key.Value, e.Value.Clone());
            }
        }
        if (fn["MemorySize"] is { } memory)
        {
            logical.Set("MemorySize", memory.Clone());
        }
        if (fn["SnapStart"] is MappingNode snap && (snap["ApplyOn"]?.AsString() ?? "None") != "None")
        {
            logical.Set("SnapStart", snap.Clone());
        }
        var data = logical.Count == 0 ? "" : CanonicalJson.Dumps(logical);
        if (props["AutoPublishCodeSha256"]?.AsString() is { } sha)
        {
            data += sha;
        }
        if (data.Length == 0)
        {
            return id + "Version";
        }
        var hash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(data)));
        return id + "Version" + hash[..10];
    }

    /// <summary>SAM's <c>resolve_parameter_refs</c>: <c>Ref</c>s of parameters and pseudo parameters replaced by their values.</summary>
    internal static TemplateNode ResolveParameterRefs(TransformContext ctx, TemplateNode node)
    {
        switch (node)
        {
            case MappingNode { IntrinsicName: "Ref" } r when r["Ref"]?.AsString() is { } name:
                if (ctx.Template.Parameters.TryGetValue(name, out var p))
                {
                    return p.ToNode();
                }
                return ctx.Template.Pseudo.Get(name) is { } v ? Nodes.Str(v) : node;
            case MappingNode m:
                foreach (var e in m.Entries.ToList())
                {
                    m.Set(e.Key.Value, ResolveParameterRefs(ctx, e.Value));
                }
                return m;
            case SequenceNode s:
                for (var i = 0; i < s.Items.Count; i++)
                {
                    s.Items[i] = ResolveParameterRefs(ctx, s.Items[i]);
                }
                return s;
            default:
                return node;
        }
    }

    internal static MappingNode PassThroughAttributes(MappingNode resource)
    {
        var a = new MappingNode(SourceMark.None);
        foreach (var name in new[] { "Condition", "DeletionPolicy", "UpdateReplacePolicy" })
        {
            if (resource[name] is { } v)
            {
                a.Set(name, v.Clone());
            }
        }
        return a;
    }

    internal static SequenceNode TagList(MappingNode? tags)
    {
        var list = Nodes.List(Nodes.Map(("Key", Nodes.Str("lambda:createdBy")), ("Value", Nodes.Str("SAM"))));
        if (tags is not null)
        {
            foreach (var t in tags.Entries)
            {
                list.Items.Add(Nodes.Map(("Key", Nodes.Str(t.Key.Value)), ("Value", t.Value.Clone())));
            }
        }
        return list;
    }

    private static void Copy(MappingNode from, MappingNode to, string name)
    {
        if (from[name] is { } v)
        {
            to.Set(name, v.Clone());
        }
    }

    private static void RequireInt(MappingNode props, string name, string id)
    {
        if (props[name] is { } v && v is not MappingNode { IntrinsicName: not null } && (v is not ScalarNode s || s.Kind != ScalarKind.Integer))
        {
            throw new InvalidResource(v.Mark, id, $"Type of property '{name}' is invalid.", $"give {name} as a whole number (it is {v.KindName}).");
        }
    }

    private static void RequireKind<T>(MappingNode props, string name, string id) where T : TemplateNode
    {
        if (props[name] is { } v && v is not T && v is not MappingNode { IntrinsicName: not null })
        {
            throw new InvalidResource(v.Mark, id, $"Type of property '{name}' is invalid.", $"{name} must be a mapping (it is {v.KindName}).");
        }
    }
}
