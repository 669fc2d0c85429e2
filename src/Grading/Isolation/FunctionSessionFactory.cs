using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Isolation;

/// <summary>Creates the session that runs the learner's function for one check (the pluggable engine seam).</summary>
internal static class FunctionSessionFactory
{
    public static IFunctionSession Create(ExerciseDefinition exercise, WorkerRequest request) =>
        new SimulationFunctionSession(exercise, request.LearnerAssembly, request.LearnerPdb, request.Seed);
}
