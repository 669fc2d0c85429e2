namespace Course.Grading.Exercises.Model;

/// <summary>Where the learner's handler lives: <c>handler:</c> in exercise.yaml.</summary>
/// <param name="File">The learner's file, relative to the exercise folder (e.g. <c>Function.cs</c>).</param>
/// <param name="Type">The handler class's full name (e.g. <c>HelloApi.Function</c>).</param>
/// <param name="Method">The handler method's name (e.g. <c>FunctionHandler</c>).</param>
public sealed record HandlerSpec(string File, string Type, string Method);
