using System.Text;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;

namespace Course.Sandbox.Tests.Hosting;

public class HandlerShapesTests
{
    public sealed class Shapes
    {
        public static int VoidCalls { get; set; }

        public string NoContext(string name) => "hi " + name;

        public string ContextOnly(ILambdaContext context) => context.FunctionName;

        public void Void(string name) => VoidCalls++;

        public async Task<int> Async(int n)
        {
            await Task.Yield();
            return n * 2;
        }

        public Task TaskOnly(string s) => Task.CompletedTask;

        public Stream Streams(Stream input, ILambdaContext context)
        {
            using var reader = new StreamReader(input);
            return new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd().ToUpperInvariant()));
        }

        public static string Static(string s) => s + "!";

        public string TooMany(string a, ILambdaContext b, int c) => a;

        public ValueTask<string> Value(string s) => ValueTask.FromResult(s);

        public string Overloaded(string s) => s;

        public string Overloaded(int n) => "";
    }

    private static string? Run(string method, string payload)
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "shape" }, HandlerFactory.FromType(typeof(Shapes), method));
        var result = sim.Lambda.Invoke("shape", payload);
        Assert.True(result.Succeeded, result.ErrorMessage);
        return result.Payload;
    }

    [Theory]
    [InlineData("NoContext", "\"ada\"", "\"hi ada\"")]
    [InlineData("ContextOnly", "{}", "\"shape\"")]
    [InlineData("Async", "21", "42")]
    [InlineData("Streams", "\"abc\"", "\"ABC\"")]
    [InlineData("Static", "\"x\"", "\"x!\"")]
    public void Invoke_EveryShapeLambdaAccepts_BindsAndSerialises(string method, string payload, string expected) =>
        Assert.Equal(expected, Run(method, payload));

    [Fact]
    public void Invoke_VoidAndTask_ReturnNoPayload()
    {
        Assert.Null(Run("Void", "\"x\""));
        Assert.Null(Run("TaskOnly", "\"x\""));
    }

    [Theory]
    [InlineData("TooMany", "more than two parameters")]
    [InlineData("Value", "ValueTask is not supported")]
    [InlineData("Overloaded", "more than one overload")]
    [InlineData("Missing", "was not found on type")]
    public void FromType_ShapesLambdaRejects_SayWhatToChange(string method, string expected)
    {
        var e = Assert.Throws<HandlerBindingException>(() => HandlerFactory.FromType(typeof(Shapes), method));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
