using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>Reads typed fields of one JSON object of a definition, adding a diagnostic at the field's location for each wrong type.</summary>
internal sealed class FieldReader(JsonObject obj, string location, List<DefinitionDiagnostic> diagnostics)
{
    public const string Schema = "SCHEMA_VALIDATION_FAILED";

    public JsonObject Object { get; } = obj;

    public string Location { get; } = location;

    public List<DefinitionDiagnostic> Diagnostics => diagnostics;

    public bool Has(string name) => Object.ContainsKey(name);

    public string At(string name) => $"{(Location == "/" ? "" : Location)}/{name}";

    public void Fail(string message, string? at = null) => diagnostics.Add(new(Schema, message, at ?? Location));

    public void Required(params string[] names)
    {
        var missing = names.Where(n => !Has(n)).ToList();
        if (missing.Count > 0)
        {
            Fail($"These fields are required: [{string.Join(", ", missing)}]");
        }
    }

    public void OnlyFields(IReadOnlySet<string> allowed)
    {
        foreach (var (key, _) in Object)
        {
            if (!allowed.Contains(key))
            {
                Fail($"Field '{key}' is not supported");
            }
        }
    }

    public void AtMostOne(params string[] names)
    {
        if (names.Count(Has) > 1)
        {
            Fail($"There should only be one of the following fields: [{string.Join(", ", names)}]");
        }
    }

    public string? String(string name)
    {
        if (!Object.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (JsonValueKindOf(node) == JsonValueKind.String)
        {
            return node!.GetValue<string>();
        }
        Fail($"The value for the field '{name}' must be a STRING", At(name));
        return null;
    }

    public long? Integer(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        if (!Object.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (JsonValueKindOf(node) == JsonValueKind.Number && node!.AsValue().TryGetValue<long>(out var v) || TryWhole(node, out v))
        {
            if (v < min)
            {
                Fail($"Minimum value is {min}", At(name));
            }
            else if (v > max)
            {
                Fail($"Maximum value is {max}", At(name));
            }
            else
            {
                return v;
            }
            return null;
        }
        Fail($"The value for the field '{name}' must be an INTEGER", At(name));
        return null;
    }

    public double? Number(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!Object.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (JsonValueKindOf(node) != JsonValueKind.Number)
        {
            Fail($"The value for the field '{name}' must be a NUMBER", At(name));
            return null;
        }
        var v = double.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        if (v < min)
        {
            Fail($"Minimum value is {min:0.0#}", At(name));
        }
        else if (v > max)
        {
            Fail($"Maximum value is {max:0.0#}", At(name));
        }
        else
        {
            return v;
        }
        return null;
    }

    public bool? Boolean(string name)
    {
        if (!Object.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        switch (JsonValueKindOf(node))
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
        }
        Fail($"The value for the field '{name}' must be a BOOLEAN", At(name));
        return null;
    }

    public JsonObject? ObjectField(string name)
    {
        if (!Object.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (node is JsonObject o)
        {
            return o;
        }
        Fail($"The value for the field '{name}' must be an OBJECT", At(name));
        return null;
    }

    public JsonArray? ArrayField(string name)
    {
        if (!Object.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (node is JsonArray a)
        {
            return a;
        }
        Fail($"The value for the field '{name}' must be an ARRAY", At(name));
        return null;
    }

    private static bool TryWhole(JsonNode? node, out long value)
    {
        value = 0;
        if (JsonValueKindOf(node) != JsonValueKind.Number)
        {
            return false;
        }
        if (!decimal.TryParse(node!.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            || d != decimal.Truncate(d) || d is < long.MinValue or > long.MaxValue)
        {
            return false;
        }
        value = (long)d;
        return true;
    }

    private static JsonValueKind JsonValueKindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;
}
