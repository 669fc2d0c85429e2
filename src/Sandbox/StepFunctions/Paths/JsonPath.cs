using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>
/// A parsed JSONPath (Jayway dialect, as Step Functions uses it): a root (<c>$</c> the state's input, <c>$$</c> the
/// context object, <c>$name</c> a variable) and segments — names, indexes, wildcards, slices, unions, recursive
/// descent, filters and <c>length()</c>. A reference path (InputPath's target for ResultPath, OutputPath, ItemsPath)
/// uses names and indexes only.
/// </summary>
internal sealed class JsonPath
{
    internal JsonPath(string text, PathRoot root, string? variable, IReadOnlyList<PathSegment> segments)
    {
        Text = text;
        Root = root;
        Variable = variable;
        Segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Which document the path starts from.</summary>
    public PathRoot Root { get; }

    /// <summary>The variable's name when <see cref="Root"/> is <see cref="PathRoot.Variable"/>.</summary>
    public string? Variable { get; }

    /// <summary>The steps after the root.</summary>
    public IReadOnlyList<PathSegment> Segments { get; }

    /// <summary>True when every segment selects at most one node: the path yields a value, not a list.</summary>
    public bool IsDefinite => Segments.All(s => s.IsDefinite);

    /// <summary>True when the path has only names and indexes (AWS's reference paths).</summary>
    public bool IsReference => Segments.All(s => s is ChildSegment or IndexSegment);

    /// <summary>The path in the bracket notation of AWS's messages, e.g. <c>$['a']['b']</c>.</summary>
    public string Canonical => (Root switch { PathRoot.Context => "$$", PathRoot.Variable => "$" + Variable, _ => "$" })
        + string.Concat(Segments.Select(s => s.Canonical));

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="JsonPathException">Not a valid JSONPath; the message says where and why.</exception>
    public static JsonPath Parse(string text) => new JsonPathParser(text).Parse();

    /// <summary>Every node the path selects from <paramref name="start"/> (the root's document).</summary>
    public List<JsonNode?> SelectAll(JsonNode? start)
    {
        var current = new List<JsonNode?> { start };
        var next = new List<JsonNode?>();
        foreach (var segment in Segments)
        {
            next.Clear();
            foreach (var node in current)
            {
                segment.Select(node, start, next);
            }
            (current, next) = (next, current);
            if (current.Count == 0)
            {
                break;
            }
        }
        return current;
    }

    /// <summary>
    /// What a <c>.$</c> field or InputPath gets: for a definite path the one node (false when none), for an indefinite
    /// path an array of the matches (possibly empty).
    /// </summary>
    public bool TryEvaluate(JsonNode? start, out JsonNode? value)
    {
        var matches = SelectAll(start);
        if (IsDefinite)
        {
            value = matches.Count > 0 ? JsonValues.Copy(matches[0]) : null;
            return matches.Count > 0;
        }
        var array = new JsonArray();
        foreach (var m in matches)
        {
            array.Add(JsonValues.Copy(m));
        }
        value = array;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>The document a path starts from.</summary>
internal enum PathRoot
{
    /// <summary><c>$</c>: the state's (effective) input.</summary>
    Input,

    /// <summary><c>$$</c>: the context object.</summary>
    Context,

    /// <summary><c>$name</c>: a workflow variable set by Assign.</summary>
    Variable,
}

/// <summary>A JSONPath that cannot be parsed, or a construct the evaluator does not support.</summary>
internal sealed class JsonPathException(string message) : Exception(message);
