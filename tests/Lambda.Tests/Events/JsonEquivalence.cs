using System.Globalization;
using System.Text.Json;

namespace Course.Lambda.Tests.Events;

/// <summary>
/// Semantic JSON comparison: property order ignored, numbers compared by value, ISO date strings compared as
/// instants, null properties may be omitted, epoch timestamps in seconds or milliseconds compared as instants.
/// </summary>
internal static class JsonEquivalence
{
    private static readonly HashSet<string> EpochProperties = new(StringComparer.Ordinal) { "ApproximateCreationDateTime" };

    public static void AssertEquivalent(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var differences = new List<string>();
        Compare(expected.RootElement, actual.RootElement, "$", null, differences);
        Assert.True(differences.Count == 0, "JSON differs:\n" + string.Join("\n", differences) + "\n--- actual:\n" + actualJson);
    }

    private static void Compare(JsonElement e, JsonElement a, string path, string? name, List<string> diffs)
    {
        if (name is not null && EpochProperties.Contains(name) && e.ValueKind == JsonValueKind.Number && a.ValueKind == JsonValueKind.Number)
        {
            if (ToEpochMs(e.GetDecimal()) != ToEpochMs(a.GetDecimal()))
            {
                diffs.Add($"{path}: expected instant {e} but got {a}");
            }

            return;
        }

        if (e.ValueKind != a.ValueKind && !(IsBool(e) && IsBool(a)))
        {
            diffs.Add($"{path}: expected {e.ValueKind} {e} but got {a.ValueKind} {a}");
            return;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    var has = a.TryGetProperty(p.Name, out var av);
                    if (p.Value.ValueKind == JsonValueKind.Null)
                    {
                        if (has && av.ValueKind != JsonValueKind.Null)
                        {
                            diffs.Add($"{path}.{p.Name}: expected null or missing but got {av}");
                        }
                    }
                    else if (!has)
                    {
                        diffs.Add($"{path}.{p.Name}: missing");
                    }
                    else
                    {
                        Compare(p.Value, av, $"{path}.{p.Name}", p.Name, diffs);
                    }
                }

                foreach (var p in a.EnumerateObject())
                {
                    if (!e.TryGetProperty(p.Name, out _))
                    {
                        diffs.Add($"{path}.{p.Name}: unexpected property with value {p.Value}");
                    }
                }

                break;
            case JsonValueKind.Array:
                var ea = e.EnumerateArray().ToList();
                var aa = a.EnumerateArray().ToList();
                if (ea.Count != aa.Count)
                {
                    diffs.Add($"{path}: expected {ea.Count} items but got {aa.Count}");
                    break;
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    Compare(ea[i], aa[i], $"{path}[{i}]", null, diffs);
                }

                break;
            case JsonValueKind.Number:
                if (e.GetDecimal() != a.GetDecimal())
                {
                    diffs.Add($"{path}: expected {e} but got {a}");
                }

                break;
            case JsonValueKind.String:
                var es = e.GetString()!;
                var @as = a.GetString()!;
                if (es != @as && !(TryIso(es, out var ed) && TryIso(@as, out var ad) && ed == ad))
                {
                    diffs.Add($"{path}: expected \"{es}\" but got \"{@as}\"");
                }

                break;
            case JsonValueKind.True or JsonValueKind.False:
                if (e.GetBoolean() != a.GetBoolean())
                {
                    diffs.Add($"{path}: expected {e} but got {a}");
                }

                break;
        }
    }

    private static bool IsBool(JsonElement x) => x.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static decimal ToEpochMs(decimal v) => Math.Abs(v) >= 100_000_000_000m ? v : v * 1000m;

    private static bool TryIso(string s, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(s, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out value);
}
