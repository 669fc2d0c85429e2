using System.Globalization;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Model;

/// <summary>
/// Reads a template file, checks its top-level structure and its <c>Parameters</c> (types, defaults, allowed
/// values, overrides as <c>sam deploy --parameter-overrides</c> gives them), and returns a <see cref="Template"/>.
/// </summary>
public static class TemplateLoader
{
    /// <summary>The SAM transform's name.</summary>
    public const string SamTransform = "AWS::Serverless-2016-10-31";

    private static readonly HashSet<string> Sections =
    [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions",
        "Transform", "Resources", "Outputs", "Globals",
    ];

    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <exception cref="TemplateException">The file cannot be read or the template is invalid.</exception>
    public static Template Load(string path, IReadOnlyDictionary<string, string>? overrides = null, PseudoParameters? pseudo = null)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException(new SourceMark(path, 0, 0), $"cannot read the template: {e.Message}", "check the path given with -t/--template.");
        }
        return Parse(text, path, overrides, pseudo);
    }

    /// <summary>Loads a template from <paramref name="text"/> (named <paramref name="file"/> in errors).</summary>
    /// <exception cref="TemplateException">The template is invalid.</exception>
    public static Template Parse(string text, string file, IReadOnlyDictionary<string, string>? overrides = null, PseudoParameters? pseudo = null)
    {
        var node = TemplateReader.Read(text, file);
        if (node is not MappingNode root)
        {
            throw new TemplateException(node.Mark, $"a template must be a mapping of sections, not {node.KindName}.", "start with `AWSTemplateFormatVersion: '2010-09-09'` and `Resources:`.");
        }
        foreach (var e in root.Entries)
        {
            if (!Sections.Contains(e.Key.Value))
            {
                throw new TemplateException(e.Key.Mark, $"unknown top-level section '{e.Key.Value}'.", $"the sections are {string.Join(", ", Sections)}; check the spelling and indentation.");
            }
        }
        if (root["AWSTemplateFormatVersion"] is { } version && version.AsString() != "2010-09-09")
        {
            throw new TemplateException(version.Mark, $"AWSTemplateFormatVersion '{version.AsString()}' is not valid.", "the only version is '2010-09-09' (quote it).");
        }
        if (root["Resources"] is not MappingNode { Count: > 0 })
        {
            throw new TemplateException(root.KeyNode("Resources")?.Mark ?? root.Mark, "the template has no resources ('Resources' section is required and must not be empty).", "add a `Resources:` mapping with at least one resource.");
        }
        foreach (var name in new[] { "Parameters", "Conditions", "Mappings", "Globals", "Outputs" })
        {
            if (root[name] is { } section and not MappingNode)
            {
                throw new TemplateException(section.Mark, $"the '{name}' section must be a mapping, not {section.KindName}.", "indent its entries under it as `Name: …`.");
            }
        }
        foreach (var r in ((MappingNode)root["Resources"]!).Entries)
        {
            if (r.Value is not MappingNode res)
            {
                throw new TemplateException(r.Value.Mark, $"resource '{r.Key.Value}' must be a mapping with Type and Properties, not {r.Value.KindName}.", "write `Type: AWS::…` under it.");
            }
            if (res["Type"]?.AsString() is not { Length: > 0 })
            {
                throw new TemplateException(res.Mark, $"resource '{r.Key.Value}' has no Type.", "add e.g. `Type: AWS::Serverless::Function`.");
            }
            if (!IsAlphanumeric(r.Key.Value))
            {
                throw new TemplateException(r.Key.Mark, $"the logical id '{r.Key.Value}' is not alphanumeric.", "use letters and digits only (A-Z, a-z, 0-9).");
            }
        }
        var parameters = ReadParameters(root["Parameters"] as MappingNode, overrides ?? new Dictionary<string, string>(), file);
        return new Template(file, root, parameters, pseudo ?? new PseudoParameters());
    }

    private static Dictionary<string, TemplateParameter> ReadParameters(MappingNode? section, IReadOnlyDictionary<string, string> overrides, string file)
    {
        var result = new Dictionary<string, TemplateParameter>(StringComparer.Ordinal);
        foreach (var name in overrides.Keys)
        {
            if (section?[name] is null)
            {
                throw new TemplateException(new SourceMark(file, section?.Mark.Line ?? 1, section?.Mark.Column ?? 1), $"--parameter-overrides names '{name}', which the template does not declare.", $"declare it under Parameters, or remove it (declared: {string.Join(", ", section?.Keys ?? [])}).");
            }
        }
        if (section is null)
        {
            return result;
        }
        foreach (var e in section.Entries)
        {
            if (e.Value is not MappingNode p)
            {
                throw new TemplateException(e.Value.Mark, $"parameter '{e.Key.Value}' must be a mapping with Type (and Default).", "write `Type: String` under it.");
            }
            var type = p["Type"]?.AsString() ?? throw new TemplateException(p.Mark, $"parameter '{e.Key.Value}' has no Type.", "add `Type: String` (or Number, CommaDelimitedList, …).");
            var value = overrides.TryGetValue(e.Key.Value, out var o) ? o : p["Default"] switch
            {
                null => null,
                SequenceNode list => string.Join(",", list.Items.Select(i => i.AsString())),
                var d => d.AsString() ?? "",
            };
            if (value is null)
            {
                throw new TemplateException(e.Key.Mark, $"Parameters: [{e.Key.Value}] must have values", $"give it a Default, or pass `--parameter-overrides {e.Key.Value}=…`.");
            }
            if (type == "Number" && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new TemplateException(e.Key.Mark, $"Parameter '{e.Key.Value}' must be a number not '{value}'", "give a number.");
            }
            if (p["AllowedValues"] is SequenceNode allowed && !allowed.Items.Any(a => a.AsString() == value))
            {
                throw new TemplateException(e.Key.Mark, $"Parameter '{e.Key.Value}' must be one of AllowedValues", $"use one of: {string.Join(", ", allowed.Items.Select(a => a.AsString()))}.");
            }
            result[e.Key.Value] = new TemplateParameter(e.Key.Value, type, value, e.Key.Mark);
        }
        return result;
    }

    private static bool IsAlphanumeric(string id) => id.Length > 0 && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>Parses <c>Key=Value</c> pairs (SAM CLI's <c>--parameter-overrides</c> shorthand; also <c>ParameterKey=K,ParameterValue=V</c>).</summary>
    /// <exception cref="ArgumentException">A pair has no <c>=</c>.</exception>
    public static Dictionary<string, string> ParseOverrides(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in pairs.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (raw.StartsWith("ParameterKey=", StringComparison.Ordinal) && raw.Contains(",ParameterValue=", StringComparison.Ordinal))
            {
                var comma = raw.IndexOf(",ParameterValue=", StringComparison.Ordinal);
                result[raw["ParameterKey=".Length..comma]] = raw[(comma + ",ParameterValue=".Length)..];
                continue;
            }
            var eq = raw.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"'{raw}' is not Key=Value.");
            }
            result[raw[..eq]] = raw[(eq + 1)..].Trim('"', '\'');
        }
        return result;
    }
}
