using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions.States;

public class ChoiceStateTests
{
    private static string Machine(string rule) =>
        """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[""" + rule
        + """],"Default":"No"},"Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}""";

    [Theory]
    [InlineData("""{"Variable":"$.s","StringEquals":"abc"}""", """{"s":"abc"}""", "yes")]
    [InlineData("""{"Variable":"$.s","StringEquals":"abc"}""", """{"s":1}""", "no")]
    [InlineData("""{"Variable":"$.s","StringLessThan":"b"}""", """{"s":"a"}""", "yes")]
    [InlineData("""{"Variable":"$.s","StringGreaterThanEquals":"b"}""", """{"s":"b"}""", "yes")]
    [InlineData("""{"Variable":"$.s","StringLessThanEquals":"a"}""", """{"s":"b"}""", "no")]
    [InlineData("""{"Variable":"$.s","StringGreaterThan":"a"}""", """{"s":"b"}""", "yes")]
    [InlineData("""{"Variable":"$.s","StringEqualsPath":"$.t"}""", """{"s":"x","t":"x"}""", "yes")]
    [InlineData("""{"Variable":"$.n","NumericEquals":1}""", """{"n":1.0}""", "yes")]
    [InlineData("""{"Variable":"$.n","NumericLessThan":1}""", """{"n":0.5}""", "yes")]
    [InlineData("""{"Variable":"$.n","NumericGreaterThan":1}""", """{"n":1}""", "no")]
    [InlineData("""{"Variable":"$.n","NumericLessThanEquals":1}""", """{"n":1}""", "yes")]
    [InlineData("""{"Variable":"$.n","NumericGreaterThanEquals":2}""", """{"n":1}""", "no")]
    [InlineData("""{"Variable":"$.n","NumericGreaterThanPath":"$.m"}""", """{"n":3,"m":2}""", "yes")]
    [InlineData("""{"Variable":"$.n","NumericEquals":1}""", """{"n":"1"}""", "no")]
    [InlineData("""{"Variable":"$.b","BooleanEquals":true}""", """{"b":true}""", "yes")]
    [InlineData("""{"Variable":"$.b","BooleanEqualsPath":"$.c"}""", """{"b":false,"c":false}""", "yes")]
    [InlineData("""{"Variable":"$.t","TimestampEquals":"2026-01-01T00:00:00Z"}""", """{"t":"2026-01-01T00:00:00Z"}""", "yes")]
    [InlineData("""{"Variable":"$.t","TimestampLessThan":"2026-01-01T00:00:00Z"}""", """{"t":"2025-12-31T23:59:59Z"}""", "yes")]
    [InlineData("""{"Variable":"$.t","TimestampGreaterThan":"2026-01-01T00:00:00Z"}""", """{"t":"2026-01-01T01:00:00+02:00"}""", "no")]
    [InlineData("""{"Variable":"$.t","TimestampLessThanEqualsPath":"$.u"}""", """{"t":"2026-01-01T00:00:00Z","u":"2026-01-01T00:00:00Z"}""", "yes")]
    [InlineData("""{"Variable":"$.t","TimestampGreaterThanEquals":"2026-01-01T00:00:00Z"}""", """{"t":"not a time"}""", "no")]
    [InlineData("""{"Variable":"$.s","StringMatches":"log-*.txt"}""", """{"s":"log-2026-01.txt"}""", "yes")]
    [InlineData("""{"Variable":"$.s","StringMatches":"*.log"}""", """{"s":"a.txt"}""", "no")]
    [InlineData("""{"Variable":"$.s","StringMatches":"a\\*b"}""", """{"s":"a*b"}""", "yes")]
    [InlineData("""{"Variable":"$.s","StringMatches":"a\\*b"}""", """{"s":"axb"}""", "no")]
    [InlineData("""{"Variable":"$.x","IsNull":true}""", """{"x":null}""", "yes")]
    [InlineData("""{"Variable":"$.x","IsPresent":true}""", """{"y":1}""", "no")]
    [InlineData("""{"Variable":"$.x","IsPresent":false}""", """{"y":1}""", "yes")]
    [InlineData("""{"Variable":"$.x","IsNumeric":true}""", """{"x":2}""", "yes")]
    [InlineData("""{"Variable":"$.x","IsString":false}""", """{"x":2}""", "yes")]
    [InlineData("""{"Variable":"$.x","IsBoolean":true}""", """{"x":false}""", "yes")]
    [InlineData("""{"Variable":"$.x","IsTimestamp":true}""", """{"x":"2026-03-14T01:59:00Z"}""", "yes")]
    [InlineData("""{"Variable":"$.x","IsTimestamp":true}""", """{"x":"2026-03-14"}""", "no")]
    [InlineData("""{"And":[{"Variable":"$.v","NumericGreaterThanEquals":20},{"Variable":"$.v","NumericLessThan":30}]}""", """{"v":25}""", "yes")]
    [InlineData("""{"Or":[{"Variable":"$.v","NumericLessThan":20},{"Variable":"$.v","NumericGreaterThan":30}]}""", """{"v":25}""", "no")]
    [InlineData("""{"Not":{"Variable":"$.type","StringEquals":"Private"}}""", """{"type":"Public"}""", "yes")]
    public void SFN_04_Operators(string rule, string input, string expected)
    {
        var machine = Machine(rule[..^1] + ",\"Next\":\"Yes\"}");
        Assert.Equal(expected, Sfn.RunOutput(machine, input)!.GetValue<string>());
    }

    [Fact]
    public void SFN_04_AwsExample_FirstMatchingRuleWins()
    {
        // The Choice-state example of AWS's docs: Public/ValueIsZero/ValueInTwenties/Default.
        const string machine = """
            {"StartAt":"ChoiceStateX","States":{
              "ChoiceStateX":{"Type":"Choice","Choices":[
                {"Not":{"Variable":"$.type","StringEquals":"Private"},"Next":"Public"},
                {"Variable":"$.value","NumericEquals":0,"Next":"ValueIsZero"},
                {"And":[{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}],"Next":"ValueInTwenties"}],
                "Default":"DefaultState"},
              "Public":{"Type":"Pass","Result":"Public","End":true},
              "ValueIsZero":{"Type":"Pass","Result":"ValueIsZero","End":true},
              "ValueInTwenties":{"Type":"Pass","Result":"ValueInTwenties","End":true},
              "DefaultState":{"Type":"Fail","Error":"DefaultStateError","Cause":"No Matches!"}}}
            """;
        Assert.Equal("Public", Sfn.RunOutput(machine, """{"type":"Public","value":25}""")!.GetValue<string>());
        Assert.Equal("ValueInTwenties", Sfn.RunOutput(machine, """{"type":"Private","value":25}""")!.GetValue<string>());
        Assert.Equal("ValueIsZero", Sfn.RunOutput(machine, """{"type":"Private","value":0}""")!.GetValue<string>());
        var failed = Sfn.Run(machine, """{"type":"Private","value":99}""");
        Assert.Equal(ExecutionStatus.Failed, failed.Status);
        Assert.Equal(("DefaultStateError", "No Matches!"), (failed.Error, failed.Cause));
        Assert.Equal(["ExecutionStarted", "ChoiceStateEntered", "ChoiceStateExited", "FailStateEntered", "ExecutionFailed"], Sfn.Types(failed));
    }

    [Fact]
    public void SFN_04_NoMatchNoDefault_IsNoChoiceMatched()
    {
        var e = Sfn.Run("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":1,"Next":"E"}]},"E":{"Type":"Succeed"}}}""", """{"a":2}""");
        Assert.Equal(StatesErrors.NoChoiceMatched, e.Error);
    }

    [Fact]
    public void SFN_04_MissingVariable_IsRuntimeError()
    {
        var e = Sfn.Run(Machine("""{"Variable":"$.nope","NumericEquals":1,"Next":"Yes"}"""), "{}");
        Assert.Equal(StatesErrors.Runtime, e.Error);
        Assert.StartsWith("An error occurred while executing the state 'C' (entered at the event id #2).", e.Cause);
    }
}
