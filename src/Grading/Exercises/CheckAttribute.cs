namespace Course.Grading.Exercises;

/// <summary>
/// Marks a method in an exercise's checks file as the code of the exercise.yaml check with the same id.
/// The method takes a <see cref="CheckContext"/>, returns void or Task, and fails by throwing
/// <see cref="CheckFailedException"/> (any other exception is reported as a broken check).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CheckAttribute : Attribute
{
    /// <summary>Marks the method as check <paramref name="id"/>.</summary>
    /// <param name="id">The check id in exercise.yaml.</param>
    public CheckAttribute(string id) => Id = id;

    /// <summary>The check id in exercise.yaml.</summary>
    public string Id { get; }
}
