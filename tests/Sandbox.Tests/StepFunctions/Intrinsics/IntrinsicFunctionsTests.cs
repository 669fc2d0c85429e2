using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Intrinsics;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.Tests.StepFunctions.Intrinsics;

/// <summary>AWS's documented examples of every intrinsic function (intrinsic-functions page).</summary>
public class IntrinsicFunctionsTests
{
    private static JsonNode? Eval(string call, string input = "{}", int seed = 1) =>
        new IntrinsicParser(call).Parse().Evaluate(new PathScope(JsonNode.Parse(input), null), new IntrinsicContext(new Random(seed)));

    [Theory]
    [InlineData("States.Format('Hello, my name is {}.', $.name)", """{"name":"Arnav"}""", "\"Hello, my name is Arnav.\"")]
    [InlineData("States.Format($.template, $.name)", """{"name":"Arnav","template":"Hello, my name is {}."}""", "\"Hello, my name is Arnav.\"")]
    [InlineData("States.StringToJson($.escapedJsonString)", """{"escapedJsonString":"{\"foo\": \"bar\"}"}""", """{"foo":"bar"}""")]
    [InlineData("States.JsonToString($.unescapedJson)", """{"unescapedJson":{"foo":"bar"}}""", "\"{\\\"foo\\\":\\\"bar\\\"}\"")]
    [InlineData("States.Array($.Id)", """{"Id":123456}""", "[123456]")]
    [InlineData("States.ArrayPartition($.inputArray,4)", """{"inputArray":[1,2,3,4,5,6,7,8,9]}""", "[[1,2,3,4],[5,6,7,8],[9]]")]
    [InlineData("States.ArrayContains($.inputArray, $.lookingFor)", """{"inputArray":[1,2,3,4,5,6,7,8,9],"lookingFor":5}""", "true")]
    [InlineData("States.ArrayRange(1, 9, 2)", "{}", "[1,3,5,7,9]")]
    [InlineData("States.ArrayGetItem($.inputArray, $.index)", """{"inputArray":[1,2,3,4,5,6,7,8,9],"index":5}""", "6")]
    [InlineData("States.ArrayLength($.inputArray)", """{"inputArray":[1,2,3,4,5,6,7,8,9]}""", "9")]
    [InlineData("States.ArrayUnique($.inputArray)", """{"inputArray":[1,2,3,3,3,3,3,3,4]}""", "[1,2,3,4]")]
    [InlineData("States.Base64Encode($.input)", """{"input":"Data to encode"}""", "\"RGF0YSB0byBlbmNvZGU=\"")]
    [InlineData("States.Base64Decode($.base64)", """{"base64":"RGF0YSB0byBlbmNvZGU="}""", "\"Data to encode\"")]
    [InlineData("States.Hash($.Data, $.Algorithm)", """{"Data":"input data","Algorithm":"SHA-1"}""", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"")]
    [InlineData("States.JsonMerge($.json1, $.json2, false)", """{"json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3}}""", """{"a":{"a3":1,"a4":2},"b":2,"c":3}""")]
    [InlineData("States.MathAdd($.value1, $.step)", """{"value1":111,"step":-1}""", "110")]
    [InlineData("States.StringSplit($.inputString, $.splitter)", """{"inputString":"1,2,3,4,5","splitter":","}""", """["1","2","3","4","5"]""")]
    [InlineData("States.StringSplit($.inputString, $.splitter)", """{"inputString":"This.is+a,test=string","splitter":".+,="}""", """["This","is","a","test","string"]""")]
    public void SFN_03_AwsExamples(string call, string input, string expected) => Sfn.JsonEqual(expected, Eval(call, input));

    [Fact]
    public void SFN_03_NestedCalls_AwsArnExample()
    {
        const string call = "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1), 'x')";
        Sfn.JsonEqual("\"1.0.x\"", Eval(call, """{"ImageRecipe":{"Arn":"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.0.0"}}"""));
    }

    [Fact]
    public void SFN_03_Format_EscapedBracesAndQuotes_AreLiteral() =>
        Sfn.JsonEqual("\"{x} it's 5\"", Eval("States.Format('\\{x\\} it\\'s {}', 5)"));

    [Fact]
    public void SFN_03_MathRandom_IsInRangeAndSeeded()
    {
        var a = Eval("States.MathRandom($.start, $.end)", """{"start":1,"end":999}""", seed: 7)!.GetValue<long>();
        var b = Eval("States.MathRandom($.start, $.end)", """{"start":1,"end":999}""", seed: 7)!.GetValue<long>();
        Assert.InRange(a, 1, 998);
        Assert.Equal(a, b);
    }

    [Fact]
    public void SFN_03_Uuid_IsVersion4AndSeeded()
    {
        var a = Eval("States.UUID()", seed: 3)!.GetValue<string>();
        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), a);
        Assert.Equal(a, Eval("States.UUID()", seed: 3)!.GetValue<string>());
        Assert.NotEqual(a, Eval("States.UUID()", seed: 4)!.GetValue<string>());
    }

    [Theory]
    [InlineData("States.ArrayGetItem($.a, 9)", """{"a":[1]}""")]
    [InlineData("States.Format('{} {}', 1)", "{}")]
    [InlineData("States.MathAdd(1.5, 1)", "{}")]
    [InlineData("States.JsonMerge($.a, $.a, true)", """{"a":{}}""")]
    [InlineData("States.Hash('x', 'SHA-3')", "{}")]
    [InlineData("States.ArrayRange(1, 2000, 1)", "{}")]
    [InlineData("States.StringToJson('not json')", "{}")]
    [InlineData("States.Base64Decode('@@@')", "{}")]
    [InlineData("States.MathAdd(2147483647, 1)", "{}")]
    public void SFN_03_BadArguments_AreIntrinsicFailure(string call, string input)
    {
        var e = Assert.Throws<StatesException>(() => Eval(call, input));
        Assert.Equal(StatesErrors.IntrinsicFailure, e.Error);
    }

    [Theory]
    [InlineData("States.Nope(1)")]
    [InlineData("States.Format('x'")]
    [InlineData("States.Format('a\\b')")]
    public void Parse_Malformed_Throws(string call) => Assert.Throws<JsonPathException>(() => new IntrinsicParser(call).Parse());

    [Fact]
    public void Parse_MoreThanTenNested_Throws()
    {
        var call = string.Concat(Enumerable.Repeat("States.Array(", 11)) + "1" + new string(')', 11);
        Assert.Throws<JsonPathException>(() => new IntrinsicParser(call).Parse());
    }
}
