using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// How generated resources point at a translated function: by name (<c>Ref Function</c>) and ARN
/// (<c>GetAtt Function.Arn</c>), or, with AutoPublishAlias, both by <c>Ref</c> of the alias (an alias has no name).
/// </summary>
internal sealed record FunctionRefs(string LogicalId, string? AliasId, MappingNode PassThrough, MappingNode? Role)
{
    public TemplateNode NameOrArn => AliasId is null ? Nodes.Ref(LogicalId) : Nodes.Ref(AliasId);

    public TemplateNode Arn => AliasId is null ? Nodes.GetAtt(LogicalId, "Arn") : Nodes.Ref(AliasId);

    /// <summary>The ARN inside an <c>Fn::Sub</c> string: <c>${Function.Arn}</c> or <c>${FunctionAliaslive}</c>.</summary>
    public string ArnInSub => AliasId is null ? $"${{{LogicalId}.Arn}}" : $"${{{AliasId}}}";

    /// <summary>The pass-through attributes (Condition, DeletionPolicy, UpdateReplacePolicy) as a fresh copy.</summary>
    public MappingNode Attributes => (MappingNode)PassThrough.Clone();
}
