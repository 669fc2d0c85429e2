using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Model;

/// <summary>One entry of a template's <c>Parameters</c> section and the value it takes in this load.</summary>
/// <param name="Name">The parameter's logical name.</param>
/// <param name="Type">Its CloudFormation type (<c>String</c>, <c>Number</c>, <c>CommaDelimitedList</c>…).</param>
/// <param name="Value">The value: the override given, else the default.</param>
/// <param name="Mark">Where it is declared.</param>
public sealed record TemplateParameter(string Name, string Type, string Value, SourceMark Mark)
{
    /// <summary>True for list types, whose <c>Ref</c> is a list of strings.</summary>
    public bool IsList => Type is "CommaDelimitedList" || Type.StartsWith("List<", StringComparison.Ordinal);

    /// <summary>The value as a template node (a list for list types).</summary>
    public TemplateNode ToNode() => IsList
        ? Nodes.List(Value.Split(',').Select(v => (TemplateNode)Nodes.Str(v.Trim())))
        : Nodes.Str(Value);
}
