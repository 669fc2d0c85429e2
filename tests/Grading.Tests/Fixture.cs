namespace Course.Grading.Tests;

/// <summary>Paths of the test exercise fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Hello => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hello");

    public static string Hostile(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile", name + ".cs");

    public static string Expectation(string name) => Path.Combine(AppContext.BaseDirectory, "Expectations", name);

    /// <summary>The source copy of an expectation file, rewritten when UPDATE_EXPECTATIONS=1.</summary>
    public static string SourceExpectation(string name, [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller)!;
        while (!File.Exists(Path.Combine(dir, "Grading.Tests.csproj")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return Path.Combine(dir, "Expectations", name);
    }

    public static void AssertMatches(string name, string actual, [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTATIONS") == "1")
        {
            File.WriteAllText(SourceExpectation(name, caller), actual);
            return;
        }

        var path = Expectation(name);
        Assert.True(File.Exists(path), $"missing expectation {name}; run the tests with UPDATE_EXPECTATIONS=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
