using System.Runtime.CompilerServices;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.StepFunctions;

/// <summary>Gives every <see cref="Simulation"/> its Step Functions service: <c>sim.StepFunctions</c>.</summary>
public static class SimulationStepFunctions
{
    private static readonly ConditionalWeakTable<Simulation, StepFunctionsService> Services = [];

    /// <summary>The simulated Step Functions service of <paramref name="simulation"/> (created on first use).</summary>
    public static StepFunctionsService For(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        return Services.GetValue(simulation, s => new StepFunctionsService(s));
    }

    extension(Simulation simulation)
    {
        /// <summary>The simulated Step Functions service of this simulation (created on first use).</summary>
        public StepFunctionsService StepFunctions => For(simulation);
    }
}
