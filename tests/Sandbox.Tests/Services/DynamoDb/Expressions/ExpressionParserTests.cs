using System.Text.Json;
using Course.Sandbox.Services.DynamoDb;
using Course.Sandbox.Services.DynamoDb.Expressions;

namespace Course.Sandbox.Tests.Services.DynamoDb.Expressions;

public sealed class ExpressionParserTests
{
    private const string Values = """
        {"ExpressionAttributeNames":{"#s":"status","#n":"name"},
         "ExpressionAttributeValues":{":one":{"N":"1"},":five":{"N":"5"},":ten":{"N":"10"},":a":{"S":"a"},":active":{"S":"active"},
           ":pre":{"S":"Jo"},":type":{"S":"N"},":two":{"N":"2"},":red":{"S":"red"}}}
        """;

    private static readonly Dictionary<string, DynamoValue> Item = DynamoValue.ParseItem(JsonDocument.Parse("""
        {"id":{"S":"x"},"status":{"S":"active"},"name":{"S":"Joan"},"qty":{"N":"7"},"tags":{"SS":["red","blue"]},
         "doc":{"M":{"entries":{"L":[{"N":"1"},{"M":{"deep":{"S":"a"}}}]},"flag":{"BOOL":true}}}}
        """).RootElement);

    private static ExpressionContext Context(string json = Values) => new(JsonDocument.Parse(json).RootElement);

    private static bool Eval(string expression) =>
        ConditionEvaluator.Evaluate(ExpressionParser.ParseCondition(expression, "ConditionExpression", Context()), Item, "ConditionExpression");

    [Theory]
    [InlineData("qty > :five", true)]
    [InlineData("qty >= :ten", false)]
    [InlineData("qty <> :five", true)]
    [InlineData("qty = :five OR #s = :active", true)]
    [InlineData("qty = :five AND #s = :active", false)]
    [InlineData("NOT (qty = :five) AND #s = :active", true)]
    [InlineData("qty BETWEEN :five AND :ten", true)]
    [InlineData("qty BETWEEN :one AND :five", false)]
    [InlineData("qty IN (:one, :two, :five)", false)]
    [InlineData("#s IN (:a, :active)", true)]
    [InlineData("attribute_exists(doc.entries[1].deep)", true)]
    [InlineData("attribute_exists(doc.entries[2])", false)]
    [InlineData("attribute_not_exists(absent)", true)]
    [InlineData("attribute_type(qty, :type)", true)]
    [InlineData("begins_with(#n, :pre)", true)]
    [InlineData("contains(tags, :red)", true)]
    [InlineData("contains(#n, :a)", true)]
    [InlineData("size(tags) = :two", true)]
    [InlineData("size(#n) > :five", false)]
    [InlineData("absent = :one", false)]
    [InlineData("absent <> :one", true)]
    [InlineData("doc.entries[1].deep = :a and doc.flag = doc.flag", true)]
    [InlineData("(qty < :ten OR qty > :ten) AND NOT attribute_exists(nope)", true)]
    public void Evaluate_Condition_MatchesDynamoDbSemantics(string expression, bool expected) =>
        Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("qty > ", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\"")]
    [InlineData("qty = = :one", "Invalid ConditionExpression: Syntax error; token: \"=\"")]
    [InlineData("qty @ :one", "Invalid ConditionExpression: Syntax error; token: \"@\"")]
    [InlineData("qty = :nope", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope")]
    [InlineData("#nope = :one", "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope")]
    [InlineData("status = :one", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")]
    [InlineData("foo(qty)", "Invalid ConditionExpression: Invalid function name; function: foo")]
    [InlineData("size(qty)", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\"")]
    [InlineData("attribute_exists(qty, :one)", "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2")]
    [InlineData("qty BETWEEN :ten AND :one", "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound")]
    [InlineData("", "Invalid ConditionExpression: The expression can not be empty;")]
    public void ParseOrEvaluate_BadCondition_ThrowsDynamoDbValidationMessage(string expression, string expectedStart)
    {
        var e = Assert.Throws<DynamoDbException>(() => Eval(expression));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.StartsWith(expectedStart, e.Message);
    }

    [Fact]
    public void ParseUpdate_AllClauses_ProducesActionsInOrder()
    {
        var update = ExpressionParser.ParseUpdate("SET a = :one, b.c[2] = a + :two REMOVE d, e[1] ADD f :one DELETE g :red", Context("""
            {"ExpressionAttributeValues":{":one":{"N":"1"},":two":{"N":"2"},":red":{"SS":["red"]}}}
            """));

        Assert.Equal(["[a]", "[b, c, [2]]"], update.Sets.Select(s => s.Path.ToString()));
        Assert.IsType<ArithmeticOperand>(update.Sets[1].Value);
        Assert.Equal(["[d]", "[e, [1]]"], update.Removes.Select(p => p.ToString()));
        Assert.Equal("[f]", Assert.Single(update.Adds).Path.ToString());
        Assert.Equal("[g]", Assert.Single(update.Deletes).Path.ToString());
    }

    [Theory]
    [InlineData("SET a = :one SET b = :one", "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;")]
    [InlineData("SET a = :one, a.b = :one", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]")]
    [InlineData("SET a :one", "Invalid UpdateExpression: Syntax error; token: \":one\"")]
    [InlineData("UPSERT a = :one", "Invalid UpdateExpression: Syntax error; token: \"UPSERT\"")]
    [InlineData("SET a = size(b)", "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: size")]
    [InlineData("ADD a", "Invalid UpdateExpression: Syntax error; token: \"<EOF>\"")]
    public void ParseUpdate_Bad_ThrowsDynamoDbMessage(string expression, string expected)
    {
        var e = Assert.Throws<DynamoDbException>(() => ExpressionParser.ParseUpdate(expression, Context("""{"ExpressionAttributeValues":{":one":{"N":"1"}}}""")));

        Assert.StartsWith(expected, e.Message);
    }

    private static Dictionary<string, DynamoValue> Update(string expression, string valuesJson, string itemJson)
    {
        var context = Context(valuesJson);
        var update = ExpressionParser.ParseUpdate(expression, context);
        var item = DynamoValue.ParseItem(JsonDocument.Parse(itemJson).RootElement);
        var key = new Dictionary<string, DynamoValue> { ["id"] = item["id"] };
        return UpdateApplier.Apply(update, item, key);
    }

    [Fact]
    public void Apply_SetValues_AreComputedFromTheItemBeforeTheUpdate()
    {
        var result = Update("SET a = b, b = a", "{}", """{"id":{"S":"x"},"a":{"N":"1"},"b":{"N":"2"}}""");

        Assert.Equal("2", result["a"].Text);
        Assert.Equal("1", result["b"].Text);
    }

    [Fact]
    public void Apply_RemoveListIndexes_UsesIndexesOfTheOriginalList()
    {
        var result = Update("REMOVE l[0], l[2]", "{}", """{"id":{"S":"x"},"l":{"L":[{"S":"a"},{"S":"b"},{"S":"c"},{"S":"d"}]}}""");

        Assert.Equal(["b", "d"], result["l"].List!.Select(v => v.Text));
    }

    [Fact]
    public void Apply_SetListIndexPastEnd_Appends()
    {
        var result = Update("SET l[10] = :v", """{"ExpressionAttributeValues":{":v":{"S":"z"}}}""", """{"id":{"S":"x"},"l":{"L":[{"S":"a"}]}}""");

        Assert.Equal(["a", "z"], result["l"].List!.Select(v => v.Text));
    }

    [Theory]
    [InlineData("SET a.b = :v", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET n = n + :v", "Invalid UpdateExpression: An operand in the update expression has an incorrect data type")]
    [InlineData("SET n = absent", "The provided expression refers to an attribute that does not exist in the item")]
    [InlineData("ADD s :v", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    [InlineData("SET l = list_append(l, :v)", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: STRING")]
    [InlineData("SET id = :v", "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key")]
    public void Apply_BadUpdate_ThrowsDynamoDbMessage(string expression, string expected)
    {
        var e = Assert.Throws<DynamoDbException>(() =>
            Update(expression, """{"ExpressionAttributeValues":{":v":{"S":"z"}}}""", """{"id":{"S":"x"},"n":{"N":"1"},"s":{"S":"t"},"l":{"L":[]}}"""));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Apply_AddNumberAndSet_SumsAndUnions()
    {
        var result = Update("ADD n :n, s :s", """{"ExpressionAttributeValues":{":n":{"N":"0.1"},":s":{"NS":["2","3"]}}}""",
            """{"id":{"S":"x"},"n":{"N":"0.2"},"s":{"NS":["1","2"]}}""");

        Assert.Equal("0.3", result["n"].Text);
        Assert.Equal(["1", "2", "3"], result["s"].Strings);
    }

    [Fact]
    public void Apply_DeleteLastSetMembers_RemovesAttribute()
    {
        var result = Update("DELETE s :s", """{"ExpressionAttributeValues":{":s":{"SS":["a","b"]}}}""", """{"id":{"S":"x"},"s":{"SS":["a","b"]}}""");

        Assert.False(result.ContainsKey("s"));
    }

    [Fact]
    public void Context_UnusedName_ThrowsAfterParsing()
    {
        var context = Context("""{"ExpressionAttributeNames":{"#a":"a","#b":"b"}}""");
        ExpressionParser.ParseProjection("#a", context);

        var e = Assert.Throws<DynamoDbException>(() => context.EnsureAllUsed(true));

        Assert.Equal("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}", e.Message);
    }

    [Fact]
    public void Context_InvalidNameKey_Throws()
    {
        var e = Assert.Throws<DynamoDbException>(() => Context("""{"ExpressionAttributeNames":{"a":"a"}}"""));

        Assert.Equal("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"", e.Message);
    }

    [Fact]
    public void Projection_NestedPaths_KeepsOnlySelectedParts()
    {
        var projected = Projection.Apply(Item, ExpressionParser.ParseProjection("doc.entries[1].deep, qty", Context("{}")));

        Assert.Equal(["doc", "qty"], projected.Keys.Order());
        var list = projected["doc"].Map!["entries"].List!;
        Assert.Equal("a", Assert.Single(list).Map!["deep"].Text);
        Assert.False(projected["doc"].Map!.ContainsKey("flag"));
    }
}
