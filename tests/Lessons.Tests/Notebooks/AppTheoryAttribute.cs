namespace Course.Lessons.Tests.Notebooks;

/// <summary>A theory that runs only when COURSE_RUN_NOTEBOOK_APPS is set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AppTheoryAttribute : TheoryAttribute
{
    public AppTheoryAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("COURSE_RUN_NOTEBOOK_APPS")))
        {
            Skip = "Set COURSE_RUN_NOTEBOOK_APPS=1 to run every notebooks/*.cs with `dotnet run` (slow).";
        }
    }
}
