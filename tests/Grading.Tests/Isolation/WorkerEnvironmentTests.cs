using Course.Grading.Isolation;

namespace Course.Grading.Tests.Isolation;

public sealed class WorkerEnvironmentTests
{
    [Fact]
    public void Seal_KeepsOnlyWhatTheHostNeeds_NothingOfTheMachine()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/bin",
            ["DOTNET_ROOT"] = "/usr/share/dotnet",
            ["GITHUB_TOKEN"] = "ghp_secret",
            ["AWS_SECRET_ACCESS_KEY"] = "real-key",
            ["COURSE_WORKER_DOTNET_JitStdOutFile"] = "/tmp/jit",
        };

        WorkerLauncher.Seal(environment);

        Assert.Equal(["COURSE_WORKER_DOTNET_JitStdOutFile", "DOTNET_ROOT", "PATH"], environment.Keys.Order(StringComparer.Ordinal));
    }
}
