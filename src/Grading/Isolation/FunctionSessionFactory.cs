using System.Reflection;
using System.Text;
using Course.Grading.Exercises;

namespace Course.Grading.Isolation;

/// <summary>Creates the session that runs the learner's function for one check (the pluggable engine seam).</summary>
internal static class FunctionSessionFactory
{
    public static IFunctionSession Create(ExerciseDefinition exercise, Assembly learner, int seed, StringBuilder logs) =>
        new DirectFunctionSession(exercise, learner, logs);
}
