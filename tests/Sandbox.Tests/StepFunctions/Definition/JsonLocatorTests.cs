using Course.Sandbox.StepFunctions.Definition;

namespace Course.Sandbox.Tests.StepFunctions.Definition;

public class JsonLocatorTests
{
    private const string Text = "{\n  \"StartAt\": \"C\",\n  \"States\": {\n    \"C\": {\n      \"Type\": \"Choice\",\n      \"Choices\": [\n        { \"Variable\": \"$.a\", \"Next\": \"X\" },\n        { \"Variable\": \"$.b\", \"Next\": \"Y\" }\n      ]\n    }\n  }\n}";

    [Theory]
    [InlineData("/", 1, 1)]
    [InlineData(null, 1, 1)]
    [InlineData("/StartAt", 2, 3)]
    [InlineData("/States/C", 4, 5)]
    [InlineData("/States/C/Choices[0]", 7, 9)]
    [InlineData("/States/C/Choices[1]/Next", 8, 30)]
    [InlineData("/States/C/Missing", 4, 5)]
    public void Find_PointsAtTheProperty(string? location, int line, int column) =>
        Assert.Equal((line, column), JsonLocator.Find(Text, location));
}
