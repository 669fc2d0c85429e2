using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.Tests.StepFunctions.Paths;

public class JsonPathTests
{
    private const string Store = """
        {"store":{"book":[
          {"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},
          {"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99},
          {"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99},
          {"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}],
          "bicycle":{"color":"red","price":19.95}},"expensive":10}
        """;

    private static JsonNode? Eval(string path, string json)
    {
        Assert.True(JsonPath.Parse(path).TryEvaluate(JsonNode.Parse(json), out var value), $"{path} selected nothing");
        return value;
    }

    [Theory]
    [InlineData("$.foo", "123")]
    [InlineData("$.bar", """["a","b","c"]""")]
    [InlineData("$.car.cdr", "true")]
    [InlineData("$['car']['cdr']", "true")]
    [InlineData("$.bar[1]", "\"b\"")]
    [InlineData("$.bar[-1]", "\"c\"")]
    public void ReferencePaths_AwsExamples_SelectOneNode(string path, string expected)
    {
        // AWS's reference-path examples (amazon-states-language-paths).
        Sfn.JsonEqual(expected, Eval(path, """{"foo":123,"bar":["a","b","c"],"car":{"cdr":true}}"""));
        Assert.True(JsonPath.Parse(path).IsReference);
    }

    [Fact]
    public void Slice_AwsExample_SelectsTheFirstTwo() =>
        Sfn.JsonEqual("[1,2]", Eval("$.a[0:2]", """{"a":[1,2,3,4]}"""));

    [Theory]
    [InlineData("$.store.book[*].author", """["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""")]
    [InlineData("$..author", """["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""")]
    [InlineData("$.store..price", "[8.95,12.99,8.99,22.99,19.95]")]
    [InlineData("$..book[2].title", "[\"Moby Dick\"]")]
    [InlineData("$..book[-1:].title", "[\"The Lord of the Rings\"]")]
    [InlineData("$..book[0,1].title", """["Sayings of the Century","Sword of Honour"]""")]
    [InlineData("$..book[:2].category", """["reference","fiction"]""")]
    [InlineData("$..book[?(@.isbn)].title", """["Moby Dick","The Lord of the Rings"]""")]
    [InlineData("$.store.book[?(@.price < 10)].title", """["Sayings of the Century","Moby Dick"]""")]
    [InlineData("$..book[?(@.price <= $['expensive'])].price", "[8.95,8.99]")]
    [InlineData("$..book[?(@.author =~ /.*REES/i)].price", "[8.95]")]
    [InlineData("$..book[?(@.category == 'fiction' && @.price > 20)].title", """["The Lord of the Rings"]""")]
    [InlineData("$..book[?(@.price > 20 || @.price < 9)].price", "[8.95,8.99,22.99]")]
    [InlineData("$..book[?(!(@.price > 9))].price", "[8.95,8.99]")]
    [InlineData("$..book[?(@.category in ['reference'])].price", "[8.95]")]
    [InlineData("$.store.bicycle.*", """["red",19.95]""")]
    [InlineData("$..book[::2].price", "[8.95,8.99]")]
    public void FullJsonPath_JaywayExamples_SelectLists(string path, string expected)
    {
        Assert.False(JsonPath.Parse(path).IsDefinite);
        Sfn.JsonEqual(expected, Eval(path, Store));
    }

    [Fact]
    public void Length_OfAnArray_IsItsCount() => Sfn.JsonEqual("4", Eval("$.store.book.length()", Store));

    [Fact]
    public void MissingField_DefinitePath_SelectsNothing() =>
        Assert.False(JsonPath.Parse("$.nope.deeper").TryEvaluate(JsonNode.Parse(Store), out _));

    [Fact]
    public void IndefinitePath_NoMatch_GivesEmptyArray() => Sfn.JsonEqual("[]", Eval("$..nope", Store));

    [Theory]
    [InlineData("$$.Execution.Id", "Context")]
    [InlineData("$myVar.x", "Variable")]
    [InlineData("$.x", "Input")]
    public void Roots_AreRecognised(string path, string root) => Assert.Equal(root, JsonPath.Parse(path).Root.ToString());

    [Theory]
    [InlineData("foo")]
    [InlineData("$.a[")]
    [InlineData("$.a[?(@.x == )]")]
    [InlineData("$.a['x]")]
    [InlineData("$.a[1:2:0]")]
    public void Invalid_ThrowsWithTheText(string path)
    {
        var e = Assert.Throws<JsonPathException>(() => JsonPath.Parse(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Canonical_IsAwsBracketNotation() => Assert.Equal("$['a']['b'][0]", JsonPath.Parse("$.a.b[0]").Canonical);
}
