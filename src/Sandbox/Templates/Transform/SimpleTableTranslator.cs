using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// <c>AWS::Serverless::SimpleTable</c> → <c>AWS::DynamoDB::Table</c> (SAM_04): one hash key from PrimaryKey
/// (default <c>id</c>, String), <c>PAY_PER_REQUEST</c> unless ProvisionedThroughput is given.
/// </summary>
internal static class SimpleTableTranslator
{
    public const string Type = "AWS::Serverless::SimpleTable";

    private static readonly string[] Known = ["PrimaryKey", "ProvisionedThroughput", "TableName", "Tags", "SSESpecification", "PointInTimeRecoverySpecification"];

    public static void Translate(TransformContext ctx, string id, MappingNode resource, MappingNode props)
    {
        foreach (var e in props.Entries)
        {
            if (!Known.Contains(e.Key.Value))
            {
                throw new InvalidResource(e.Key.Mark, id, $"property {e.Key.Value} not defined for resource of type {Type}", $"the properties are {string.Join(", ", Known)}.");
            }
        }
        var name = Nodes.Str("id");
        var type = "S";
        if (props["PrimaryKey"] is { } pk)
        {
            if (pk is not MappingNode key || key["Name"] is null || key["Type"]?.AsString() is not { } t)
            {
                throw new InvalidResource(pk.Mark, id, "'PrimaryKey' is missing required Property 'Name' or 'Type'.", "write `PrimaryKey: { Name: id, Type: String }`.");
            }
            name = (ScalarNode)key["Name"]!.Clone();
            type = t switch
            {
                "String" => "S",
                "Number" => "N",
                "Binary" => "B",
                _ => throw new InvalidResource(key["Type"]!.Mark, id, $"Invalid 'Type' \"{t}\".", "use String, Number or Binary."),
            };
        }
        var table = Nodes.Map(
            ("AttributeDefinitions", Nodes.List(Nodes.Map(("AttributeName", name), ("AttributeType", Nodes.Str(type))))),
            ("KeySchema", Nodes.List(Nodes.Map(("AttributeName", name.Clone()), ("KeyType", Nodes.Str("HASH"))))));
        if (props["ProvisionedThroughput"] is { } throughput)
        {
            table.Set("ProvisionedThroughput", throughput.Clone());
        }
        else
        {
            table.Set("BillingMode", Nodes.Str("PAY_PER_REQUEST"));
        }
        foreach (var p in new[] { "SSESpecification", "PointInTimeRecoverySpecification", "TableName" })
        {
            if (props[p] is { } v)
            {
                table.Set(p, v.Clone());
            }
        }
        if (props["Tags"] is MappingNode tags)
        {
            table.Set("Tags", Nodes.List(tags.Entries.Select(t => (TemplateNode)Nodes.Map(("Key", Nodes.Str(t.Key.Value)), ("Value", t.Value.Clone())))));
        }
        var attributes = FunctionTranslator.PassThroughAttributes(resource);
        if (resource["DependsOn"] is { } d)
        {
            attributes.Set("DependsOn", d.Clone());
        }
        ctx.Add(id, TransformContext.Resource("AWS::DynamoDB::Table", table, attributes));
    }
}
