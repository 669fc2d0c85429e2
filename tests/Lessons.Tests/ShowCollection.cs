namespace Course.Lessons.Tests;

/// <summary>
/// Tests that run lesson code share <see cref="Course.Lessons.Display.Show.Html"/> (a static the notebook sets),
/// so they must not run at the same time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ShowCollection
{
    public const string Name = "Lesson code (Show is static)";
}
