using Course.Sandbox.Services.EventBridge.Patterns;

namespace Course.Sandbox.Tests.Services.EventBridge.Patterns;

/// <summary>
/// The edge rules event-ruler documents (github.com/aws/event-ruler README, JsonRuleCompiler) and EventBridge's
/// content-filtering page repeats: each is a rule EventBridge applies because it matches with Ruler.
/// </summary>
public sealed class EventRulerEdgeRuleTests
{
    private static bool Match(string pattern, string evt) => EventPattern.Parse(pattern).Matches(evt);

    private static InvalidEventPatternException Rejected(string pattern) =>
        Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse(pattern));

    [Theory]
    [InlineData("""{"s": [{"anything-but": {"prefix": ""}}]}""", "s[0].anything-but.prefix")]
    [InlineData("""{"s": [{"anything-but": {"suffix": ""}}]}""", "s[0].anything-but.suffix")]
    [InlineData("""{"s": [{"anything-but": {"prefix": ["init", ""]}}]}""", "s[0].anything-but.prefix")]
    [InlineData("""{"s": [{"anything-but": {"suffix": [""]}}]}""", "s[0].anything-but.suffix")]
    public void EB_01_AnythingBut_EmptyPrefixOrSuffix_IsRejected(string pattern, string location)
    {
        var error = Rejected(pattern);
        Assert.StartsWith("Null prefix/suffix not allowed", error.Reason, StringComparison.Ordinal);
        Assert.Equal(location, error.Location);
    }

    [Theory]
    [InlineData("""{"s": "text"}""", true)]
    [InlineData("""{"s": ""}""", true)]
    [InlineData("""{"s": 5}""", false)]
    [InlineData("""{"s": null}""", false)]
    [InlineData("""{"t": "text"}""", false)]
    public void EB_01_BarePrefixOrSuffix_Empty_IsValidAndMatchesAnyString(string evt, bool expected)
    {
        Assert.Equal(expected, Match("""{"s": [{"prefix": ""}]}""", evt));
        Assert.Equal(expected, Match("""{"s": [{"suffix": ""}]}""", evt));
    }

    /// <summary>A rule AWS refused with "Rule is too complex" (four keys in one list) and the two rules it was split into.</summary>
    [Fact]
    public void EB_01_Wildcard_PastTheComplexityLimit_IsRejectedWithAwsMessage()
    {
        var error = Rejected("""
            {"detail": {"object": {"key": [
              {"wildcard": "*/datasync/*.bif"}, {"wildcard": "*/datasync/*.tif"},
              {"wildcard": "*/datasync/*.tiff"}, {"wildcard": "*/datasync/*.svs"}]}}}
            """);

        Assert.Equal(
            "Event pattern is not valid. Reason: Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character (at detail.object.key)",
            error.Message);
        EventPattern.Parse("""{"detail": {"object": {"key": [{"wildcard": "*/datasync/*.bif"}, {"wildcard": "*/datasync/*.tif"}]}}}""");
        EventPattern.Parse("""{"detail": {"object": {"key": [{"wildcard": "*.bif"}, {"wildcard": "*.tiff"}, {"wildcard": "*.tif"}, {"wildcard": "*.svs"}]}}}""");
    }

    [Theory]
    [InlineData("""{"k": [{"wildcard": "a*a*a*a*a*a*a*a*a*a"}]}""", true)]
    [InlineData("""{"k": [{"anything-but": {"wildcard": ["*/x/*.a", "*/x/*.b", "*/x/*.c", "*/x/*.d"]}}]}""", true)]
    [InlineData("""{"$or": [{"k": [{"wildcard": "*/x/*.a"}, {"wildcard": "*/x/*.b"}]}, {"k": [{"wildcard": "*/x/*.c"}, {"wildcard": "*/x/*.d"}]}]}""", true)]
    [InlineData("""{"k": [{"wildcard": "a*b*c*d"}]}""", false)]
    [InlineData("""{"k": [{"wildcard": "*/x/*.a"}], "j": [{"wildcard": "*/x/*.b"}], "i": [{"wildcard": "*/x/*.c"}]}""", false)]
    public void EB_01_Wildcard_ComplexityCountsPatternsOfOneFieldAcrossOrBranches(string pattern, bool tooComplex)
    {
        if (tooComplex)
        {
            Assert.StartsWith("Rule is too complex", Rejected(pattern).Reason, StringComparison.Ordinal);
        }
        else
        {
            EventPattern.Parse(pattern);
        }
    }

    [Theory]
    [InlineData("""{"detail": {"state": "running"}}""", true)]
    [InlineData("""{"detail": {"state": 5}}""", true)]
    [InlineData("""{"detail": {"state": ["a", "b"]}}""", true)]
    [InlineData("""{"detail": "flat"}""", true)]
    [InlineData("""{"other": 1}""", true)]
    [InlineData("""{"detail": {"state": {"code": 7}}}""", false)]
    [InlineData("""{"detail": {"state": {"code": null}}}""", false)]
    [InlineData("""{"detail": {"state": [{"code": 7}, "x"]}}""", false)]
    public void EB_01_ExistsFalse_OnAPathThroughANonObject_MatchesBecauseTheLeafIsAbsent(string evt, bool expected)
    {
        Assert.Equal(expected, Match("""{"detail": {"state": {"code": [{"exists": false}]}}}""", evt));
        Assert.Equal(!expected, Match("""{"detail": {"state": {"code": [{"exists": true}]}}}""", evt));
    }

    [Theory]
    [InlineData("""{"detail": {"state": {"status": "running"}}}""")]
    [InlineData("""{"detail": {"state.status": "running"}}""")]
    [InlineData("""{"detail.state": {"status": "running"}}""")]
    [InlineData("""{"detail.state.status": "running"}""")]
    public void EB_01_KeysWithDots_AndNestedObjects_AreTheSamePath(string evt)
    {
        Assert.True(Match("""{"detail": {"state": {"status": ["running"]}}}""", evt));
        Assert.True(Match("""{"detail": {"state.status": ["running"]}}""", evt));
        Assert.True(Match("""{"detail.state.status": ["running"]}""", evt));
        Assert.False(Match("""{"detail": {"state": {"status": ["stopped"]}}}""", evt));
    }

    [Fact]
    public void EB_01_KeysWithDots_TheLaterSpellingOfOnePathWins()
    {
        const string pattern = """{"detail": {"state.status": ["running"], "state": {"status": ["stopped"]}}}""";
        Assert.True(Match(pattern, """{"detail": {"state": {"status": "stopped"}}}"""));
        Assert.False(Match(pattern, """{"detail": {"state": {"status": "running"}}}"""));
    }

    [Theory]
    [InlineData("""{"detail": {"error": "boom"}}""", true)]
    [InlineData("""{"detail": {"state": "failed"}}""", true)]
    [InlineData("""{"detail": {"state": "ok"}}""", false)]
    [InlineData("""{"detail": {"error": {"code": 1}, "state": "ok"}}""", false)]
    public void EB_01_Or_ExistsTrueInOneBranch_ValueInAnother(string evt, bool expected) =>
        Assert.Equal(expected, Match("""{"$or": [{"detail": {"error": [{"exists": true}]}}, {"detail": {"state": ["failed"]}}]}""", evt));

    [Theory]
    [InlineData("""{"detail": {}}""", true)]
    [InlineData("""{"detail": {"retry": 2}}""", true)]
    [InlineData("""{"detail": {"retry": 3}}""", false)]
    [InlineData("""{"detail": {"retry": "2"}}""", false)]
    [InlineData("""{"detail": {"retry": {"n": 5}}}""", true)]
    public void EB_01_Or_ExistsFalseInOneBranch_NumericInAnother(string evt, bool expected)
    {
        Assert.Equal(expected, Match("""{"detail": {"$or": [{"retry": [{"exists": false}]}, {"retry": [{"numeric": ["<", 3]}]}]}}""", evt));
        Assert.Equal(expected, Match("""{"detail": {"retry": [{"exists": false}, {"numeric": ["<", 3]}]}}""", evt));
    }

    [Theory]
    [InlineData("""{"source": "a", "detail": {"x": 1}}""", true)]
    [InlineData("""{"source": "b"}""", true)]
    [InlineData("""{"source": "b", "detail": {"x": 1}}""", false)]
    [InlineData("""{"source": "c"}""", false)]
    public void EB_01_Or_ExistsFalseBranchIsAndedWithItsSiblings(string evt, bool expected) =>
        Assert.Equal(expected, Match("""{"$or": [{"source": ["a"], "detail": {"x": [{"exists": true}]}}, {"source": ["b"], "detail": {"x": [{"exists": false}]}}]}""", evt));

    [Fact]
    public void EB_01_Or_AsAnOrdinaryFieldName_TakesExistsAndOtherMatchersAsAlternatives()
    {
        const string pattern = """{"$or": [{"exists": false}, {"prefix": "a"}]}""";
        Assert.True(Match(pattern, """{"x": 1}"""));
        Assert.True(Match(pattern, """{"$or": "abc"}"""));
        Assert.False(Match(pattern, """{"$or": "bcd"}"""));
    }

    [Theory]
    [InlineData("""{"items": [{"kind": "a", "size": 1}, {"kind": "b"}]}""", true)]
    [InlineData("""{"items": [{"kind": "a"}, {"kind": "b", "size": 2}]}""", false)]
    public void EB_01_ArrayConsistency_FieldsMatchedInOneArrayComeFromOneElement(string evt, bool expected) =>
        Assert.Equal(expected, Match("""{"items": {"kind": ["a"], "size": [{"exists": true}]}}""", evt));
}
