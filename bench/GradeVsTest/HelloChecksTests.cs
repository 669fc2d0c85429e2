using Course.Grading.Exercises;
using Course.Grading.Isolation;
using Course.Sandbox.Hosting;
using Hello.Checks;

namespace GradeVsTest;

/// <summary>The hello fixture's two checks, each as an xunit test over the same handler `grade` compiles.</summary>
public sealed class HelloChecksTests
{
    private static readonly ExerciseDefinition Exercise = ExerciseLoader.Load(Path.Combine(AppContext.BaseDirectory, "Fixture"));

    private static HandlerFactory Handler => HandlerFactory.FromType(typeof(Hello.Function), "FunctionHandler");

    [Fact]
    public Task GreetsByName() => InProcessChecks.RunAsync(Exercise, "greets-by-name", Handler, HelloChecks.GreetsByName);

    [Fact]
    public async Task InitOnce()
    {
        var output = await InProcessChecks.RunAsync(Exercise, "init-once", Handler, HelloChecks.InitOnce);
        Assert.Contains("two invocations, one cold start", output, StringComparison.Ordinal);
    }
}
