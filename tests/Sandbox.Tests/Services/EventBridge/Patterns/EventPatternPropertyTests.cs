using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.EventBridge.Patterns;
using CsCheck;

namespace Course.Sandbox.Tests.Services.EventBridge.Patterns;

/// <summary>Properties of the pattern language over random events (each sample seeds its own Random).</summary>
public sealed class EventPatternPropertyTests
{
    private static readonly string[] Words = ["alpha", "Beta", "gamma", "DELTA", "eps", "a.b", "x-y", "ünï", "", "42"];

    private static string RandomString(Random r) =>
        r.Next(3) == 0 ? Words[r.Next(Words.Length)] : new string(Enumerable.Range(0, r.Next(0, 8)).Select(_ => (char)r.Next('a', 'z' + 1)).ToArray());

    private static JsonNode? RandomLeaf(Random r) => r.Next(6) switch
    {
        0 => JsonValue.Create(r.Next(-1000, 1000)),
        1 => JsonValue.Create(Math.Round(r.NextDouble() * 100, 3)),
        2 => JsonValue.Create(r.Next(2) == 0),
        3 => null,
        _ => JsonValue.Create(RandomString(r)),
    };

    private static JsonObject RandomObject(Random r, int depth)
    {
        var obj = new JsonObject();
        var count = r.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var name = $"f{r.Next(10)}";
            if (obj.ContainsKey(name))
            {
                continue;
            }

            obj[name] = r.Next(5) switch
            {
                0 when depth < 2 => RandomObject(r, depth + 1),
                1 => new JsonArray(Enumerable.Range(0, r.Next(1, 4)).Select(_ => RandomLeaf(r)).ToArray()),
                _ => RandomLeaf(r),
            };
        }

        return obj;
    }

    /// <summary>A pattern that asks, for each field, for one of the event's own values there (exact match).</summary>
    private static JsonObject OwnValuesPattern(JsonObject evt, Random r)
    {
        var pattern = new JsonObject();
        foreach (var (name, value) in evt)
        {
            switch (value)
            {
                case JsonObject nested:
                    pattern[name] = OwnValuesPattern(nested, r);
                    break;
                case JsonArray array:
                    pattern[name] = new JsonArray(array[r.Next(array.Count)]?.DeepClone());
                    break;
                default:
                    pattern[name] = new JsonArray(value?.DeepClone());
                    break;
            }
        }

        return pattern;
    }

    [Fact]
    public void EB_01_Property_EventMatchesPatternOfItsOwnValues()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            var evt = RandomObject(r, 0);
            var pattern = OwnValuesPattern(evt, r);
            Assert.True(EventPattern.Parse(pattern.ToJsonString()).Matches(evt.ToJsonString()), $"{pattern} vs {evt}");
        }, iter: 500);
    }

    [Fact]
    public void EB_01_Property_ChangingOneValue_BreaksTheOwnValuesMatch()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            var evt = new JsonObject { ["k"] = RandomString(r) + "!", ["n"] = r.Next(100) };
            var pattern = EventPattern.Parse(OwnValuesPattern(evt, r).ToJsonString());
            var changed = new JsonObject { ["k"] = evt["k"]!.GetValue<string>() + "?", ["n"] = evt["n"]!.DeepClone() };
            Assert.False(pattern.Matches(changed.ToJsonString()));
        }, iter: 200);
    }

    [Fact]
    public void EB_01_Property_AnythingButX_NeverMatchesX_AndMatchesEverythingElse()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            JsonNode x = r.Next(2) == 0 ? JsonValue.Create(RandomString(r)) : JsonValue.Create(r.Next(-50, 50));
            JsonNode y = r.Next(2) == 0 ? JsonValue.Create(RandomString(r)) : JsonValue.Create(r.Next(-50, 50));
            var pattern = EventPattern.Parse(new JsonObject { ["f"] = new JsonArray(new JsonObject { ["anything-but"] = x.DeepClone() }) }.ToJsonString());

            Assert.False(pattern.Matches(new JsonObject { ["f"] = x.DeepClone() }.ToJsonString()));
            Assert.Equal(!JsonNode.DeepEquals(x, y), pattern.Matches(new JsonObject { ["f"] = y.DeepClone() }.ToJsonString()));
        }, iter: 500);
    }

    [Fact]
    public void EB_01_Property_OrOfPatterns_EqualsDisjunction()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            var p = OwnValuesPattern(RandomObject(r, 1), r);
            var q = OwnValuesPattern(RandomObject(r, 1), r);
            var pp = EventPattern.Parse(p.ToJsonString());
            var qq = EventPattern.Parse(q.ToJsonString());
            var orPq = EventPattern.Parse(new JsonObject { ["$or"] = new JsonArray(p.DeepClone(), q.DeepClone()) }.ToJsonString());
            var orPp = EventPattern.Parse(new JsonObject { ["$or"] = new JsonArray(p.DeepClone(), p.DeepClone()) }.ToJsonString());

            for (var i = 0; i < 8; i++)
            {
                var evt = RandomObject(r, 1).ToJsonString();
                Assert.Equal(pp.Matches(evt) || qq.Matches(evt), orPq.Matches(evt));
                Assert.Equal(pp.Matches(evt), orPp.Matches(evt));
            }
        }, iter: 300);
    }

    [Fact]
    public void EB_01_Property_WildcardForms_AgreeWithExactPrefixAndSuffix()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            var s = RandomString(r);
            var value = r.Next(2) == 0 ? s + RandomString(r) : RandomString(r) + s;
            var evt = new JsonObject { ["v"] = value }.ToJsonString();
            bool M(string op, string operand) => EventPattern.Parse(new JsonObject { ["v"] = new JsonArray(new JsonObject { [op] = operand }) }.ToJsonString()).Matches(evt);

            Assert.Equal(value == s, M("wildcard", s));
            Assert.Equal(M("prefix", s), M("wildcard", s + "*"));
            Assert.Equal(M("suffix", s), M("wildcard", "*" + s));
            Assert.True(M("wildcard", "*"));
            Assert.True(M("equals-ignore-case", value.ToUpperInvariant()));
        }, iter: 500);
    }

    [Fact]
    public void EB_01_Property_NumericRange_AgreesWithArithmetic()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            var a = r.Next(-100, 100);
            var b = a + r.Next(1, 50);
            var x = r.Next(-150, 150) + (r.Next(2) == 0 ? 0.5 : 0);
            var pattern = EventPattern.Parse($$"""{"x": [{"numeric": [">=", {{a}}, "<", {{b}}]}]}""");
            var equal = EventPattern.Parse($$"""{"x": [{"numeric": ["=", {{x.ToString(System.Globalization.CultureInfo.InvariantCulture)}}]}]}""");
            var evt = JsonSerializer.Serialize(new { x });

            Assert.Equal(x >= a && x < b, pattern.Matches(evt));
            Assert.True(equal.Matches(evt));
        }, iter: 500);
    }

    [Fact]
    public void EB_01_Property_Cidr_SlashThirtyTwoMatchesOnlyItsAddress()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            string Ip() => $"{r.Next(256)}.{r.Next(256)}.{r.Next(256)}.{r.Next(256)}";
            var ip = Ip();
            var other = Ip();
            var exact = EventPattern.Parse($$"""{"ip": [{"cidr": "{{ip}}/32"}]}""");
            var any = EventPattern.Parse("""{"ip": [{"cidr": "0.0.0.0/0"}]}""");

            Assert.True(exact.Matches($$"""{"ip": "{{ip}}"}"""));
            Assert.Equal(ip == other, exact.Matches($$"""{"ip": "{{other}}"}"""));
            Assert.True(any.Matches($$"""{"ip": "{{other}}"}"""));
        }, iter: 300);
    }
}
