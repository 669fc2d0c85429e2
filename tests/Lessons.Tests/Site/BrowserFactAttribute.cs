namespace Course.Lessons.Tests.Site;

/// <summary>
/// A fact that needs headless Chromium. It is skipped only when no browser is installed and
/// COURSE_REQUIRE_BROWSER is unset; with COURSE_REQUIRE_BROWSER set (as in CI) a missing browser fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Find() is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("COURSE_REQUIRE_BROWSER")))
        {
            Skip = "Chromium is not installed (apt-get install -y chromium); set COURSE_REQUIRE_BROWSER=1 to make this a failure.";
        }
    }
}
