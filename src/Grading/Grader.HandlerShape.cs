using System.Diagnostics;
using System.Security.Cryptography;
using Course.Grading.Compilation;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Isolation;
using Course.Grading.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading;

public sealed partial class Grader
{
    private static string? FindHandlerProblem(ExerciseDefinition exercise, CompileResult learner, string file)
    {
        var type = learner.Compilation.GetTypeByMetadataName(exercise.Handler.Type);
        if (type is null)
        {
            return $"{file}:1:1: error: exercise.yaml expects the handler class '{exercise.Handler.Type}', but {file} declares no such class. Keep the namespace and class name from the starter file.";
        }

        var methods = type.GetMembers(exercise.Handler.Method).OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public).ToList();
        if (methods.Count == 0)
        {
            var location = type.Locations.FirstOrDefault()?.GetLineSpan();
            var where = location is { } l ? $"{file}:{l.StartLinePosition.Line + 1}:{l.StartLinePosition.Character + 1}" : $"{file}:1:1";
            return $"{where}: error: exercise.yaml expects a public method '{exercise.Handler.Method}' on {type.Name}, but there is none. Keep the handler method's name from the starter file.";
        }

        if (methods.Count > 1)
        {
            return $"{file}:1:1: error: {type.Name} has {methods.Count} public methods named '{exercise.Handler.Method}'; Lambda needs exactly one handler method with that name.";
        }

        if (type.IsAbstract || (!methods[0].IsStatic && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)))
        {
            return $"{file}:1:1: error: {type.Name} needs a public parameterless constructor: Lambda creates the handler class itself during INIT.";
        }

        return null;
    }
}
