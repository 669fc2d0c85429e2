namespace Course.Sandbox.Templates.Yaml;

/// <summary>
/// One node of a CloudFormation template (a scalar, a mapping or a sequence) with the place it was read from, so
/// every error can name <c>file:line:col</c>. Short-form intrinsics (<c>!Ref X</c>) are read as their long form
/// (<c>{"Ref": "X"}</c>), as CloudFormation reads them.
/// </summary>
public abstract class TemplateNode
{
    /// <summary>Creates a node read at <paramref name="mark"/>.</summary>
    protected TemplateNode(SourceMark mark) => Mark = mark;

    /// <summary>Where the node starts in its file.</summary>
    public SourceMark Mark { get; }

    /// <summary>A deep copy (marks are kept).</summary>
    public abstract TemplateNode Clone();

    /// <summary>True when both nodes hold the same data (marks are ignored), as Python's <c>==</c> on dicts.</summary>
    public abstract bool DataEquals(TemplateNode? other);

    /// <summary>The node as a scalar string, or null when it is not a scalar.</summary>
    public string? AsString() => this is ScalarNode { Kind: not ScalarKind.Null } s ? s.Value : null;

    /// <summary>A short description of the node's kind for error messages ("a mapping", "a list", "a string").</summary>
    public string KindName => this switch
    {
        MappingNode => "a mapping",
        SequenceNode => "a list",
        ScalarNode { Kind: ScalarKind.Null } => "null",
        ScalarNode { Kind: ScalarKind.Integer } => "an integer",
        ScalarNode { Kind: ScalarKind.Boolean } => "a boolean",
        _ => "a string",
    };
}
