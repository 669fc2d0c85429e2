using Course.Sandbox.StepFunctions.Definition;

namespace Course.Sandbox.Tests.StepFunctions.Definition;

public class DefinitionValidationTests
{
    private static IReadOnlyList<DefinitionDiagnostic> Validate(string json) => StateMachineDefinition.Validate(json);

    private static void Has(string json, string code, string message, string? location)
    {
        var all = Validate(json);
        Assert.True(all.Any(d => d.Code == code && d.Message == message && d.Location == location),
            $"expected {code}: {message} at {location}\n got: {string.Join("\n      ", all)}");
    }

    [Fact]
    public void Valid_HelloWorld_HasNoDiagnostics() =>
        Assert.Empty(Validate("""{"Comment":"A Hello World example","StartAt":"HelloWorld","States":{"HelloWorld":{"Type":"Pass","Result":"Hello World!","End":true}}}"""));

    [Fact]
    public void MissingStartAt_IsSchemaError() =>
        Has("""{"States":{"A":{"Type":"Succeed"}}}""", "SCHEMA_VALIDATION_FAILED", "These fields are required: [StartAt]", "/");

    [Fact]
    public void UnknownNext_IsMissingTransitionTarget_AtTheField()
    {
        // AWS's wording: "Missing 'Next' target: <name>" wherever the target is (Next, Default, Choices, Catch).
        Has("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"NOPE"},"B":{"Type":"Succeed"}}}""", "MISSING_TRANSITION_TARGET", "Missing 'Next' target: NOPE", "/States/A/Next");
        Has("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"}],"Default":"Y"},"E":{"Type":"Succeed"}}}""",
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: X", "/States/C/Choices[0]/Next");
        Has("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"E"}],"Default":"Y"},"E":{"Type":"Succeed"}}}""",
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: Y", "/States/C/Default");
    }

    [Fact]
    public void UnreachableState_IsReportedAsAwsDoes() =>
        Has("""{"StartAt":"Pass One","States":{"Pass One":{"Type":"Pass","Next":"Success"},"Unreachable pass":{"Type":"Pass","Next":"Success"},"Success":{"Type":"Succeed"}}}""",
            "MISSING_TRANSITION_TARGET", "State \"Unreachable pass\" is not reachable.", "/States/Unreachable pass");

    [Fact]
    public void Loop_WithoutTerminalState_IsMissingEndState_WithNoLocation()
    {
        var all = Validate("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},"C":{"Type":"Pass","Next":"A"}}}""");
        Assert.Equal([new DefinitionDiagnostic("MISSING_END_STATE", "Workflow has no terminal state", null)], all);
    }

    [Fact]
    public void MissingNextAndEnd_IsSchemaError() =>
        Has("""{"StartAt":"A","States":{"A":{"Type":"Pass"},"B":{"Type":"Succeed"}}}""", "SCHEMA_VALIDATION_FAILED",
            "There should be exactly one of the following fields: [Next, End]", "/States/A");

    [Theory]
    [InlineData("Pass", "TimeoutSeconds", "5")]
    [InlineData("Pass", "Catch", "[]")]
    [InlineData("Wait", "Retry", "[]")]
    [InlineData("Succeed", "ResultPath", "\"$\"")]
    [InlineData("Pass", "Foo", "1")]
    public void UnsupportedField_IsSchemaError_AtTheState(string type, string field, string value)
    {
        var extra = type == "Wait" ? ",\"Seconds\":1" : "";
        var end = type == "Succeed" ? "" : ",\"End\":true";
        Has($"{{\"StartAt\":\"S\",\"States\":{{\"S\":{{\"Type\":\"{type}\"{extra}{end},\"{field}\":{value}}}}}}}", "SCHEMA_VALIDATION_FAILED", $"Field '{field}' is not supported", "/States/S");
    }

    [Fact]
    public void WrongType_SaysWhatTypeIsExpected() =>
        Has("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":"ten","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "The value for the field 'Seconds' must be an INTEGER", "/States/W/Seconds");

    [Fact]
    public void ResultPath_MustBeAReferencePath() =>
        Has("""{"StartAt":"P","States":{"P":{"Type":"Pass","ResultPath":"$.a[*]","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "Value is not a Reference Path", "/States/P/ResultPath");

    [Fact]
    public void MapNumbers_NegativeAndBothFields_AreRejected()
    {
        const string processor = "\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
        Has($"{{\"StartAt\":\"M\",\"States\":{{\"M\":{{\"Type\":\"Map\",\"MaxConcurrency\":-1,{processor},\"End\":true}}}}}}", "SCHEMA_VALIDATION_FAILED", "Minimum value is 0", "/States/M/MaxConcurrency");
        Has($"{{\"StartAt\":\"M\",\"States\":{{\"M\":{{\"Type\":\"Map\",\"MaxConcurrency\":1,\"MaxConcurrencyPath\":\"$.n\",{processor},\"End\":true}}}}}}", "SCHEMA_VALIDATION_FAILED",
            "There should only be one of the following fields: [MaxConcurrency, MaxConcurrencyPath]", "/States/M");
    }

    [Theory]
    [InlineData("""{"Variable":"$.a","Next":"E"}""", "/States/C/Choices[0]")]
    [InlineData("""{"Variable":"$.a","StringEquals":1,"Next":"E"}""", "/States/C/Choices[0]/StringEquals")]
    [InlineData("""{"Variable":"$.a","NumericEquals":1}""", "/States/C/Choices[0]")]
    [InlineData("""{"And":[{"Variable":"$.a","IsNull":true,"Next":"E"}],"Next":"E"}""", "/States/C/Choices[0]/And[0]/Next")]
    [InlineData("""{"Variable":"$.a","StringEquals":"x","NumericEquals":1,"Next":"E"}""", "/States/C/Choices[0]")]
    [InlineData("""{"Variable":"$.t","TimestampEquals":"yesterday","Next":"E"}""", "/States/C/Choices[0]/TimestampEquals")]
    public void BadChoiceRules_AreRejectedAtTheRule(string rule, string location)
    {
        var all = Validate($"{{\"StartAt\":\"C\",\"States\":{{\"C\":{{\"Type\":\"Choice\",\"Choices\":[{rule}]}},\"E\":{{\"Type\":\"Succeed\"}}}}}}");
        Assert.Contains(all, d => d.Code == "SCHEMA_VALIDATION_FAILED" && d.Location == location);
    }

    [Fact]
    public void UnknownResource_IsInvalidResource()
    {
        Has("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::nope:doIt","End":true}}}""", "INVALID_RESOURCE",
            "The resource provided arn:aws:states:::nope:doIt is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.", "/States/T/Resource");
    }

    [Fact]
    public void BadPathsAndIntrinsics_InParameters_AreRejected()
    {
        var all = Validate("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"States.Nope(1)","b.$":"$.x[","c.$":5},"End":true}}}""");
        Assert.Equal(["/States/P/Parameters/a.$", "/States/P/Parameters/b.$", "/States/P/Parameters/c.$"], all.Select(d => d.Location));
    }

    [Fact]
    public void NestedMachines_AreValidatedWithTheirOwnLocations()
    {
        Has("""{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"A":{"Type":"Succeed"}}}],"End":true}}}""",
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: X", "/States/P/Branches[0]/StartAt");
        Has("""{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"},"C":{"Type":"Succeed"}}},"End":true}}}""",
            "MISSING_TRANSITION_TARGET", "State \"C\" is not reachable.", "/States/M/ItemProcessor/States/C");
    }

    [Fact]
    public void StatesAll_MustBeAloneAndLast()
    {
        var all = Validate("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],"End":true}}}""");
        Assert.Contains(all, d => d.Location == "/States/T/Retry[0]/ErrorEquals");
    }

    [Fact]
    public void InvalidDefinitionException_HasAwsMessageShape()
    {
        var e = Assert.Throws<InvalidDefinitionException>(() => StateMachineDefinition.Parse("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}"""));
        Assert.StartsWith("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next", e.Message);
        Assert.Equal("InvalidDefinition", e.ErrorCode);
    }

    [Theory]
    [InlineData("Output")]
    [InlineData("Arguments")]
    public void JsonataFields_InAJsonPathMachine_AreRejectedAsAwsDoes(string field) =>
        Has("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"" + field + "\":{},\"End\":true}}}", "SCHEMA_VALIDATION_FAILED",
            $"The QueryLanguage is set to 'JSONPath', but field '{field}' is only supported for the 'JSONata' QueryLanguage", "/States/P");

    [Fact]
    public void NotJson_IsReported() => Assert.Equal("INVALID_JSON_DESCRIPTION", Validate("{ nope").Single().Code);
}
