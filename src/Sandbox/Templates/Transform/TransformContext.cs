using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>The state of one translation: the input template, the output resources and what later passes need.</summary>
internal sealed class TransformContext(Template template)
{
    public Template Template { get; } = template;

    public string Partition => Template.Pseudo.Partition;

    /// <summary>The output's Resources, in order.</summary>
    public MappingNode Output { get; } = new(SourceMark.None);

    /// <summary>S3 events to link into their buckets once every resource is in the output.</summary>
    public List<Action> LatePasses { get; } = [];

    /// <summary>HttpApi routes, by API logical id (<c>ServerlessHttpApi</c> for the implicit API).</summary>
    public Dictionary<string, List<HttpApiRoute>> Routes { get; } = new(StringComparer.Ordinal);

    /// <summary>The mark of the SAM resource being translated: generated resources carry it, so later errors point at their source.</summary>
    public SourceMark CurrentMark { get; set; }

    public void Add(string logicalId, MappingNode resource)
    {
        if (!resource.Mark.IsKnown && CurrentMark.IsKnown)
        {
            var marked = new MappingNode(CurrentMark);
            foreach (var e in resource.Entries)
            {
                marked.Set(e.Key.Value, e.Value);
            }
            resource = marked;
        }
        Output.Set(logicalId, resource);
    }

    /// <summary>The type of input resource <paramref name="logicalId"/>, or null.</summary>
    public string? InputType(string logicalId) => (Template.Resources[logicalId] as MappingNode)?["Type"]?.AsString();

    /// <summary>A resource mapping: Type, then attributes (Condition, DeletionPolicy, …), then Properties.</summary>
    public static MappingNode Resource(string type, MappingNode properties, MappingNode? attributes = null)
    {
        var r = Nodes.Map(("Type", Nodes.Str(type)));
        if (attributes is not null)
        {
            foreach (var a in attributes.Entries)
            {
                r.Set(a.Key.Value, a.Value.Clone());
            }
        }
        r.Set("Properties", properties);
        return r;
    }
}

/// <summary>One route of an HttpApi event.</summary>
internal sealed record HttpApiRoute(string Path, string Method, string FunctionArnSub, TemplateNode? PayloadFormatVersion, TemplateNode? TimeoutInMillis, SourceMark Mark);
