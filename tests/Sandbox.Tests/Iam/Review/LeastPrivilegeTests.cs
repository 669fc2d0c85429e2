using Course.Sandbox.Iam;
using Course.Sandbox.Iam.Review;

namespace Course.Sandbox.Tests.Iam.Review;

public sealed class LeastPrivilegeTests
{
    private const string Table = "arn:aws:dynamodb:us-east-1:123456789012:table/Docs";
    private const string Function = "indexer";

    private static PolicyStatement Allow(string source, string[] actions, params string[] resources) =>
        new() { Allow = true, Actions = actions, Resources = resources, Source = source };

    [Theory]
    [InlineData("*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/Doc?", true)]
    [InlineData("arn:aws:s3:::*", true)]
    [InlineData("arn:aws:s3:::docs-*/*", true)]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:orders-*", true)]
    [InlineData("arn:aws:s3:::docs/*", false)]
    [InlineData("arn:aws:s3:::docs", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/Docs", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/Docs/index/*", false)]
    [InlineData("arn:aws:dynamodb:*:*:table/Docs", false)]
    public void IsWildcardResource_WildcardInTheResourcesName_IsFlagged_ScopedWildcardsAreNot(string resource, bool flagged) =>
        Assert.Equal(flagged, LeastPrivilege.IsWildcardResource(resource));

    [Fact]
    public void Review_FlagsStarActionsWildcardResourcesAndUnusedGrants_NotTheLambdaServicesPolicies()
    {
        var role = new FunctionRole("indexer-role",
        [
            .. ManagedPolicyStatements.For("AWSLambdaBasicExecutionRole"),
            Allow("FunctionRolePolicy0", ["dynamodb:PutItem", "dynamodb:UpdateItem"], Table),
            Allow("FunctionRolePolicy1", ["s3:*"], "*"),
        ]);
        AuthorizationRecord[] calls =
        [
            new(Function, "dynamodb:PutItem", Table, Decision.Allow),
            new(Function, "dynamodb:PutItem", Table, Decision.Allow),
            new(Function, "s3:GetObject", "arn:aws:s3:::docs/a.txt", Decision.Allow),
            new(Function, "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:out", Decision.ImplicitDeny),
            new("another-function", "dynamodb:UpdateItem", Table, Decision.Allow),
        ];

        var review = LeastPrivilege.Review(Function, role, calls);

        var logs = review.Grants[0];
        Assert.True(logs.ForLambdaService);
        Assert.Equal(0, logs.Findings);
        var table = review.Grants[1];
        Assert.Equal([("dynamodb:PutItem", 2, false, false), ("dynamodb:UpdateItem", 0, false, true)], table.Actions.Select(a => (a.Action, a.Used, a.Wildcard, a.NeverUsed)));
        Assert.False(table.WildcardResource);
        var s3 = review.Grants[2];
        Assert.True(s3.WildcardResource);
        Assert.Equal(["'*' in action"], s3.Actions.Single().Flags);
        Assert.Equal(1, s3.Actions.Single().Used);
        Assert.Equal([new DeniedUse("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:out", 1)], review.Denied);
        Assert.Equal([s3], review.WildcardGrants);
        Assert.Equal(1 + 2 + 1, review.Findings);   // unused UpdateItem; '*' resource and '*' action; the denied call
    }

    [Fact]
    public void Review_ScopedPolicyTemplate_HasNoWildcardFindings()
    {
        var role = new FunctionRole("r", [Allow("DynamoDBWritePolicy", ["dynamodb:PutItem"], Table, Table + "/index/*")]);

        var review = LeastPrivilege.Review(Function, role, [new(Function, "dynamodb:PutItem", Table, Decision.Allow)]);

        Assert.Empty(review.WildcardGrants);
        Assert.Equal(0, review.Findings);
    }
}
