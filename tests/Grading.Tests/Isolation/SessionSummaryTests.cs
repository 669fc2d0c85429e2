using System.Runtime.CompilerServices;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Isolation;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;

namespace Course.Grading.Tests.Isolation;

/// <summary>
/// The report's summary counts what the engine observed of the learner's code: the exercise's function and any
/// function a check deployed again with the learner's handler — not functions a check runs with handlers of its own.
/// </summary>
public sealed class SessionSummaryTests
{
    [Fact]
    public async Task Summarize_CountsEveryFunctionRunningTheLearnersHandler_NotTheChecksOwn()
    {
        var exercise = ExerciseLoader.Load(Fixture.Hello);
        var learner = HandlerFactory.FromDelegate<Dictionary<string, string>, string>((e, _) => "hello");
        using var session = new SimulationFunctionSession(exercise, learner, seed: 1);
        session.Simulation.Lambda.Deploy(new FunctionOptions { FunctionName = "tuned", MemorySize = 256 }, session.Function.Handler);
        session.Simulation.Lambda.Deploy(new FunctionOptions { FunctionName = "checks-own" }, HandlerFactory.FromDelegate<Dictionary<string, string>, string>((e, _) => "stub"));

        await session.InvokeAsync("{}");
        foreach (var name in new[] { "tuned", "tuned", "checks-own" })
        {
            var pending = session.Simulation.Lambda.InvokeAsync(name, "{}");
            session.Simulation.RunUntilComplete(pending);
        }

        var summary = session.Summarize();

        Assert.Equal(3, summary.Invocations);   // hello once, tuned twice; checks-own is not the learner's
        Assert.Equal(2, summary.ColdStarts);
        Assert.Equal(3, session.Durations.Count);
    }

    [Fact]
    public async Task Grade_ColdStartTuningSolution_SummaryCountsTheLoadRunsInvocations()
    {
        // Exercise 11's checks deploy the learner's handler again (with the configuration Function.cs declares) and
        // drive it with the load generator; the summary used to say "0 invocations".
        var directory = Path.Combine(RepoRoot(), "exercises", "11-cold-start-tuning");
        using var grader = new Grader();

        var report = await grader.GradeAsync(new GradeOptions { ExerciseDirectory = directory, HandlerFile = Path.Combine(directory, "solution", "Function.cs"), UseDiskCache = false });

        Assert.Equal(report.MaxScore, report.Score);
        Assert.InRange(report.Summary.Invocations, 1_000, 100_000);   // two load runs of 10 requests/s for 180 s
        Assert.InRange(report.Summary.ColdStarts, 1, report.Summary.Invocations);
        Assert.True(report.Summary.CostUsd > 0m);
        Assert.True(report.Summary.P99Ms > 0);
    }

    private static string RepoRoot([CallerFilePath] string caller = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", ".."));
}
