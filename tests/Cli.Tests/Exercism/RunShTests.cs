using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Course.Cli.Tests.Exercism;

/// <summary>
/// bin/run.sh, Exercism's test-runner interface (<c>bin/run.sh &lt;slug&gt; &lt;solution-dir&gt; &lt;output-dir&gt;</c>): it writes
/// results.json v3 and exits 0 whether the checks pass or fail, and names a missing solution file in results.json.
/// The script runs the tool this test project built (COURSE_EXE) instead of publishing one.
/// </summary>
public sealed class RunShTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("run-sh-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string RepoRoot([CallerFilePath] string caller = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", ".."));

    private (int Exit, JsonElement Results) Run(string slug, string? handler)
    {
        var input = Path.Combine(_dir, "in-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(_dir, "out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(input);
        if (handler is not null)
        {
            File.Copy(handler, Path.Combine(input, "Function.cs"));
        }

        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(RepoRoot(), "bin", "run.sh"), slug, input, output })
        {
            start.ArgumentList.Add(arg);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        start.Environment["COURSE_EXE"] = $"{dotnet} exec {Path.Combine(AppContext.BaseDirectory, "course.dll")}";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "bin/run.sh did not finish");
        Assert.True(File.Exists(Path.Combine(output, "results.json")), $"no results.json; stderr: {stderr.Result}");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        return (process.ExitCode, json.RootElement.Clone());
    }

    [Fact]
    public void RunSh_Solution_Pass_Starter_FailWithMessages_BothExitZero()
    {
        if (OperatingSystem.IsWindows())
        {
            return;   // a bash script; Exercism runs it on Linux
        }

        var exercise = Path.Combine(RepoRoot(), "exercises", "01-hello-api");
        var (passExit, pass) = Run("hello-api", Path.Combine(exercise, "solution", "Function.cs"));
        Assert.Equal(0, passExit);
        Assert.Equal(3, pass.GetProperty("version").GetInt32());
        Assert.Equal("pass", pass.GetProperty("status").GetString());
        Assert.All(pass.GetProperty("tests").EnumerateArray(), t => Assert.Equal("pass", t.GetProperty("status").GetString()));

        var (failExit, fail) = Run("01-hello-api", Path.Combine(exercise, "Function.cs"));
        Assert.Equal(0, failExit);
        Assert.Equal("fail", fail.GetProperty("status").GetString());
        Assert.Contains(fail.GetProperty("tests").EnumerateArray(), t => t.GetProperty("status").GetString() == "fail" && t.GetProperty("message").GetString()!.Contains("observed:", StringComparison.Ordinal));

        var (missingExit, missing) = Run("01", null);
        Assert.Equal(0, missingExit);
        Assert.Equal("error", missing.GetProperty("status").GetString());
        Assert.Contains("Function.cs is missing", missing.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
