using Course.Sandbox.Services.EventBridge.Patterns;

namespace Course.Sandbox.Tests.Services.EventBridge.Patterns;

/// <summary>
/// Every example of EventBridge's pattern pages (docs.aws.amazon.com/eventbridge/latest/userguide/):
/// eb-event-patterns, eb-event-patterns-content-based-filtering, eb-event-patterns-null-values and
/// eb-event-patterns-arrays, each with the events the page says it matches or does not.
/// </summary>
public sealed class EventPatternDocumentedExamplesTests
{
    private const string Ec2Terminated = """
        {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "EC2 Instance State-change Notification",
         "source": "aws.ec2", "account": "111122223333", "time": "2017-12-22T18:43:48Z", "region": "us-west-1",
         "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
         "detail": {"instance-id": "i-1234567890abcdef0", "state": "terminated"}}
        """;

    private const string Ec2Pending = """
        {"version": "0", "id": "7bf73129-1428-4cd3-a780-95db273d1602", "detail-type": "EC2 Instance State-change Notification",
         "source": "aws.ec2", "account": "123456789012", "time": "2015-11-11T21:29:54Z", "region": "us-east-1",
         "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
         "detail": {"instance-id": "i-abcd1111", "state": "pending"}}
        """;

    private const string CCountIntermediate = """
        {"detail-type": ["EC2 Instance State-change Notification"],
         "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341"],
         "detail": {"c-count": {"c1": 100}}}
        """;

    private const string AutoscalingNulls = """
        {"version": "0", "id": "3e3c153a-8339-4e30-8c35-687ebef853fe", "detail-type": "EC2 Instance Launch Successful",
         "source": "aws.autoscaling", "account": "123456789012", "time": "2015-11-11T21:31:47Z", "region": "us-east-1",
         "resources": [], "detail": {"eventVersion": "", "responseElements": null}}
        """;

    private static bool Match(string pattern, string evt) => EventPattern.Parse(pattern).Matches(evt);

    private static string Detail(string fields) => "{\"source\": \"x\", \"detail\": {" + fields + "}}";

    [Fact]
    public void EB_01_Doc_EventPatterns_Ec2TerminationPattern()
    {
        const string pattern = """{"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"], "detail": {"state": ["terminated"]}}""";
        Assert.True(Match(pattern, Ec2Terminated));
        Assert.False(Match(pattern, Ec2Pending));
    }

    [Theory]
    [InlineData("""{"time": "2017-10-02T18:43:48Z"}""", true)]
    [InlineData("""{"time": "2017-10-03T18:43:48Z"}""", false)]
    public void EB_01_Doc_PrefixMatching(string evt, bool expected) =>
        Assert.Equal(expected, Match("""{"time": [{"prefix": "2017-10-02"}]}""", evt));

    [Theory]
    [InlineData("EventBridge", true)]
    [InlineData("EVENTBRIDGE", true)]
    [InlineData("eventb", true)]
    [InlineData("Event", false)]
    public void EB_01_Doc_PrefixMatchingIgnoringCase(string service, bool expected) =>
        Assert.Equal(expected, Match("""{"detail": {"service": [{"prefix": {"equals-ignore-case": "EventB"}}]}}""", Detail($"\"service\": \"{service}\"")));

    [Theory]
    [InlineData("""{"FileName": "photo.png"}""", true)]
    [InlineData("""{"FileName": "photo.PNG"}""", false)]
    public void EB_01_Doc_SuffixMatching(string evt, bool expected) =>
        Assert.Equal(expected, Match("""{"FileName": [{"suffix": ".png"}]}""", evt));

    [Theory]
    [InlineData("image.png", true)]
    [InlineData("image.PNG", true)]
    [InlineData("image.jpg", false)]
    public void EB_01_Doc_SuffixMatchingIgnoringCase(string name, bool expected) =>
        Assert.Equal(expected, Match("""{"detail": {"FileName": [{"suffix": {"equals-ignore-case": ".png"}}]}}""", Detail($"\"FileName\": \"{name}\"")));

    [Theory]
    [InlineData("""{"detail": {"state": [{"anything-but": "initializing"}]}}""", "\"state\": \"running\"", true)]
    [InlineData("""{"detail": {"state": [{"anything-but": "initializing"}]}}""", "\"state\": \"initializing\"", false)]
    [InlineData("""{"detail": {"x-limit": [{"anything-but": 123}]}}""", "\"x-limit\": 124", true)]
    [InlineData("""{"detail": {"x-limit": [{"anything-but": 123}]}}""", "\"x-limit\": 123", false)]
    [InlineData("""{"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}}""", "\"state\": \"running\"", true)]
    [InlineData("""{"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}}""", "\"state\": \"overloaded\"", false)]
    [InlineData("""{"detail": {"x-limit": [{"anything-but": [100, 200, 300]}]}}""", "\"x-limit\": 301.8", true)]
    [InlineData("""{"detail": {"x-limit": [{"anything-but": [100, 200, 300]}]}}""", "\"x-limit\": 200", false)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"prefix": "init"}}]}}""", "\"state\": \"running\"", true)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"prefix": "init"}}]}}""", "\"state\": \"initializing\"", false)]
    [InlineData("""{"detail": {"FileName": [{"anything-but": {"suffix": ".txt"}}]}}""", "\"FileName\": \"notes.md\"", true)]
    [InlineData("""{"detail": {"FileName": [{"anything-but": {"suffix": ".txt"}}]}}""", "\"FileName\": \"notes.txt\"", false)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "OverLoaded"]}}]}}""", "\"state\": \"running\"", true)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "OverLoaded"]}}]}}""", "\"state\": \"STOPPED\"", false)]
    [InlineData("""{"detail": {"FilePath": [{"anything-but": {"wildcard": "*/lib/*"}}]}}""", "\"FilePath\": \"/usr/bin/app\"", true)]
    [InlineData("""{"detail": {"FilePath": [{"anything-but": {"wildcard": "*/lib/*"}}]}}""", "\"FilePath\": \"/usr/lib/app\"", false)]
    [InlineData("""{"detail": {"FilePath": [{"anything-but": {"wildcard": ["*/lib/*", "*/bin/*"]}}]}}""", "\"FilePath\": \"/usr/bin/app\"", false)]
    [InlineData("""{"detail": {"FilePath": [{"anything-but": {"wildcard": ["*/lib/*", "*/bin/*"]}}]}}""", "\"FilePath\": \"/home/app\"", true)]
    public void EB_01_Doc_AnythingButMatching(string pattern, string fields, bool expected) =>
        Assert.Equal(expected, Match(pattern, Detail(fields)));

    [Theory]
    [InlineData("\"c-count\": 5, \"d-count\": 3, \"x-limit\": 301.8", true)]
    [InlineData("\"c-count\": 0, \"d-count\": 3, \"x-limit\": 301.8", false)]
    [InlineData("\"c-count\": 5, \"d-count\": 10, \"x-limit\": 301.8", false)]
    [InlineData("\"c-count\": 5, \"d-count\": 3, \"x-limit\": 301.9", false)]
    public void EB_01_Doc_NumericMatching(string fields, bool expected) =>
        Assert.Equal(expected, Match("""{"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"numeric": ["=", 3.018e2]}]}}""", Detail(fields)));

    [Theory]
    [InlineData("10.0.0.0", true)]
    [InlineData("10.0.0.255", true)]
    [InlineData("10.0.1.0", false)]
    public void EB_01_Doc_IpAddressMatching(string ip, bool expected) =>
        Assert.Equal(expected, Match("""{"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/24"}]}}""", Detail($"\"sourceIPAddress\": \"{ip}\"")));

    [Fact]
    public void EB_01_Doc_ExistsMatching_LeafNodesOnly()
    {
        Assert.True(Match("""{"detail": {"state": [{"exists": true}]}}""", Ec2Pending));
        Assert.False(Match("""{"detail": {"state": [{"exists": true}]}}""", CCountIntermediate));
        Assert.True(Match("""{"detail": {"c-count": [{"exists": false}]}}""", Ec2Pending));
        Assert.True(Match("""{"detail": {"c-count": [{"exists": false}]}}""", CCountIntermediate));
    }

    [Theory]
    [InlineData("EC2 Instance State-change Notification", true)]
    [InlineData("ec2 instance state-change notification", true)]
    [InlineData("EC2 Instance Launch Successful", false)]
    public void EB_01_Doc_EqualsIgnoreCaseMatching(string detailType, bool expected) =>
        Assert.Equal(expected, Match("""{"detail-type": [{"equals-ignore-case": "ec2 instance state-change notification"}]}""", $"{{\"detail-type\": \"{detailType}\"}}"));

    [Theory]
    [InlineData("""{"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:*:event-bus/*"}]}""", """{"EventBusArn": "arn:aws:events:us-east-1:123456789012:event-bus/myEventBus"}""", true)]
    [InlineData("""{"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:*:event-bus/*"}]}""", """{"EventBusArn": "arn:aws:events:us-west-2:123456789012:event-bus/myEventBus"}""", false)]
    [InlineData("""{"FilePath": [{"wildcard": "dir/*.png"}]}""", """{"FilePath": "dir/photo.png"}""", true)]
    [InlineData("""{"FilePath": [{"wildcard": "dir/*.png"}]}""", """{"FilePath": "dir/photo.jpg"}""", false)]
    public void EB_01_Doc_WildcardMatching(string pattern, string evt, bool expected) => Assert.Equal(expected, Match(pattern, evt));

    [Theory]
    [InlineData("\"state\": \"running\", \"c-count\": 5, \"d-count\": 3, \"x-limit\": 301.8", true)]
    [InlineData("\"state\": \"initializing\", \"c-count\": 5, \"d-count\": 3, \"x-limit\": 301.8", false)]
    [InlineData("\"state\": \"running\", \"c-count\": 5, \"d-count\": 3, \"x-limit\": 200", false)]
    public void EB_01_Doc_ComplexExample(string fields, bool expected) =>
        Assert.Equal(expected, Match(
            """{"time": [{"prefix": "2017-10-02"}], "detail": {"state": [{"anything-but": "initializing"}], "c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"anything-but": [100, 200, 300]}]}}""",
            "{\"time\": \"2017-10-02T18:43:48Z\", \"detail\": {" + fields + "}}"));

    [Theory]
    [InlineData("europe", true)]
    [InlineData("us-west", true)]
    [InlineData("us-east", false)]
    public void EB_01_Doc_KeyGivenTwice_LastReferenceIsUsed(string location, bool expected) =>
        Assert.Equal(expected, Match("""{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}""", Detail($"\"location\": \"{location}\"")));

    [Theory]
    [InlineData("\"c-count\": 3", true)]
    [InlineData("\"d-count\": 9", true)]
    [InlineData("\"x-limit\": 301.8", true)]
    [InlineData("\"c-count\": 6, \"d-count\": 10, \"x-limit\": 1", false)]
    public void EB_01_Doc_OrMatching_NumericFields(string fields, bool expected) =>
        Assert.Equal(expected, Match("""{"detail": {"$or": [{"c-count": [{"numeric": [">", 0, "<=", 5]}]}, {"d-count": [{"numeric": ["<", 10]}]}, {"x-limit": [{"numeric": ["=", 3.018e2]}]}]}}""", Detail(fields)));

    [Theory]
    [InlineData("""{"source": "aws.cloudwatch", "metricName": "CPUUtilization"}""", true)]
    [InlineData("""{"source": "aws.cloudwatch", "namespace": "AWS/ES"}""", true)]
    [InlineData("""{"source": "aws.cloudwatch", "metricName": "Other", "namespace": "Other"}""", false)]
    [InlineData("""{"source": "aws.ec2", "metricName": "CPUUtilization"}""", false)]
    public void EB_01_Doc_OrMatching_SourceAndMetricOrNamespace(string evt, bool expected) =>
        Assert.Equal(expected, Match("""{"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPUUtilization", "ReadLatency"]}, {"namespace": ["AWS/EC2", "AWS/ES"]}]}""", evt));

    [Fact]
    public void EB_01_Doc_NullValuesAndEmptyStrings_AreNotInterchangeable()
    {
        Assert.True(Match("""{"detail": {"eventVersion": [""]}}""", AutoscalingNulls));
        Assert.True(Match("""{"detail": {"responseElements": [null]}}""", AutoscalingNulls));
        Assert.False(Match("""{"detail": {"responseElements": [""]}}""", AutoscalingNulls));
        Assert.False(Match("""{"detail": {"eventVersion": [null]}}""", AutoscalingNulls));
    }

    [Fact]
    public void EB_01_Doc_Arrays_MatchWhenTheIntersectionIsNotEmpty()
    {
        const string pattern = """
            {"resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f",
                           "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f",
                           "arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f"]}
            """;
        Assert.True(Match(pattern, """
            {"resources": ["arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate",
                           "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"]}
            """));
        Assert.False(Match(pattern, """{"resources": ["arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f"]}"""));
    }
}
