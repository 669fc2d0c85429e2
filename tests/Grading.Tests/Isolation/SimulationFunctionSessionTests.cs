using Course.Grading.Compilation;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Isolation;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;

namespace Course.Grading.Tests.Isolation;

public sealed class SimulationFunctionSessionTests
{
    private const string Yaml =
        "id: two-functions\n" +
        "title: Two functions\n" +
        "handler: { file: Function.cs, type: Pair.Function, method: First }\n" +
        "checks:\n" +
        "  - id: both\n" +
        "    title: Both run\n" +
        "    hint: Run both.\n";

    private const string Source =
        "namespace Pair;\n" +
        "public class Function\n" +
        "{\n" +
        "    public string First(string input, Course.Lambda.Core.ILambdaContext context) => \"first:\" + input;\n" +
        "    public string Second(string input, Course.Lambda.Core.ILambdaContext context) => \"second:\" + input;\n" +
        "}\n";

    [Fact]
    public async Task HandlerFor_AnotherMethodOfTheCompiledClass_DeploysAsItsOwnFunction()
    {
        var compiled = new SourceCompiler().CompileLearner([new SourceFile("Function.cs", Source)], "Pair");
        Assert.True(compiled.Success, compiled.RenderDiagnostics());
        using var session = new SimulationFunctionSession(ExerciseLoader.Parse(Yaml, "exercise.yaml"), compiled.Assembly!, compiled.Pdb!, seed: 1);

        session.Simulation.Lambda.Deploy(new FunctionOptions { FunctionName = "second" }, session.HandlerFor("Second"));
        var first = session.Simulation.Lambda.InvokeAsync(session.Function.Name, "\"a\"");
        var second = session.Simulation.Lambda.InvokeAsync("second", "\"b\"");
        session.Simulation.RunUntilComplete(Task.WhenAll(first, second));

        Assert.True(first.IsCompleted && second.IsCompleted);
        Assert.Equal("\"first:a\"", (await first).Payload);
        Assert.Equal("\"second:b\"", (await second).Payload);
    }

    [Fact]
    public void HandlerFor_SessionOverADelegate_SaysItNeedsACompiledFile()
    {
        var handler = HandlerFactory.FromDelegate((string input, ILambdaContext context) => input);
        using var session = new SimulationFunctionSession(ExerciseLoader.Parse(Yaml, "exercise.yaml"), handler, seed: 1);

        var error = Assert.Throws<InvalidOperationException>(() => session.HandlerFor("Second"));

        Assert.Contains("not a compiled assembly", error.Message, StringComparison.Ordinal);
    }
}
