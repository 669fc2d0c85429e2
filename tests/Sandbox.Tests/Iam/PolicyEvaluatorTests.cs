using Course.Sandbox.Iam;

namespace Course.Sandbox.Tests.Iam;

public sealed class PolicyEvaluatorTests
{
    private static PolicyStatement Allow(string action, string resource) => new() { Allow = true, Actions = [action], Resources = [resource] };

    private static PolicyStatement Deny(string action, string resource) => new() { Allow = false, Actions = [action], Resources = [resource] };

    private const string Table = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";

    [Fact]
    public void IAM_01_NoStatement_IsImplicitDeny() =>
        Assert.Equal(Decision.ImplicitDeny, PolicyEvaluator.Evaluate([Allow("dynamodb:GetItem", Table)], "dynamodb:PutItem", Table));

    [Fact]
    public void IAM_01_Allow_Allows() =>
        Assert.Equal(Decision.Allow, PolicyEvaluator.Evaluate([Allow("dynamodb:PutItem", Table)], "dynamodb:PutItem", Table));

    [Fact]
    public void IAM_01_ExplicitDeny_BeatsAnyAllow() =>
        Assert.Equal(Decision.ExplicitDeny, PolicyEvaluator.Evaluate([Allow("dynamodb:*", "*"), Deny("dynamodb:DeleteItem", Table)], "dynamodb:DeleteItem", Table));

    [Fact]
    public void IAM_01_NotActionAndNotResource_InvertTheMatch()
    {
        var everythingButDelete = new PolicyStatement { Allow = true, NotActions = ["dynamodb:Delete*"], Resources = ["*"] };
        Assert.Equal(Decision.Allow, PolicyEvaluator.Evaluate([everythingButDelete], "dynamodb:PutItem", Table));
        Assert.Equal(Decision.ImplicitDeny, PolicyEvaluator.Evaluate([everythingButDelete], "dynamodb:DeleteItem", Table));
        var notOrders = new PolicyStatement { Allow = true, Actions = ["dynamodb:*"], NotResources = [Table] };
        Assert.Equal(Decision.ImplicitDeny, PolicyEvaluator.Evaluate([notOrders], "dynamodb:GetItem", Table));
    }

    [Fact]
    public void IAM_01_Conditions_MissingKeyIsFalse_IfExistsIsTrue()
    {
        var conditional = new PolicyStatement
        {
            Allow = true, Actions = ["s3:GetObject"], Resources = ["*"],
            Conditions = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> { ["StringEquals"] = new Dictionary<string, IReadOnlyList<string>> { ["aws:RequestedRegion"] = ["us-east-1"] } },
        };
        Assert.Equal(Decision.ImplicitDeny, PolicyEvaluator.Evaluate([conditional], "s3:GetObject", "arn:aws:s3:::b/k"));
        Assert.Equal(Decision.Allow, PolicyEvaluator.Evaluate([conditional], "s3:GetObject", "arn:aws:s3:::b/k", new Dictionary<string, string> { ["aws:RequestedRegion"] = "us-east-1" }));
    }

    [Theory]
    [InlineData("arn:aws:s3:::docs/*", "arn:aws:s3:::docs/a/b.pdf", true)]
    [InlineData("arn:aws:s3:::docs/*", "arn:aws:s3:::docs", false)]
    [InlineData("arn:aws:s3:::docs", "arn:aws:s3:::docs/x", false)]
    [InlineData("arn:aws:dynamodb:*:*:table/Orders", Table, true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/Order?", Table, true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/Order?", "arn:aws:dynamodb:us-east-1:123456789012:table/Order", false)]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:jobs", "arn:aws:sqs:us-east-1:123456789012:JOBS", false)]
    [InlineData("*", "arn:aws:sqs:us-east-1:123456789012:jobs", true)]
    public void IAM_02_ResourceWildcards_StarAndQuestionMark_CaseSensitive(string pattern, string arn, bool matches) =>
        Assert.Equal(matches, Wildcard.Matches(pattern, arn, ignoreCase: false));

    [Theory]
    [InlineData("dynamodb:*", "dynamodb:PutItem", true)]
    [InlineData("dynamodb:Get*", "dynamodb:GetItem", true)]
    [InlineData("dynamodb:Get*", "dynamodb:PutItem", false)]
    [InlineData("sqs:SendMessage*", "sqs:SendMessage", true)]
    [InlineData("s3:getobject", "s3:GetObject", true)]
    [InlineData("s3:*Object", "s3:PutObject", true)]
    [InlineData("*", "bedrock:InvokeModel", true)]
    public void IAM_02_ActionWildcards_IgnoreCase(string pattern, string action, bool matches) =>
        Assert.Equal(matches, PolicyEvaluator.Evaluate([Allow(pattern, "*")], action, "x") == Decision.Allow);

    [Fact]
    public void IAM_01_AccessDenied_HasAwsMessage()
    {
        var e = new AccessDeniedException("arn:aws:sts::123456789012:assumed-role/FnRole/Fn", "dynamodb:PutItem", Table, Decision.ImplicitDeny);
        Assert.Equal("User: arn:aws:sts::123456789012:assumed-role/FnRole/Fn is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no identity-based policy allows the dynamodb:PutItem action", e.Message);
        var d = new AccessDeniedException("arn:aws:sts::123456789012:assumed-role/FnRole/Fn", "s3:GetObject", "arn:aws:s3:::b/k", Decision.ExplicitDeny);
        Assert.Equal("User: arn:aws:sts::123456789012:assumed-role/FnRole/Fn is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::b/k\" with an explicit deny in an identity-based policy", d.S3Message);
    }
}
