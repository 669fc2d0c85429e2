using Course.Lambda.Core;
using Course.Sandbox.Hosting;

namespace Course.Sandbox.Tests;

/// <summary>Handlers shared by the engine tests.</summary>
internal static class TestHandlers
{
    public static HandlerFactory Echo => HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) => e);

    public static HandlerFactory Work(double ms) => HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) =>
    {
        SimulatedWork.Spend(ms);
        return "done";
    });

    public static HandlerFactory Throws(string message = "boom") =>
        HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) => Fail(message));

    private static string Fail(string message) => throw new InvalidOperationException(message);

    public static Simulation Sim(int seed = 1, Action<SimulationOptions>? configure = null)
    {
        var options = new SimulationOptions { Seed = seed, ApplyEnvironmentVariables = false };
        configure?.Invoke(options);
        return new Simulation(options);
    }

    public static DateTimeOffset T0 => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
