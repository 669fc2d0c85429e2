using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Model;

/// <summary>
/// A loaded template: its sections as nodes (with their marks), the parameters' values for this load and the
/// pseudo parameters. Built by <see cref="TemplateLoader"/>; the SAM transform and the evaluator read it.
/// </summary>
public sealed class Template
{
    internal Template(string file, MappingNode root, IReadOnlyDictionary<string, TemplateParameter> parameters, PseudoParameters pseudo)
    {
        File = file;
        Root = root;
        Parameters = parameters;
        Pseudo = pseudo;
    }

    /// <summary>The file it was read from.</summary>
    public string File { get; }

    /// <summary>The whole document.</summary>
    public MappingNode Root { get; }

    /// <summary>The parameters and the values they take (overrides, else defaults).</summary>
    public IReadOnlyDictionary<string, TemplateParameter> Parameters { get; }

    /// <summary>The pseudo parameters (region, account, partition, stack name).</summary>
    public PseudoParameters Pseudo { get; }

    /// <summary>The <c>Resources</c> section.</summary>
    public MappingNode Resources => (MappingNode)Root["Resources"]!;

    /// <summary>The <c>Conditions</c> section, or null.</summary>
    public MappingNode? Conditions => Root["Conditions"] as MappingNode;

    /// <summary>The <c>Mappings</c> section, or null.</summary>
    public MappingNode? Mappings => Root["Mappings"] as MappingNode;

    /// <summary>The <c>Globals</c> section, or null.</summary>
    public MappingNode? Globals => Root["Globals"] as MappingNode;

    /// <summary>The <c>Outputs</c> section, or null.</summary>
    public MappingNode? Outputs => Root["Outputs"] as MappingNode;

    /// <summary>The <c>AWS::Serverless::Function</c> resources, each with its properties merged over Globals (SAM_01).</summary>
    public IEnumerable<(string LogicalId, MappingNode Properties)> ServerlessFunctions() =>
        Resources.Entries
            .Where(e => (e.Value as MappingNode)?["Type"]?.AsString() == Transform.FunctionTranslator.Type)
            .Select(e => (e.Key.Value, Transform.GlobalsMerger.Merge(Globals, Transform.FunctionTranslator.Type, ((MappingNode)e.Value)["Properties"] as MappingNode)));

    /// <summary>True when the template declares <c>Transform: AWS::Serverless-2016-10-31</c> (alone or in a list).</summary>
    public bool IsSam => Root["Transform"] switch
    {
        ScalarNode s => s.Value == TemplateLoader.SamTransform,
        SequenceNode l => l.Items.Any(i => i.AsString() == TemplateLoader.SamTransform),
        _ => false,
    };
}
