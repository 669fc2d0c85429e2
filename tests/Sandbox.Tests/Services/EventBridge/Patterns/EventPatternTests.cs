using Course.Sandbox.Services.EventBridge.Patterns;

namespace Course.Sandbox.Tests.Services.EventBridge.Patterns;

public sealed class EventPatternTests
{
    private const string Ec2Event = """
        {
          "version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "EC2 Instance State-change Notification",
          "source": "aws.ec2", "account": "111122223333", "time": "2017-12-22T18:43:48Z", "region": "us-west-1",
          "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
          "detail": {
            "instance-id": "i-1234567890abcdef0", "state": "terminated", "count": 5, "price": 12.5,
            "source-ip": "10.0.0.123", "ipv6": "2001:db8::1", "ok": true, "nothing": null, "empty": "",
            "tags": ["prod", "web"], "filename": "photo.PNG",
            "items": [{"kind": "a", "size": 1}, {"kind": "b", "size": 2}],
            "c-count": 5, "d-count": 3, "x-limit": 301.8
          }
        }
        """;

    private static bool Match(string pattern, string evt = Ec2Event) => EventPattern.Parse(pattern).Matches(evt);

    [Theory]
    [InlineData("""{"source": ["aws.ec2"]}""", true)]
    [InlineData("""{"source": ["aws.s3"]}""", false)]
    [InlineData("""{"source": ["aws.s3", "aws.ec2"]}""", true)]
    [InlineData("""{"detail": {"count": [5]}}""", true)]
    [InlineData("""{"detail": {"count": [5.0]}}""", true)]
    [InlineData("""{"detail": {"count": ["5"]}}""", false)]
    [InlineData("""{"detail": {"ok": [true]}}""", true)]
    [InlineData("""{"detail": {"ok": [false]}}""", false)]
    [InlineData("""{"detail": {"ok": ["true"]}}""", false)]
    [InlineData("""{"detail": {"empty": [""]}}""", true)]
    [InlineData("""{"detail": {"state": ["Terminated"]}}""", false)]
    public void EB_01_ExactValues_MatchSameTypeAndValue(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"detail": {"nothing": [null]}}""", true)]
    [InlineData("""{"detail": {"missing": [null]}}""", false)]
    [InlineData("""{"detail": {"empty": [null]}}""", false)]
    public void EB_01_Null_MatchesNullValueButNotMissingField(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"source": ["aws.ec2"], "detail": {"state": ["terminated"]}}""", true)]
    [InlineData("""{"source": ["aws.ec2"], "detail": {"state": ["running"]}}""", false)]
    [InlineData("""{"source": ["aws.s3"], "detail": {"state": ["terminated"]}}""", false)]
    public void EB_01_Fields_AreImplicitlyAnded(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"detail": {"tags": ["web"]}}""", true)]
    [InlineData("""{"detail": {"tags": ["db", "prod"]}}""", true)]
    [InlineData("""{"detail": {"tags": ["db"]}}""", false)]
    [InlineData("""{"resources": [{"prefix": "arn:aws:ec2:us-west-1"}]}""", true)]
    [InlineData("""{"detail": {"items": {"kind": ["b"], "size": [2]}}}""", true)]
    [InlineData("""{"detail": {"items": {"kind": ["a"], "size": [2]}}}""", false)]
    public void EB_01_EventArrays_MatchWhenAnyElementMatches(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"detail": {"state": {"nested": ["x"]}}}""", false)]
    [InlineData("""{"detail": ["x"]}""", false)]
    [InlineData("""{"detail": {"instance-id": ["i-1234567890abcdef0"]}}""", true)]
    public void EB_01_NestedObjects_FollowTheEventShape(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"time": [{"prefix": "2017-12-22"}]}""", true)]
    [InlineData("""{"time": [{"prefix": "2018"}]}""", false)]
    [InlineData("""{"detail": {"state": [{"prefix": {"equals-ignore-case": "TERM"}}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"prefix": "TERM"}]}}""", false)]
    [InlineData("""{"detail": {"count": [{"prefix": "5"}]}}""", false)]
    public void EB_01_Prefix_MatchesStringStart(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"detail": {"filename": [{"suffix": ".PNG"}]}}""", true)]
    [InlineData("""{"detail": {"filename": [{"suffix": ".png"}]}}""", false)]
    [InlineData("""{"detail": {"filename": [{"suffix": {"equals-ignore-case": ".png"}}]}}""", true)]
    public void EB_01_Suffix_MatchesStringEnd(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"detail": {"state": [{"equals-ignore-case": "TERMINATED"}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"equals-ignore-case": "TERMINATE"}]}}""", false)]
    public void EB_01_EqualsIgnoreCase_IgnoresCaseOnly(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("photo.PNG", "*.PNG", true)]
    [InlineData("photo.PNG", "p*o*G", true)]
    [InlineData("photo.PNG", "photo.PNG", true)]
    [InlineData("photo.PNG", "*", true)]
    [InlineData("photo.PNG", "*.png", false)]
    [InlineData("photo.PNG", "ph*x", false)]
    [InlineData("a*b", @"a\*b", true)]
    [InlineData("axb", @"a\*b", false)]
    [InlineData("aXbYb", "a*b*b", true)]
    [InlineData("ab", "a*b*b", false)]
    public void EB_01_Wildcard_StarMatchesAnyRun(string value, string wildcard, bool expected)
    {
        var pattern = $$"""{"v": [{"wildcard": {{System.Text.Json.JsonSerializer.Serialize(wildcard)}}}]}""";
        Assert.Equal(expected, Match(pattern, $$"""{"v": {{System.Text.Json.JsonSerializer.Serialize(value)}}}"""));
    }

    [Theory]
    [InlineData("""{"detail": {"state": [{"anything-but": "running"}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"anything-but": "terminated"}]}}""", false)]
    [InlineData("""{"detail": {"state": [{"anything-but": ["stopped", "terminated"]}]}}""", false)]
    [InlineData("""{"detail": {"count": [{"anything-but": 5}]}}""", false)]
    [InlineData("""{"detail": {"count": [{"anything-but": [1, 2]}]}}""", true)]
    [InlineData("""{"detail": {"missing": [{"anything-but": "x"}]}}""", false)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"prefix": "term"}}]}}""", false)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"prefix": "run"}}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"prefix": ["run", "term"]}}]}}""", false)]
    [InlineData("""{"detail": {"filename": [{"anything-but": {"suffix": ".PNG"}}]}}""", false)]
    [InlineData("""{"detail": {"filename": [{"anything-but": {"suffix": ".jpg"}}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"equals-ignore-case": ["TERMINATED"]}}]}}""", false)]
    [InlineData("""{"detail": {"filename": [{"anything-but": {"wildcard": "*.PNG"}}]}}""", false)]
    [InlineData("""{"detail": {"filename": [{"anything-but": {"wildcard": ["*.jpg", "*.gif"]}}]}}""", true)]
    [InlineData("""{"detail": {"tags": [{"anything-but": "prod"}]}}""", true)]
    public void EB_01_AnythingBut_MatchesPresentValuesOutsideTheList(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"detail": {"count": [{"numeric": ["=", 5]}]}}""", true)]
    [InlineData("""{"detail": {"count": [{"numeric": ["=", 5.0]}]}}""", true)]
    [InlineData("""{"detail": {"count": [{"numeric": [">", 5]}]}}""", false)]
    [InlineData("""{"detail": {"count": [{"numeric": [">=", 5]}]}}""", true)]
    [InlineData("""{"detail": {"count": [{"numeric": ["<", 5]}]}}""", false)]
    [InlineData("""{"detail": {"count": [{"numeric": ["<=", 5]}]}}""", true)]
    [InlineData("""{"detail": {"price": [{"numeric": [">", 0, "<=", 12.5]}]}}""", true)]
    [InlineData("""{"detail": {"price": [{"numeric": [">", 0, "<", 12.5]}]}}""", false)]
    [InlineData("""{"detail": {"x-limit": [{"numeric": ["<=", 300]}]}}""", false)]
    [InlineData("""{"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"numeric": [">", 0]}]}}""", false)]
    public void EB_01_Numeric_ComparesJsonNumbers(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}}""", true)]
    [InlineData("""{"detail": {"source-ip": [{"cidr": "10.0.1.0/24"}]}}""", false)]
    [InlineData("""{"detail": {"source-ip": [{"cidr": "10.0.0.123/32"}]}}""", true)]
    [InlineData("""{"detail": {"source-ip": [{"cidr": "0.0.0.0/0"}]}}""", true)]
    [InlineData("""{"detail": {"ipv6": [{"cidr": "2001:db8::/32"}]}}""", true)]
    [InlineData("""{"detail": {"ipv6": [{"cidr": "2001:db9::/32"}]}}""", false)]
    [InlineData("""{"detail": {"source-ip": [{"cidr": "2001:db8::/32"}]}}""", false)]
    [InlineData("""{"detail": {"state": [{"cidr": "10.0.0.0/8"}]}}""", false)]
    public void EB_01_Cidr_MatchesAddressesInTheBlock(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"detail": {"state": [{"exists": true}]}}""", true)]
    [InlineData("""{"detail": {"missing": [{"exists": true}]}}""", false)]
    [InlineData("""{"detail": {"missing": [{"exists": false}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"exists": false}]}}""", false)]
    [InlineData("""{"detail": {"nothing": [{"exists": true}]}}""", true)]
    [InlineData("""{"detail": {"items": [{"exists": true}]}}""", false)]
    [InlineData("""{"nothere": {"state": [{"exists": false}]}}""", true)]
    public void EB_01_Exists_TestsPresenceOfALeafValue(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"$or": [{"source": ["aws.s3"]}, {"detail": {"state": ["terminated"]}}]}""", true)]
    [InlineData("""{"$or": [{"source": ["aws.s3"]}, {"detail": {"state": ["running"]}}]}""", false)]
    [InlineData("""{"source": ["aws.ec2"], "$or": [{"detail": {"count": [1]}}, {"detail": {"price": [12.5]}}]}""", true)]
    [InlineData("""{"source": ["aws.s3"], "$or": [{"detail": {"count": [5]}}, {"detail": {"price": [12.5]}}]}""", false)]
    [InlineData("""{"detail": {"$or": [{"count": [{"numeric": [">", 100]}]}, {"tags": ["web"]}]}}""", true)]
    [InlineData("""{"$or": [{"$or": [{"source": ["x"]}, {"source": ["y"]}]}, {"region": ["us-west-1"]}]}""", true)]
    public void EB_01_Or_MatchesWhenAnyAlternativeMatches(string pattern, bool expected) => Assert.Equal(expected, Match(pattern));

    [Theory]
    [InlineData("""{"$or": {"kind": ["x"]}}""", true)]
    [InlineData("""{"$or": ["plain"]}""", false)]
    [InlineData("""{"$or": {"kind": ["y"]}}""", false)]
    public void EB_01_Or_NotInPrimitiveForm_IsAnOrdinaryFieldName(string pattern, bool expected) =>
        Assert.Equal(expected, Match(pattern, """{"$or": {"kind": "x"}}"""));

    [Fact]
    public void EB_01_MultipleMatchersInOneList_AreAlternatives()
    {
        Assert.True(Match("""{"detail": {"state": [{"prefix": "run"}, {"suffix": "ated"}]}}"""));
        Assert.False(Match("""{"detail": {"state": [{"prefix": "run"}, "stopped"]}}"""));
    }

    [Fact]
    public void Matches_NonObjectEvent_ReturnsFalse()
    {
        var pattern = EventPattern.Parse("""{"source": ["a"]}""");
        Assert.False(pattern.Matches("[1]"));
        Assert.Throws<ArgumentException>(() => pattern.Matches("{not json"));
    }
}
