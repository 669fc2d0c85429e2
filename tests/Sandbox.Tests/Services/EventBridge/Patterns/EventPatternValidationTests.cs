using Course.Sandbox.Services.EventBridge.Patterns;

namespace Course.Sandbox.Tests.Services.EventBridge.Patterns;

public sealed class EventPatternValidationTests
{
    [Theory]
    [InlineData("""{"source": "aws.ec2"}""", "\"source\" must be an object or an array", "source")]
    [InlineData("""{"source": []}""", "Empty arrays are not allowed", "source")]
    [InlineData("""{"detail": {}}""", "Empty objects are not allowed", "detail")]
    [InlineData("""{}""", "Empty objects are not allowed", "")]
    [InlineData("""["a"]""", "must be a JSON object", "")]
    [InlineData("""{"source": [["a"]]}""", "Nested arrays are not allowed", "source[0]")]
    [InlineData("""{"source": [{"regex": "a.*"}]}""", "Unrecognized match type regex", "source[0].regex")]
    [InlineData("""{"source": [{"prefix": "a", "suffix": "b"}]}""", "exactly one match type", "source[0]")]
    [InlineData("""{"source": [{"prefix": 5}]}""", "prefix match pattern must be a string", "source[0].prefix")]
    [InlineData("""{"source": [{"suffix": ["a"]}]}""", "suffix match pattern must be a string", "source[0].suffix")]
    [InlineData("""{"source": [{"equals-ignore-case": 1}]}""", "equals-ignore-case match pattern must be a string", "source[0].equals-ignore-case")]
    [InlineData("""{"source": [{"wildcard": "a**b"}]}""", "Consecutive wildcard characters at pos 2", "source[0].wildcard")]
    [InlineData("""{"source": [{"wildcard": "a\\xb"}]}""", "Invalid escape character at pos 1", "source[0].wildcard")]
    [InlineData("""{"source": [{"anything-but": []}]}""", "Empty arrays are not allowed", "source[0].anything-but")]
    [InlineData("""{"source": [{"anything-but": [true]}]}""", "only strings and numbers", "source[0].anything-but[0]")]
    [InlineData("""{"source": [{"anything-but": null}]}""", "anything-but does not support null", "source[0].anything-but")]
    [InlineData("""{"source": [{"anything-but": {"numeric": [">", 1]}}]}""", "Unsupported anything-but pattern: numeric", "source[0].anything-but.numeric")]
    [InlineData("""{"source": [{"anything-but": {"prefix": 1}}]}""", "anything-but prefix match pattern must be a string", "source[0].anything-but.prefix")]
    [InlineData("""{"n": [{"numeric": [">", "1"]}]}""", "Value of > must be a number", "n[0].numeric[1]")]
    [InlineData("""{"n": [{"numeric": ["!=", 1]}]}""", "Unrecognized numeric range operator: !=", "n[0].numeric[0]")]
    [InlineData("""{"n": [{"numeric": [">", 1, "<"]}]}""", "operator/value pairs", "n[0].numeric")]
    [InlineData("""{"n": [{"numeric": [">", 10, "<", 5]}]}""", "Bottom must be less than top", "n[0].numeric")]
    [InlineData("""{"n": [{"numeric": [">", 1, ">=", 2]}]}""", "more than one lower bound", "n[0].numeric[2]")]
    [InlineData("""{"n": [{"numeric": ["=", 1, "<", 2]}]}""", "cannot be combined", "n[0].numeric[0]")]
    [InlineData("""{"n": [{"numeric": ["<", 5000000001]}]}""", "out of range", "n[0].numeric[1]")]
    [InlineData("""{"ip": [{"cidr": "10.0.0.0"}]}""", "Malformed CIDR", "ip[0].cidr")]
    [InlineData("""{"ip": [{"cidr": "10.0.0.0/33"}]}""", "exceeds 32 bits", "ip[0].cidr")]
    [InlineData("""{"ip": [{"cidr": "nope/8"}]}""", "Malformed CIDR", "ip[0].cidr")]
    [InlineData("""{"f": [{"exists": "yes"}]}""", "exists match pattern must be true or false", "f[0].exists")]
    [InlineData("""{"$or": [{"a": ["b"]}]}""", "$or needs at least 2 alternatives", "$or")]
    [InlineData("""{"$or": [{"a": ["b"]}, "c"]}""", "Unrecognized match type a", "$or[0].a")]
    [InlineData("""{"$or": [{"numeric": 123}, {"prefix": "abc"}]}""", "operator/value pairs", "$or[0].numeric")]
    [InlineData("""{"s": [{"anything-but": ["a", 1]}]}""", "all strings or all numbers", "s[0].anything-but")]
    [InlineData("""{"detail": {"state": [{"prefix": "a"}, {"numeric": []}]}}""", "operator/value pairs", "detail.state[1].numeric")]
    public void EB_01_InvalidPattern_IsRejectedWithReasonAndLocation(string pattern, string reason, string location)
    {
        var error = Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse(pattern));

        Assert.StartsWith("Event pattern is not valid. Reason: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(location, error.Location);
        if (location.Length > 0)
        {
            Assert.EndsWith($" (at {location})", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EB_01_MalformedJson_IsRejected()
    {
        var error = Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse("{\"source\": [\"a\""));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
