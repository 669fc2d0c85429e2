using System.Runtime.CompilerServices;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.StepFunctions;

/// <summary>Gives every <see cref="Simulation"/> its Step Functions service: <c>sim.StepFunctions</c>.</summary>
public static class SimulationStepFunctions
{
    private static readonly ConditionalWeakTable<Simulation, StepFunctionsService> Services = [];

    extension(Simulation simulation)
    {
        /// <summary>The simulated Step Functions service of this simulation (created on first use).</summary>
        public StepFunctionsService StepFunctions => Services.GetValue(simulation, s => new StepFunctionsService(s));
    }
}
